using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Outcomes;

/// <summary>A pilot of the programme in one unit: its dates and the baseline recorded when it started.</summary>
internal sealed record Pilot(string Id, string Name, string UnitId, DateOnly StartsOn, DateOnly EndsOn, string Baseline, string StartedBy, bool Reported);

internal sealed class PilotStore(Database database, Privacy.AuditLog audit, TimeProvider time)
{
    public const string AuditStart = "pilot.start";

    public async Task StartAsync(Pilot pilot, CancellationToken cancellationToken) =>
        await database.WriteAsync(async (connection, transaction) =>
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO pilots (id, name, unit_id, starts_on, ends_on, baseline, started_by, created_at_ms, reported_at_ms)
                VALUES (@Id, @Name, @UnitId, @StartsOn, @EndsOn, @Baseline, @StartedBy, @now, NULL)
                """,
                new { pilot.Id, pilot.Name, pilot.UnitId, StartsOn = Map.MapValues.DateText(pilot.StartsOn), EndsOn = Map.MapValues.DateText(pilot.EndsOn), pilot.Baseline, pilot.StartedBy, now },
                transaction, cancellationToken: cancellationToken));
            await audit.RecordAsync(connection, transaction, pilot.StartedBy, AuditStart, pilot.UnitId, $"{pilot.Id}: {Map.MapValues.DateText(pilot.StartsOn)} to {Map.MapValues.DateText(pilot.EndsOn)}", cancellationToken);
            return 0;
        }, cancellationToken);

    /// <summary>The newest pilot, or the newest in a unit.</summary>
    public async Task<Pilot?> LatestAsync(string? unitId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM pilots WHERE @unit IS NULL OR unit_id = @unit ORDER BY created_at_ms DESC, id DESC",
            new { unit = unitId }, cancellationToken: cancellationToken));
        return rows.Select(ToPilot).FirstOrDefault();
    }

    public async Task<Pilot?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM pilots WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row is null ? null : ToPilot(row);
    }

    /// <summary>Claims the pilots that ended and have not been reported: each is returned once, whoever asks.</summary>
    public Task<IReadOnlyList<Pilot>> ClaimEndedAsync(DateOnly today, Func<Pilot, IEnumerable<Outbox.OutboxEntry>> reports, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<Pilot>>(async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var ended = (await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM pilots WHERE reported_at_ms IS NULL AND ends_on <= @today", new { today = Map.MapValues.DateText(today) }, transaction, cancellationToken: cancellationToken)))
                .Select(ToPilot).ToList();
            var claimed = new List<Pilot>();
            foreach (var pilot in ended)
            {
                if (await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE pilots SET reported_at_ms = @now WHERE id = @id AND reported_at_ms IS NULL", new { id = pilot.Id, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)) == 1)
                {
                    await Outbox.OutboxStore.QueueAsync(connection, transaction, reports(pilot), now, cancellationToken);
                    claimed.Add(pilot);
                }
            }

            return claimed;
        }, cancellationToken);

    private const string Columns = "id AS Id, name AS Name, unit_id AS UnitId, starts_on AS StartsOn, ends_on AS EndsOn, baseline AS Baseline, started_by AS StartedBy, reported_at_ms AS ReportedAtMs";

    private static Pilot ToPilot(Row r) => new(
        r.Id, r.Name, r.UnitId, Map.MapValues.TryDate(r.StartsOn, out var s) ? s : default, Map.MapValues.TryDate(r.EndsOn, out var e) ? e : default, r.Baseline, r.StartedBy, r.ReportedAtMs is not null);

    private sealed class Row
    {
        public string Id { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
        public string UnitId { get; set; } = string.Empty;
        public string StartsOn { get; set; } = string.Empty;
        public string EndsOn { get; set; } = string.Empty;
        public string Baseline { get; set; } = string.Empty;
        public string StartedBy { get; set; } = string.Empty;
        public long? ReportedAtMs { get; set; }
    }
}
