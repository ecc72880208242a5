using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Concerns;

/// <summary>
/// Lists of concerns: those the scheduler may have to remind or forward, a person's own and the ones they handle, and
/// the counts leaders' digests show. Reads only <c>concerns</c>, except <see cref="RaisedByAsync"/>, which the sender
/// alone sees and which also reads the relay.
/// </summary>
internal sealed class ConcernQueries(Database database, TimeProvider time)
{
    private const string Columns = ConcernRow.Columns;

    /// <summary>Open concerns never reminded whose reminder may be due (the scheduler places the exact time in working hours).</summary>
    public async Task<IReadOnlyList<Concern>> AwaitingReminderAsync(TimeSpan after, CancellationToken cancellationToken)
    {
        var before = (time.GetUtcNow() - after).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConcernRow>(new CommandDefinition(
            $"SELECT {Columns} FROM concerns WHERE status = 'open' AND reminded_at_ms IS NULL AND raised_at_ms <= @before ORDER BY raised_at_ms, id",
            new { before }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToConcern())];
    }

    /// <summary>Open concerns reminded at least <paramref name="after"/> ago and not yet forwarded to the backup contact.</summary>
    public async Task<IReadOnlyList<Concern>> AwaitingBackupAsync(TimeSpan after, CancellationToken cancellationToken)
    {
        var before = (time.GetUtcNow() - after).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConcernRow>(new CommandDefinition(
            $"SELECT {Columns} FROM concerns WHERE status = 'open' AND escalated_at_ms IS NULL AND reminded_at_ms <= @before ORDER BY raised_at_ms, id",
            new { before }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToConcern())];
    }

    /// <summary>The concerns a person raised, named or not, newest first.</summary>
    public async Task<IReadOnlyList<Concern>> RaisedByAsync(string personId, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConcernRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM concerns
            WHERE sender_id = @personId OR id IN (SELECT concern_id FROM concern_relay WHERE sender_id = @personId)
            ORDER BY raised_at_ms DESC, id LIMIT {count}
            """,
            new { personId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToConcern())];
    }

    /// <summary>The concerns a person handles (as recipient or backup), unresolved first, newest first.</summary>
    public async Task<IReadOnlyList<Concern>> HandledByAsync(string personId, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConcernRow>(new CommandDefinition(
            $"SELECT {Columns} FROM concerns WHERE recipient_id = @personId OR backup_ids LIKE @like ORDER BY raised_at_ms DESC, id",
            new { personId, like = "%" + personId + "%" }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToConcern()).Where(c => c.IsHandler(personId))
            .OrderBy(c => c.Status == ConcernStatus.Resolved ? 1 : 0).ThenByDescending(c => c.RaisedAt).Take(count)];
    }

    /// <summary>
    /// For leaders' digests: how many concerns raised in these units since an instant are still open (unacknowledged
    /// or acknowledged) and how many are resolved. Counts only; nothing about who or what.
    /// </summary>
    public async Task<ConcernCounts> CountsAsync(IReadOnlyCollection<string> unitIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (unitIds.Count == 0)
        {
            return new ConcernCounts(0, 0);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            $"SELECT status, COUNT(*) FROM concerns WHERE {database.AnyOf("unit_id", "units")} AND raised_at_ms >= @since GROUP BY status",
            new { units = unitIds.ToArray(), since = since.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        var counts = rows.ToDictionary(r => r.Status, r => (int)r.Count, StringComparer.Ordinal);
        var resolved = counts.GetValueOrDefault(ConcernStatus.Resolved);
        return new ConcernCounts(counts.Values.Sum() - resolved, resolved);
    }
}

/// <summary>Concern counts for a digest: open (unacknowledged or acknowledged) and resolved.</summary>
internal sealed record ConcernCounts(int Open, int Resolved);
