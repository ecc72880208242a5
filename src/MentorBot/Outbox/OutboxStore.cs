using System.Data.Common;
using Dapper;
using MentorBot.Persistence;
using Microsoft.Extensions.Options;

namespace MentorBot.Outbox;

/// <summary>
/// The durable outbound queue. Enqueueing is idempotent by id (kind + reference + person), so a retried action never
/// queues twice; claiming is a conditional update, so two instances never take the same item.
/// </summary>
internal sealed class OutboxStore(Database database, IOptions<OutboxOptions> options, TimeProvider time)
{
    /// <summary>Queues one item in a write of its own; false when it was queued already (the same kind, reference and person).</summary>
    public async Task<bool> EnqueueAsync(string kind, string reference, string personId, CancellationToken cancellationToken, TimeSpan? delay = null)
    {
        var now = time.GetUtcNow();
        return await database.WriteAsync((connection, transaction) =>
            QueueAsync(connection, transaction, [new OutboxEntry(kind, reference, personId, delay ?? TimeSpan.Zero)], now, CancellationToken.None), cancellationToken) == 1;
    }

    /// <summary>
    /// Queues what a state change announces in the transaction that makes the change, so a crash between the two can
    /// lose neither: both are stored, or neither is. Returns how many were new.
    /// </summary>
    public static async Task<int> QueueAsync(DbConnection connection, DbTransaction transaction, IEnumerable<OutboxEntry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var chunk in entries.Chunk(500))
        {
            queued += await InsertAsync(connection, transaction, chunk, now, cancellationToken);
        }

