using System.Diagnostics;
using Dapper;
using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Digest;

/// <summary>
/// Builds a reader's digest: whose scope (their own, or the organisation for a programme admin), its raw counts, and
/// the privacy rules over them. The scope always comes from the reader, never from a card's data, so nobody can open
/// another leader's digest.
/// </summary>
internal sealed partial class DigestService(
    Database database,
    DigestQuery query,
    Outcomes.OutcomeQuery outcomes,
    IOptions<DigestOptions> options,
    Hosting.Telemetry.MentorBotMetrics metrics,
    TimeProvider time,
    ILogger<DigestService> logger)
{
    public const string Mine = "mine";
    public const string Organisation = "org";

    public static string KeyFrom(string? value) => value == Organisation ? Organisation : Mine;

    /// <summary>The scope the reader may see under <paramref name="key"/>: null when they may see none.</summary>
    public async Task<DigestScope?> ScopeAsync(Person reader, string key, CancellationToken cancellationToken)
    {
        if (key == Organisation)
        {
            return reader.IsAdmin ? DigestScope.Everyone : null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var lines = await connection.QueryAsync<(string Kind, string Unit)>(new CommandDefinition(
            "SELECT kind, unit_id FROM map_leader_scopes WHERE leader_id = @id", new { id = reader.Id }, cancellationToken: cancellationToken));
        var scope = DigestScope.For(reader.Id, lines.Select(l => new LeaderScope(reader.Id, Enum.Parse<LeaderScopeKind>(l.Kind, ignoreCase: true), l.Unit.Length == 0 ? null : l.Unit)));
        return scope.IsEmpty ? null : scope;
    }

    public async Task<DigestReport?> ReportAsync(Person reader, string key, CancellationToken cancellationToken)
    {
        if (await ScopeAsync(reader, key, cancellationToken) is not { } scope)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var today = CallerProfiles.LocalToday(reader, now);
        // The outcome lines are read beside the digest's own counts.
        var outcomeLoad = outcomes.LoadAsync(scope, today.AddMonths(-Outcomes.OutcomeService.Months).AddDays(1), today.AddDays(1), null, cancellationToken, newHiresConfidenceOnly: true);
        var dataLoad = query.LoadAsync(scope, now, today, cancellationToken);
        await Task.WhenAll(outcomeLoad, dataLoad);
        var data = await dataLoad;
        var header = new DigestHeader(key, await NameAsync(scope, data.UnitNames, Languages.From(reader.Locale), cancellationToken), now, reader.TimeZone, options.Value.AllowNudgeList);
        var outcomeInput = await outcomeLoad;
        var report = DigestFigures.From(data, header, options.Value.MinGroupSize, today) with
        {
            Outcomes = Outcomes.DigestOutcomes.From(outcomeInput, data.PublishedUnitSets, options.Value.MinGroupSize),
        };
        Log.Computed(logger, key, data.People, clock.ElapsedMilliseconds);
        metrics.DigestBuilt(key == Organisation ? "organisation" : "leader", clock.Elapsed);
        return report;
    }

    /// <summary>Who has not answered lately, when the programme's policy allows leaders to see it; null otherwise.</summary>
    public async Task<NudgeList?> NudgesAsync(Person reader, string key, CancellationToken cancellationToken)
    {
        if (!options.Value.AllowNudgeList || await ScopeAsync(reader, key, cancellationToken) is not { } scope)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var people = await query.UnansweredAsync(scope, now, cancellationToken);
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            foreach (var (id, unitName) in await connection.QueryAsync<(string, string)>(new CommandDefinition("SELECT id, name FROM map_units", cancellationToken: cancellationToken)))
            {
                units[id] = unitName;
            }
        }

        var name = await NameAsync(scope, units, Languages.From(reader.Locale), cancellationToken);
        Log.Nudges(logger, key, people.Count);
        return new NudgeList(new DigestHeader(key, name, now, reader.TimeZone, true), people);
    }

    private async Task<string> NameAsync(DigestScope scope, IReadOnlyDictionary<string, string> unitNames, Language l, CancellationToken cancellationToken)
    {
        if (scope.Organisation)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT name FROM map_programme WHERE id = 1", cancellationToken: cancellationToken))
                ?? l.Pick("the whole organisation", "toda la organización");
        }

        var names = scope.UnitIds.Select(id => unitNames.GetValueOrDefault(id) ?? id).ToList();
        if (scope.ReportingLineOf is not null)
        {
            names.Add(l.Pick("your reporting line", "tu línea jerárquica"));
        }

        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + l.Pick(" and ", " y ") + names[^1];
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7601, Level = LogLevel.Information, Message = "Digest ({Scope}) computed over {People} people in {Milliseconds} ms.")]
        public static partial void Computed(ILogger logger, string scope, int people, long milliseconds);

        [LoggerMessage(EventId = 7602, Level = LogLevel.Information, Message = "Nudge list ({Scope}): {Count} people with unanswered check-ins.")]
        public static partial void Nudges(ILogger logger, string scope, int count);
    }
}
