using System.Data.Common;
using System.Globalization;
using Dapper;
using MentorBot.Features.Map;
using MentorBot.Persistence;

namespace MentorBot.Features.Digest;

/// <summary>
/// Computes a digest's raw counts in SQL, set-based, over the scope's common table expression: check-in participation
/// and scores per unit and week, sessions booked, calibrations, mentor load, new hires and reach. Lane mentions are
/// the one thing read row by row (only this week's and the four weeks before, only answers shared with a mentor),
/// and each text is reduced to lane ids as it is read.
/// </summary>
internal sealed class DigestQuery(Database database)
{
    public async Task<DigestData> LoadAsync(DigestScope scope, DateTimeOffset asOf, DateOnly today, CancellationToken cancellationToken)
    {
        var with = ScopeSql.With(scope, database);
        var window = new
        {
            asOf = asOf.ToUnixTimeMilliseconds(),
            from = DigestWindow.StartOf(DigestWindow.Weeks - 1, asOf).ToUnixTimeMilliseconds(),
            week = (long)DigestWindow.Week.TotalMilliseconds,
        };

        // The two heavy reads (scores per unit and week, and the lane tally) run beside the small ones, each on its own connection.
        var unitWeeks = UnitWeeksAsync(with, scope, window, cancellationToken);
        var lanes = LanesAsync(with, scope, window, cancellationToken);
        var rest = SmallCountsAsync(with, scope, window, today, cancellationToken);
        await Task.WhenAll(unitWeeks, lanes, rest);
        var (laneNames, laneCounts) = await lanes;
        var r = await rest;
        return new DigestData(
            asOf, r.People, await unitWeeks, r.Sessions, laneCounts, r.CalibrationRespondents, r.LowCalibrations, r.Mentors, r.MentorsAtCapacity,
            r.Starts, r.Unreachable, r.Units, laneNames, r.Published, r.Concerns.Open, r.Concerns.Resolved);
    }

    private async Task<SmallCounts> SmallCountsAsync(string with, DigestScope scope, object window, DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var people = (await ReadAsync(connection, $"{with} SELECT unit_id, COUNT(*) FROM scope GROUP BY unit_id", ScopeSql.Parameters(scope),
            r => (Unit: r.GetString(0), Count: (int)Long(r, 1)), cancellationToken)).ToDictionary(x => x.Unit, x => x.Count, StringComparer.Ordinal);
        var sessions = new int[DigestWindow.Weeks];
        foreach (var (week, count) in await ReadAsync(connection, with + SessionsSql, ScopeSql.Parameters(scope, window), r => ((int)Long(r, 0), (int)Long(r, 1)), cancellationToken))
        {
            if (week is >= 0 and < DigestWindow.Weeks)
            {
                sessions[week] = count;
            }
        }

        var calibration = (await ReadAsync(connection, with + CalibrationSql, ScopeSql.Parameters(scope, new { low = Calibration.CalibrationService.LowScore }),
            r => (Respondents: (int)Long(r, 0), Low: (int)Long(r, 1)), cancellationToken)).Single();
        var mentors = (await ReadAsync(connection, with + MentorsSql, ScopeSql.Parameters(scope), r => (All: (int)Long(r, 0), Full: (int)Long(r, 1)), cancellationToken)).Single();
        var starts = await ReadAsync(connection, with + StartsSql, ScopeSql.Parameters(scope, new { since = MapValues.DateText(today.AddDays(-91)) }),
            r => MapValues.TryDate(r.GetString(0), out var date) ? date : (DateOnly?)null, cancellationToken);
        var unreachable = (await ReadAsync(connection, with + UnreachableSql, ScopeSql.Parameters(scope), r => (int)Long(r, 0), cancellationToken)).Single();
        // Concerns carry their sender's unit only (an anonymous one names nobody), so they are counted per unit of the scope.
        var concerns = (await ReadAsync(connection, with + ConcernsSql, ScopeSql.Parameters(scope, window), r => (Open: (int)Long(r, 0), Resolved: (int)Long(r, 1)), cancellationToken)).Single();
        var units = (await ReadAsync(connection, "SELECT id, name FROM map_units", new DynamicParameters(), r => (Id: r.GetString(0), Name: r.GetString(1)), cancellationToken))
            .ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);

