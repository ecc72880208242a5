using System.Data.Common;
using Dapper;
using MentorBot.Persistence;
using Microsoft.Extensions.Options;

namespace MentorBot.Scheduling;

/// <summary>
/// The durable outbound queue. Enqueueing is idempotent by id (kind + reference + person), so a retried action never
/// queues twice; claiming is a conditional update, so two instances never take the same item.
/// </summary>
internal sealed class OutboxStore(Database database, IOptions<OutboxOptions> options, TimeProvider time)
{
    public async Task<bool> EnqueueAsync(string kind, string reference, string personId, CancellationToken cancellationToken, TimeSpan? delay = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await EnqueueAsync(connection, null, kind, reference, personId, delay, cancellationToken);
    }

    /// <summary>Queues an item in the caller's transaction: it is queued exactly when what it announces is stored.</summary>
    public Task<bool> EnqueueAsync(DbConnection connection, DbTransaction transaction, string kind, string reference, string personId, CancellationToken cancellationToken) =>
        EnqueueAsync(connection, transaction, kind, reference, personId, null, cancellationToken);

    private async Task<bool> EnqueueAsync(
        DbConnection connection, DbTransaction? transaction, string kind, string reference, string personId, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO outbox (id, kind, reference, person_id, status, attempts, not_before_ms, created_at_ms)
            VALUES (@id, @kind, @reference, @personId, 'queued', 0, @notBefore, @now)
            ON CONFLICT (id) DO NOTHING
            """,
            new { id = $"{kind}|{reference}|{personId}", kind, reference, personId, notBefore = (now + (delay ?? TimeSpan.Zero)).ToUnixTimeMilliseconds(), now = now.ToUnixTimeMilliseconds() },
            transaction,
            cancellationToken: cancellationToken));
        return rows == 1;
    }

    /// <summary>Claims up to <paramref name="count"/> due items (queued, or sending with an expired lease).</summary>
    public async Task<IReadOnlyList<OutboxItem>> ClaimAsync(int count, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var leaseUntil = DateTimeOffset.FromUnixTimeMilliseconds(now) + options.Value.ClaimLease;
        var skipLocked = database.Provider == StorageProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        await using var connection = await database.OpenAsync(cancellationToken);
        var items = await connection.QueryAsync<OutboxItem>(new CommandDefinition(
            $"""
            UPDATE outbox SET status = 'sending', claimed_until_ms = @lease, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox
                WHERE (status = 'queued' AND not_before_ms <= @now) OR (status = 'sending' AND claimed_until_ms < @now)
                ORDER BY not_before_ms, id
                LIMIT {count}{skipLocked})
            AND ((status = 'queued' AND not_before_ms <= @now) OR (status = 'sending' AND claimed_until_ms < @now))
            RETURNING id AS Id, kind AS Kind, reference AS Reference, person_id AS PersonId, attempts AS Attempts
            """,
            new { now, lease = leaseUntil.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return [.. items.Select(i => { i.LeaseUntil = leaseUntil; return i; })];
    }

    public const string WaitingForConversation = "waiting for a conversation";

    public Task MarkSentAsync(string id, CancellationToken cancellationToken) =>
        SetAsync(id, "sent", null, null, cancellationToken, sent: true);

    /// <summary>Several sent items in one statement: the dispatcher groups the sends that finish together (<see cref="Persistence.GroupCommit{T}"/>).</summary>
    public async Task MarkSentAsync(string[] ids, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE outbox SET status = 'sent', last_error = NULL, claimed_until_ms = NULL, sent_at_ms = @now
            WHERE {database.AnyOf("id", "ids")} AND status = 'sending'
            """,
            new { ids, now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    public Task MarkGoneAsync(string id, string reason, CancellationToken cancellationToken) =>
        SetAsync(id, "gone", reason, null, cancellationToken);

    public Task MarkDroppedAsync(string id, string reason, CancellationToken cancellationToken) =>
        SetAsync(id, "dropped", reason, null, cancellationToken);

    public Task MarkFailedAsync(string id, string reason, CancellationToken cancellationToken) =>
        SetAsync(id, "failed", reason, null, cancellationToken);

    /// <summary>Back into the queue, not before <paramref name="notBefore"/>: throttled, waiting for a conversation, or a transient failure.</summary>
    public Task RequeueAsync(string id, string reason, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        SetAsync(id, "queued", reason, notBefore, cancellationToken);

    /// <summary>The people with something queued who have no conversation with MentorBot yet.</summary>
    public async Task<IReadOnlyList<string>> WaitingForConversationAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT person_id FROM outbox WHERE status IN ('queued', 'sending') AND last_error = @reason ORDER BY person_id",
            new { reason = WaitingForConversation }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition("SELECT status, COUNT(*) FROM outbox GROUP BY status", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Status, r => (int)r.Count, StringComparer.Ordinal);
    }

    private async Task SetAsync(string id, string status, string? reason, DateTimeOffset? notBefore, CancellationToken cancellationToken, bool sent = false)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox SET status = @status, last_error = @reason, claimed_until_ms = NULL,
                not_before_ms = COALESCE(@notBefore, not_before_ms), sent_at_ms = CASE WHEN @sent = 1 THEN @now ELSE sent_at_ms END
            WHERE id = @id AND status = 'sending'
            """,
            new { id, status, reason, notBefore = notBefore?.ToUnixTimeMilliseconds(), sent = sent ? 1 : 0, now },
            cancellationToken: cancellationToken));
    }
}

internal sealed class OutboxItem
{
    public string Id { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Reference { get; set; } = string.Empty;

    public string PersonId { get; set; } = string.Empty;

    public long Attempts { get; set; }

    /// <summary>Until when this claim is ours; after it, another dispatch may take the item.</summary>
    public DateTimeOffset LeaseUntil { get; set; }
}
