using Dapper;
using MentorBot.Features.Map;
using MentorBot.Persistence;

namespace MentorBot.Features.Digest;

/// <summary>A leader's own digest day and time (null: the programme's), when they became a leader, and the last week queued.</summary>
internal sealed record DigestLeaderSettings(string LeaderId, DayOfWeek? Day, TimeOnly? Time, DateTimeOffset Since, string? LastWeek);

/// <summary>The <c>digest_settings</c> table: one row per leader, created the first time the scheduler sees them.</summary>
internal sealed class DigestSettingsStore(Database database, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, DigestLeaderSettings>> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Leader, string? Day, string? Time, long Since, string? LastWeek)>(new CommandDefinition(
            "SELECT leader_id, day, time, since_ms, last_week FROM digest_settings", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Leader, ToSettings, StringComparer.Ordinal);
    }

    public async Task<DigestLeaderSettings?> FindAsync(string leaderId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Leader, string? Day, string? Time, long Since, string? LastWeek)?>(new CommandDefinition(
            "SELECT leader_id, day, time, since_ms, last_week FROM digest_settings WHERE leader_id = @leaderId", new { leaderId }, cancellationToken: cancellationToken));
        return row is { } found ? ToSettings(found) : null;
    }

    /// <summary>Remembers when these leaders were first seen; a leader already known keeps their date.</summary>
    public async Task RegisterAsync(IEnumerable<string> leaderIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await database.ExecuteAsync(
            "INSERT INTO digest_settings (leader_id, since_ms, updated_at_ms) VALUES (@leaderId, @now, @now) ON CONFLICT (leader_id) DO NOTHING",
            leaderIds.Select(leaderId => new { leaderId, now }),
            cancellationToken);
    }

    public async Task SetScheduleAsync(string leaderId, DayOfWeek day, TimeOnly at, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await database.ExecuteAsync(
            """
            INSERT INTO digest_settings (leader_id, day, time, since_ms, updated_at_ms) VALUES (@leaderId, @day, @at, @now, @now)
            ON CONFLICT (leader_id) DO UPDATE SET day = excluded.day, time = excluded.time, updated_at_ms = excluded.updated_at_ms
            """,
            new { leaderId, day = MapValues.DayName(day), at = MapValues.TimeText(at), now },
            cancellationToken);
    }

    /// <summary>Marks the week's digest queued for the leader, and queues it (<paramref name="digest"/>) in the same transaction; false when it was already.</summary>
    public Task<bool> MarkQueuedAsync(string leaderId, string week, Outbox.OutboxEntry digest, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE digest_settings SET last_week = @week, updated_at_ms = @now WHERE leader_id = @leaderId",
                new { leaderId, week, now = now.ToUnixTimeMilliseconds() }, transaction));
            return await Outbox.OutboxStore.QueueAsync(connection, transaction, [digest], now, CancellationToken.None) == 1;
        }, cancellationToken);
    }

    private static DigestLeaderSettings ToSettings((string Leader, string? Day, string? Time, long Since, string? LastWeek) row) => new(
        row.Leader,
        MapValues.TryDay(row.Day, out var day) ? day : null,
        MapValues.TryTime(row.Time, out var at) ? at : null,
        DateTimeOffset.FromUnixTimeMilliseconds(row.Since),
        row.LastWeek);
}