        return queued;
    }

    /// <summary>One statement for up to a few hundred entries (a round trip, within both stores' parameter limits).</summary>
    private static Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, OutboxEntry[] all, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { now = now.ToUnixTimeMilliseconds() });
        var rows = new List<string>(all.Length);
        for (var i = 0; i < all.Length; i++)
        {
            var entry = all[i];
            parameters.Add($"i{i}", $"{entry.Kind}|{entry.Reference}|{entry.PersonId}");
            parameters.Add($"k{i}", entry.Kind);
            parameters.Add($"r{i}", entry.Reference);
            parameters.Add($"p{i}", entry.PersonId);
            parameters.Add($"n{i}", (now + (entry.Delay < TimeSpan.Zero ? TimeSpan.Zero : entry.Delay)).ToUnixTimeMilliseconds());
            rows.Add($"(@i{i}, @k{i}, @r{i}, @p{i}, 'queued', 0, @n{i}, @now)");
        }

        return connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO outbox (id, kind, reference, person_id, status, attempts, not_before_ms, created_at_ms)
            VALUES {string.Join(", ", rows)}
            ON CONFLICT (id) DO NOTHING
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Queues a reply that could not be sent during its turn: the activity as it would have gone out
    /// (<paramref name="preparedActivity"/>, opaque here), for the conversation it answers. Idempotent by
    /// <paramref name="reference"/> (the inbound activity), so a retried turn queues it once.
    /// </summary>
    public async Task<bool> EnqueueReplyAsync(string reference, string personKey, string conversationId, string preparedActivity, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.ExecuteAsync(
            """
            INSERT INTO outbox (id, kind, reference, person_id, status, attempts, not_before_ms, created_at_ms, conversation_id, prepared_activity)
            VALUES (@id, @kind, @reference, @personKey, 'queued', 0, @now, @now, @conversationId, @preparedActivity)
            ON CONFLICT (id) DO NOTHING
            """,
            new { id = $"{ReplyKind}|{reference}", kind = ReplyKind, reference, personKey, now, conversationId, preparedActivity },
            cancellationToken) == 1;
    }

    /// <summary>The kind of a queued reply (<see cref="EnqueueReplyAsync"/>).</summary>
    public const string ReplyKind = "reply";

    /// <summary>Claims up to <paramref name="count"/> due items (queued, or sending with an expired lease).</summary>
    public async Task<IReadOnlyList<OutboxItem>> ClaimAsync(int count, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var leaseUntil = DateTimeOffset.FromUnixTimeMilliseconds(now) + options.Value.ClaimLease;
        var skipLocked = database.Provider == StorageProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        var items = await database.WriteAsync((connection, transaction) => connection.QueryAsync<OutboxItem>(new CommandDefinition(
            $"""
            UPDATE outbox SET status = 'sending', claimed_until_ms = @lease, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox
                WHERE (status = 'queued' AND not_before_ms <= @now) OR (status = 'sending' AND claimed_until_ms < @now)
                ORDER BY not_before_ms, id
                LIMIT {count}{skipLocked})
            AND ((status = 'queued' AND not_before_ms <= @now) OR (status = 'sending' AND claimed_until_ms < @now))
            RETURNING id AS Id, kind AS Kind, reference AS Reference, person_id AS PersonId, attempts AS Attempts,
                conversation_id AS ConversationId, prepared_activity AS PreparedActivity
            """,
            new { now, lease = leaseUntil.ToUnixTimeMilliseconds() },
            transaction)), cancellationToken);
        return [.. items.Select(i => { i.LeaseUntil = leaseUntil; return i; })];
    }

    public const string WaitingForConversation = "waiting for a conversation";

    public Task MarkSentAsync(string id, CancellationToken cancellationToken) =>
        SetAsync(id, "sent", null, null, cancellationToken, sent: true);

    /// <summary>Several sent items in one statement: the dispatcher groups the sends that finish together (<see cref="Persistence.GroupCommit{T}"/>).</summary>
    public async Task MarkSentAsync(string[] ids, CancellationToken cancellationToken)
    {
        await database.ExecuteAsync(
            $"""
            UPDATE outbox SET status = 'sent', last_error = NULL, claimed_until_ms = NULL, sent_at_ms = @now, prepared_activity = NULL
            WHERE {database.AnyOf("id", "ids")} AND status = 'sending'
            """,
            new { ids, now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken);
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

    /// <summary>
    /// Back into the queue without spending the attempt its claim counted: nothing reached Teams (the bot had no token,
    /// or the connector could not be reached), so an outage of any length never uses up an item's attempts.
    /// </summary>
    public Task RequeueUnattemptedAsync(string id, string reason, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        SetAsync(id, "queued", reason, notBefore, cancellationToken, refund: true);

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

    /// <summary>Settles a claimed item. One that leaves the queue loses its prepared content (a reply's), sent or not.</summary>
    private async Task SetAsync(string id, string status, string? reason, DateTimeOffset? notBefore, CancellationToken cancellationToken, bool sent = false, bool refund = false)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await database.ExecuteAsync(
            """
            UPDATE outbox SET status = @status, last_error = @reason, claimed_until_ms = NULL,
                not_before_ms = COALESCE(@notBefore, not_before_ms), sent_at_ms = CASE WHEN @sent = 1 THEN @now ELSE sent_at_ms END,
                attempts = attempts - @refund,
                prepared_activity = CASE WHEN @status = 'queued' THEN prepared_activity ELSE NULL END
            WHERE id = @id AND status = 'sending'
            """,
            new { id, status, reason, notBefore = notBefore?.ToUnixTimeMilliseconds(), sent = sent ? 1 : 0, now, refund = refund ? 1 : 0 },
            cancellationToken);
    }
}

/// <summary>One card a state change announces: what to render, for whom, and how long to wait (to reach working hours).</summary>
internal sealed record OutboxEntry(string Kind, string Reference, string PersonId, TimeSpan Delay = default);

internal sealed class OutboxItem
{
    public string Id { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Reference { get; set; } = string.Empty;

    public string PersonId { get; set; } = string.Empty;

    public long Attempts { get; set; }

    /// <summary>For a queued reply: the conversation it answers.</summary>
    public string? ConversationId { get; set; }

    /// <summary>For a queued reply: the activity to send as it is, instead of a card rendered from current data.</summary>
    public string? PreparedActivity { get; set; }

    /// <summary>Until when this claim is ours; after it, another dispatch may take the item.</summary>
    public DateTimeOffset LeaseUntil { get; set; }
}
