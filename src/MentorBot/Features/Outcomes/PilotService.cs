using System.Text.Json;
using Dapper;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using MentorBot.Persistence;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Outcomes;

/// <summary>Before and after, in the pilot unit and in every other unit together, with the privacy rules applied.</summary>
internal sealed record PilotReport(Pilot Pilot, string UnitName, DateOnly Today, OutcomeReport Before, OutcomeReport After)
{
    public bool Ended => Today >= Pilot.EndsOn;
}

/// <summary>
/// Pilots: <c>pilot start</c> records the baseline (the 90 days before, pilot unit against the other units);
/// <c>pilot report</c> sets it beside the pilot so far; when a pilot ends its report goes to admins and the unit's leaders.
/// </summary>
internal sealed partial class PilotService(
    PilotStore store, OutcomeQuery query, Database database, IOptions<DigestOptions> options, TimeProvider time, ILogger<PilotService> logger)
{
    public const string ReportKind = "pilot-report";
    public const int BaselineDays = 90;

    public async Task<(Pilot? Pilot, string? Problem)> StartAsync(string name, string unitId, int days, string actor, DateOnly today, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM map_units WHERE id = @unitId AND active = 1", new { unitId }, cancellationToken: cancellationToken)) == 0)
            {
                return (null, $"There is no unit '{unitId}' in the map: use a unit id such as those in map status.");
            }
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || days is < 14 or > 365)
        {
            return (null, string.IsNullOrWhiteSpace(name) ? "Give the pilot a name." : days is < 14 or > 365 ? "A pilot runs for 14 to 365 days." : "Keep the name under 100 characters.");
        }

        var input = await query.LoadAsync(DigestScope.Everyone, today.AddDays(-BaselineDays), today, null, cancellationToken);
        var (pilot, comparison) = Split(input, unitId);
        var pilotRecord = new Pilot(Guid.NewGuid().ToString("N")[..12], name.Trim(), unitId, today, today.AddDays(days), JsonSerializer.Serialize(new Baseline(pilot, comparison)), actor, false);
        await store.StartAsync(pilotRecord, cancellationToken);
        Log.Started(logger, unitId, days);
        return (pilotRecord, null);
    }

    public async Task<PilotReport?> ReportAsync(Pilot pilot, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var to = pilot.EndsOn < today.AddDays(1) ? pilot.EndsOn : today.AddDays(1);
        var input = await query.LoadAsync(DigestScope.Everyone, pilot.StartsOn, to, null, cancellationToken);
        var (now, comparison) = Split(input, pilot.UnitId);
        var baseline = JsonSerializer.Deserialize<Baseline>(pilot.Baseline) ?? throw new InvalidOperationException("The pilot's baseline is unreadable.");
        var unitName = input.UnitNames.GetValueOrDefault(pilot.UnitId) ?? pilot.UnitId;
        var k = options.Value.MinGroupSize;
        var before = input with { From = pilot.StartsOn.AddDays(-BaselineDays), To = pilot.StartsOn };
        return new PilotReport(
            pilot,
            unitName,
            today,
            OutcomeFigures.From(unitName, before, baseline.Pilot, [baseline.Pilot, baseline.Comparison], [], k),
            OutcomeFigures.From(unitName, input, now, [now, comparison], [], k));
    }

    /// <summary>The job: reports of pilots that ended go to admins and the unit's leaders, once.</summary>
    public async Task ReportEndedAsync(MentorshipMap map, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var claimed = await store.ClaimEndedAsync(today, pilot => Readers(map, pilot.UnitId).Select(id => new OutboxEntry(ReportKind, pilot.Id, id)), cancellationToken);
        foreach (var pilot in claimed)
        {
            Log.Reported(logger, pilot.UnitId, Readers(map, pilot.UnitId).Count());
        }
    }

    /// <summary>Who may read a pilot's report: programme admins and leaders whose scope covers the unit.</summary>
    public static IEnumerable<string> Readers(MentorshipMap map, string unitId) =>
        map.People.Where(p => p.IsAdmin).Select(p => p.Id)
            .Concat(map.LeaderScopes.Where(s => s.Kind == LeaderScopeKind.Organisation || (s.Kind == LeaderScopeKind.Unit && s.UnitId == unitId)).Select(s => s.LeaderId))
            .Distinct(StringComparer.Ordinal);

    private static (OutcomeRaw Pilot, OutcomeRaw Comparison) Split(OutcomeInput input, string unitId) =>
        (OutcomeCalculator.Group("pilot", "pilot", input.People.Where(p => p.UnitId == unitId), input),
         OutcomeCalculator.Group("comparison", "comparison", input.People.Where(p => p.UnitId != unitId), input));

    internal sealed record Baseline(OutcomeRaw Pilot, OutcomeRaw Comparison);

    private static partial class Log
    {
        [LoggerMessage(EventId = 8302, Level = LogLevel.Information, Message = "Pilot started in unit {Unit} for {Days} days; baseline recorded.")]
        public static partial void Started(ILogger logger, string unit, int days);

        [LoggerMessage(EventId = 8303, Level = LogLevel.Information, Message = "Pilot in unit {Unit} ended: its report is queued for {Readers} readers.")]
        public static partial void Reported(ILogger logger, string unit, int readers);
    }
}