        // Unit-only scopes of any leader: their totals are published in that leader's digest.
        var published = (await ReadAsync(connection, "SELECT leader_id, kind, unit_id FROM map_leader_scopes", new DynamicParameters(), r => (Leader: r.GetString(0), Kind: r.GetString(1), Unit: r.GetString(2)), cancellationToken))
            .GroupBy(s => s.Leader, StringComparer.Ordinal)
            .Where(g => g.All(s => string.Equals(s.Kind, "unit", StringComparison.OrdinalIgnoreCase)))
            .Select(g => (IReadOnlyList<string>)[.. g.Select(s => s.Unit).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])
            .ToList();
        return new SmallCounts(people, sessions, calibration.Respondents, calibration.Low, mentors.All, mentors.Full, [.. starts.OfType<DateOnly>()], unreachable, units, published, concerns);
    }

    private sealed record SmallCounts(
        Dictionary<string, int> People, int[] Sessions, int CalibrationRespondents, int LowCalibrations, int Mentors, int MentorsAtCapacity,
        IReadOnlyList<DateOnly> Starts, int Unreachable, Dictionary<string, string> Units, IReadOnlyList<IReadOnlyList<string>> Published, (int Open, int Resolved) Concerns);

    private async Task<List<UnitWeek>> UnitWeeksAsync(string with, DigestScope scope, object window, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, with + UnitWeeksSql, ScopeSql.Parameters(scope, window), r => new UnitWeek(
            r.GetString(0), (int)Long(r, 1), (int)Long(r, 2), (int)Long(r, 3), (int)Long(r, 4), (int)Long(r, 5), (int)Long(r, 6), Double(r, 7), Double(r, 8), (int)Long(r, 9),
            Double(r, 10), Double(r, 11), Double(r, 12), Double(r, 13)), cancellationToken);
    }

    /// <summary>The active lanes, and how many people named each; every text is reduced to lane ids as it is read.</summary>
    private async Task<(Dictionary<string, string> Names, IReadOnlyList<LaneCount> Counts)> LanesAsync(string with, DigestScope scope, object window, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var lanes = await ReadAsync(connection, "SELECT id, name, description FROM map_lanes WHERE active = 1 ORDER BY id", new DynamicParameters(),
            r => new Lane(r.GetString(0), r.GetString(1), r.GetString(2)), cancellationToken);
        var tally = new LaneTally(lanes);
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(with + LaneTextSql, ScopeSql.Parameters(scope, window), cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tally.Add(reader.GetString(0), (int)Long(reader, 1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
            }
        }

        return (lanes.ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal), tally.Counts());
    }

    /// <summary>People in scope with check-ins in the last two weeks (open at least a day) and none of them answered. Participation only.</summary>
    public async Task<IReadOnlyList<(string Name, int Unanswered)>> UnansweredAsync(DigestScope scope, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var window = new { from = (asOf - TimeSpan.FromDays(14)).ToUnixTimeMilliseconds(), due = (asOf - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds() };
        return await ReadAsync(connection, ScopeSql.With(scope, database) + UnansweredSql, ScopeSql.Parameters(scope, window), r => (r.GetString(0), (int)Long(r, 1)), cancellationToken);
    }

    // Per person and week first (so each person counts once a week), then per unit and week.
    private const string UnitWeeksSql = """

        SELECT x.unit_id, x.w, COUNT(*), SUM(x.sent), SUM(x.answered),
               COUNT(CASE WHEN x.answered > 0 THEN 1 END),
               COUNT(CASE WHEN x.scored > 0 THEN 1 END),
               SUM(CASE WHEN x.scored > 0 THEN x.confidence_sum / x.scored END),
               SUM(CASE WHEN x.scored > 0 THEN x.load_sum / x.scored END),
               COUNT(CASE WHEN x.wants > 0 THEN 1 END),
               MIN(CASE WHEN x.scored > 0 THEN x.confidence_sum / x.scored END),
               MAX(CASE WHEN x.scored > 0 THEN x.confidence_sum / x.scored END),
               MIN(CASE WHEN x.scored > 0 THEN x.load_sum / x.scored END),
               MAX(CASE WHEN x.scored > 0 THEN x.load_sum / x.scored END)
        FROM (
            SELECT s.unit_id, cp.person_id, (@asOf - cp.opens_at_ms) / @week AS w,
                   COUNT(*) AS sent,
                   COUNT(a.period_id) AS answered,
                   COUNT(CASE WHEN a.scores_shared = 1 THEN 1 END) AS scored,
                   SUM(CASE WHEN a.scores_shared = 1 THEN CAST(a.confidence AS DOUBLE PRECISION) ELSE 0 END) AS confidence_sum,
                   SUM(CASE WHEN a.scores_shared = 1 THEN CAST(a.load AS DOUBLE PRECISION) ELSE 0 END) AS load_sum,
                   MAX(CASE WHEN a.wants_time = 1 THEN 1 ELSE 0 END) AS wants
            FROM scope s
            JOIN checkin_periods cp ON cp.person_id = s.person_id
            LEFT JOIN checkin_answers a ON a.period_id = cp.id
            WHERE cp.opens_at_ms > @from AND cp.opens_at_ms <= @asOf
            GROUP BY 1, 2, 3
        ) x
        GROUP BY x.unit_id, x.w
        """;

    private const string SessionsSql = """

        SELECT (@asOf - b.created_at_ms) / @week, COUNT(*)
        FROM scope s JOIN bookings b ON b.mentee_id = s.person_id
        WHERE b.status IN ('booked', 'moving') AND b.created_at_ms > @from AND b.created_at_ms <= @asOf
        GROUP BY 1
        """;

    // Only answers the person shared with their mentor: a private answer never reaches a digest, not even as a lane.
    private const string LaneTextSql = """

        SELECT cp.person_id, (@asOf - cp.opens_at_ms) / @week,
               CASE WHEN a.need_shared = 1 THEN a.need END,
               CASE WHEN a.stuck_shared = 1 THEN a.stuck END
        FROM scope s
        JOIN checkin_periods cp ON cp.person_id = s.person_id
        JOIN checkin_answers a ON a.period_id = cp.id
        WHERE cp.opens_at_ms > @from AND cp.opens_at_ms <= @asOf
          AND ((a.need_shared = 1 AND a.need IS NOT NULL) OR (a.stuck_shared = 1 AND a.stuck IS NOT NULL))
        """;

    private const string CalibrationSql = """

        SELECT COUNT(DISTINCT c.person_id), COUNT(DISTINCT CASE WHEN c.score <= @low THEN c.mentorship_id END)
        FROM scope s
        JOIN map_mentorships m ON m.mentee_id = s.person_id AND m.status <> 'ended'
        JOIN calibrations c ON c.mentorship_id = m.id
        WHERE c.score IS NOT NULL
        """;

    // A mentor is someone who may take mentees or has some; at capacity when their open pairings reach it.
    private const string MentorsSql = """

        SELECT COUNT(*), COUNT(CASE WHEN x.taken >= x.capacity THEN 1 END)
        FROM (
            SELECT p.mentor_capacity AS capacity,
                   (SELECT COUNT(*) FROM map_mentorships m WHERE m.mentor_id = p.id AND m.status <> 'ended') AS taken
            FROM scope s JOIN map_people p ON p.id = s.person_id
        ) x
        WHERE x.capacity > 0 OR x.taken > 0
        """;

    private const string StartsSql = """

        SELECT p.start_date FROM scope s JOIN map_people p ON p.id = s.person_id
        WHERE p.start_date IS NOT NULL AND p.start_date >= @since
        """;

    private const string ConcernsSql = """

        SELECT COALESCE(SUM(CASE WHEN c.status <> 'resolved' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN c.status = 'resolved' THEN 1 ELSE 0 END), 0)
        FROM concerns c
        WHERE c.raised_at_ms > @from AND c.raised_at_ms <= @asOf AND c.unit_id IN (SELECT DISTINCT unit_id FROM scope)
        """;

    private const string UnreachableSql = """

        SELECT COUNT(*) FROM scope s JOIN map_people p ON p.id = s.person_id
        WHERE p.aad_object_id IS NULL OR NOT EXISTS (
            SELECT 1 FROM conversation_references c
            WHERE c.aad_object_id = p.aad_object_id AND c.conversation_type = 'personal' AND c.status = 'active')
        """;

    private const string UnansweredSql = """

        SELECT p.name, COUNT(*)
        FROM scope s
        JOIN map_people p ON p.id = s.person_id
        JOIN checkin_periods cp ON cp.person_id = s.person_id
        LEFT JOIN checkin_answers a ON a.period_id = cp.id
        WHERE cp.opens_at_ms > @from AND cp.opens_at_ms <= @due AND cp.status <> 'skipped'
        GROUP BY p.id, p.name
        HAVING COUNT(a.period_id) = 0
        ORDER BY COUNT(*) DESC, p.name
        """;

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, DynamicParameters parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    // Providers differ in the types of aggregates (SQLite: INTEGER/REAL; PostgreSQL: bigint, numeric, double).
    private static long Long(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static double Double(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
