using Dapper;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using MentorBot.Persistence;

namespace MentorBot.Features.Outcomes;

/// <summary>
/// Reads what outcomes are computed from, for a scope and a window, in five set-based queries: people (present and
/// former, no names), independence dates, promotions, validations per unit and confidence per person. Nothing read
/// here is text anyone wrote.
/// </summary>
internal sealed class OutcomeQuery(Database database)
{
    /// <param name="newHiresConfidenceOnly">Read confidence for new hires only (the digest shows no other), which spares a scan of every answer.</param>
    public async Task<OutcomeInput> LoadAsync(
        DigestScope scope, DateOnly from, DateOnly to, IProgress<string>? progress, CancellationToken cancellationToken, bool newHiresConfidenceOnly = false)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        progress?.Report("people");
        var rows = (await connection.QueryAsync<(string Id, string Unit, string? Manager, string? Start, string? FirstShift, string? LeftOn, string? Reason, long Active)>(new CommandDefinition(
            "SELECT id, COALESCE(unit_id, ''), manager_id, start_date, first_shift, left_on, end_reason, active FROM map_people", cancellationToken: cancellationToken))).ToList();
        var members = Members(scope, rows);
        var independence = (await connection.QueryAsync<(string Person, string On)>(new CommandDefinition(
            "SELECT person_id, independent_on FROM independence", cancellationToken: cancellationToken))).ToDictionary(r => r.Person, r => r.On, StringComparer.Ordinal);

        progress?.Report("history");
        var ladder = await LadderStore.LoadAsync(connection, cancellationToken);
        var promotions = (await connection.QueryAsync<(string Person, string On, string Change, string? From, string? To)>(new CommandDefinition(
                "SELECT person_id, on_date, change, from_value, to_value FROM person_history WHERE change IN ('level', 'step') AND on_date >= @since",
                new { since = MapValues.DateText(from) }, cancellationToken: cancellationToken)))
            .Where(h => IsPromotion(h.Change, h.From, h.To, ladder))
            .ToLookup(h => h.Person, h => MapValues.TryDate(h.On, out var d) ? d : default, StringComparer.Ordinal);

        progress?.Report("validations");
        var validations = (await connection.QueryAsync<(string Unit, long Count)>(new CommandDefinition(
                """
                SELECT COALESCE(p.unit_id, ''), COUNT(*) FROM competency_status s JOIN map_people p ON p.id = s.person_id
                WHERE s.status = 'validated' AND s.observed_on >= @from AND s.observed_on < @to
                GROUP BY COALESCE(p.unit_id, '')
                """,
                new { from = MapValues.DateText(from), to = MapValues.DateText(to) }, cancellationToken: cancellationToken)))
            .ToDictionary(v => v.Unit, v => (int)v.Count, StringComparer.Ordinal);

        progress?.Report("confidence");
        var fromMs = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var toMs = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        // A leader's scope is read through the scope's own table expression (present people: former ones have no
        // check-ins to score); only the organisation reads every answer of the window. For new hires only (the digest),
        // the read starts from the people, so each one's answers come by index instead of a pass over every answer
        // (CROSS JOIN fixes that order on SQLite; PostgreSQL plans it as an inner join).
        var inScope = scope.Organisation ? string.Empty : " AND a.person_id IN (SELECT person_id FROM scope)";
        var sql = newHiresConfidenceOnly
            ? $"""
              {(scope.Organisation ? string.Empty : ScopeSql.With(scope, database))}
              SELECT a.person_id, (a.submitted_at_ms - @fromMs) / @periodMs, SUM(CAST(a.confidence AS DOUBLE PRECISION)), COUNT(*) FROM map_people p CROSS JOIN checkin_answers a
              WHERE p.start_date >= @newHiresSince AND a.person_id = p.id AND a.scores_shared = 1 AND a.submitted_at_ms >= @fromMs AND a.submitted_at_ms < @toMs{inScope}
              GROUP BY a.person_id, (a.submitted_at_ms - @fromMs) / @periodMs
              """
            : $"""
              {(scope.Organisation ? string.Empty : ScopeSql.With(scope, database))}
              SELECT a.person_id, (a.submitted_at_ms - @fromMs) / @periodMs, SUM(CAST(a.confidence AS DOUBLE PRECISION)), COUNT(*) FROM checkin_answers a
              WHERE a.scores_shared = 1 AND a.submitted_at_ms >= @fromMs AND a.submitted_at_ms < @toMs{inScope}
              GROUP BY a.person_id, (a.submitted_at_ms - @fromMs) / @periodMs
              """;
        var periodMs = OutcomeCalculator.PeriodMilliseconds(from, to);
        var confidence = (await connection.QueryAsync<(string Person, long Period, double Sum, long Count)>(new CommandDefinition(
                sql, ScopeSql.Parameters(scope, new { fromMs, toMs, periodMs, newHiresSince = MapValues.DateText(to.AddDays(-OutcomeCalculator.NewHireDays)) }), cancellationToken: cancellationToken)))
            .Where(c => members.ContainsKey(c.Person))
            .Select(c => new ConfidenceScores(c.Person, c.Sum, (int)c.Count, (int)Math.Clamp(c.Period, 0, OutcomeCalculator.TrendPeriods - 1)))
            .ToList();

        var units = (await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition("SELECT id, name FROM map_units", cancellationToken: cancellationToken)))
            .ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var people = members.Values.Select(r => new OutcomePerson(
            r.Id, r.Unit, Date(r.Start), Date(r.FirstShift), Date(r.LeftOn), r.Active == 1 ? null : LadderNames.ReasonOrUnspecified(r.Reason),
            Date(independence.GetValueOrDefault(r.Id)), [.. promotions[r.Id]])).ToList();
        var scopeUnits = people.Select(p => p.UnitId).ToHashSet(StringComparer.Ordinal);
        return new OutcomeInput(people, validations.Where(v => scopeUnits.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal), confidence, from, to, units);
    }

    /// <summary>The scope's people, present or former: by unit, or under the leader through the recorded manager chain.</summary>
    private static Dictionary<string, (string Id, string Unit, string? Manager, string? Start, string? FirstShift, string? LeftOn, string? Reason, long Active)> Members(
        DigestScope scope, List<(string Id, string Unit, string? Manager, string? Start, string? FirstShift, string? LeftOn, string? Reason, long Active)> rows)
    {
        // Former people keep their recorded manager, so the walk finds them under the leader too.
        var line = !scope.Organisation && scope.ReportingLineOf is { } leader
            ? DigestScope.ReportingLine(leader, rows.Select(r => (r.Id, r.Manager)))
            : new HashSet<string>(StringComparer.Ordinal);
        return rows.Where(r => scope.Organisation || scope.UnitIds.Contains(r.Unit, StringComparer.Ordinal) || line.Contains(r.Id))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    private static bool IsPromotion(string change, string? from, string? to, Ladder ladder) => change == PersonHistory.LevelChange
        ? MapValues.TryLevel(from, out var a) && MapValues.TryLevel(to, out var b) && b > a
        : ladder.IsPromotion(from, to);

    private static DateOnly? Date(string? text) => MapValues.TryDate(text, out var date) ? date : null;
}
