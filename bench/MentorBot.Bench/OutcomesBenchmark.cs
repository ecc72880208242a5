using System.Diagnostics;
using System.Globalization;
using Dapper;
using MentorBot.Cards;
using MentorBot.Features.Digest;
using MentorBot.Features.Outcomes;
using MentorBot.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Bench;

/// <summary>
/// Times outcomes and the pilot report over 20,000 present people and 3,000 former ones with two years of history
/// (hires, leavers with reasons, promotions, onboarding validations, fortnightly confidence scores: about 600,000
/// answers), on SQLite and on PostgreSQL. One warm-up, then five timed runs of each: the organisation's 12-month outcome
/// report with its card, and a pilot report (baseline and current window, pilot unit against every other unit).
/// Prints a markdown table; the target is 2 s.
/// </summary>
internal static class OutcomesBenchmark
{
    private const int People = 20_000;
    private const int Former = 3_000;
    private const int UnitSize = 200;
    private const int Runs = 5;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly string[] Onboarding = ["cg-1", "cg-2", "cg-3", "cg-4", "cg-5", "cg-6", "cg-7", "cg-8", "cg-9"];
    private static readonly string[] Steps = ["caregiver", "senior-caregiver", "shift-lead", "care-coordinator", "supervisor"];

    public static async Task RunAsync(TextWriter output)
    {
        var rows = await StoreRuns.OnEachAsync("outcomes", MeasureAsync);

        await StoreRuns.PrintAsync(output, $"Outcomes (organisation, 12 months, per unit and per start month, with the privacy rules and the card) and a pilot report, median of {Runs} runs after one warm-up. {Environment.ProcessorCount} cores.", "| Store | People (present + former) | History rows | Seed | Outcomes, organisation (median; min–max) | Pilot report (median; min–max) | Target |", rows);
    }

    private static async Task<string> MeasureAsync(string store, StorageProvider provider, string connectionString, BulkWriter writer)
    {
        await using var database = Database.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString });
        await new MigrationRunner(database, new FixedClock(Now), NullLogger<MigrationRunner>.Instance).ApplyAsync(default);

        var seed = Stopwatch.StartNew();
        async Task<long> Load(string table, string columns, IEnumerable<object?[]> source) =>
            await writer.WriteAsync(table, columns.Split(", "), source, n => Console.Error.Write($"\r  {store}: {table} {n:N0} rows, {seed.Elapsed.TotalSeconds:N0} s   "));

        var now = Now.ToUnixTimeMilliseconds();
        await Load("map_units", "id, name, escalation_contact_id, active, updated_at_ms", Enumerable.Range(0, People / UnitSize).Select(u => new object?[] { Unit(u), $"Unit {u}", null, 1L, now }));
        await Load("map_ladder_steps", "id, track_id, track, name, level, position", Steps.Select((s, i) => new object?[] { s, "care", "Care", s, "staff", (long)i }));
        await Load("map_competencies", "id, name, lane_id, step_id, methods, validators, onboarding, position",
            Onboarding.Select((c, i) => new object?[] { c, c, "clinical-judgment", "caregiver", "observation", "mentors", i < 3 ? "observe" : i < 6 ? "practise-with-support" : "practise-independently", (long)i }));
        var history = 0L;
        history += await Load("map_people", "id, aad_object_id, name, email, level, unit_id, manager_id, time_zone, working_days, work_start, work_end, quiet_start, quiet_end, start_date, locale, mentor_capacity, teaches, is_admin, active, updated_at_ms, ended_at_ms, needs, step_id, first_shift, left_on, end_reason", PersonRows());
        history += await Load("person_history", "id, person_id, at_ms, on_date, change, from_value, to_value", HistoryRows());
        history += await Load("competency_status", "person_id, competency_id, status, observed_on, method, validator_id, self_rating, updated_at_ms", StatusRows());
        history += await Load("independence", "person_id, step_id, independent_on, at_ms", IndependenceRows());
        history += await Load("checkin_answers", "period_id, person_id, learned, learned_shared, need, need_shared, stuck, stuck_shared, confidence, load, scores_shared, wants_time, submitted_at_ms, updated_at_ms, revision", AnswerRows());
        await using (var connection = await database.OpenAsync(default))
        {
            await connection.ExecuteAsync("ANALYZE", commandType: System.Data.CommandType.Text);
        }

        seed.Stop();
        await Console.Error.WriteLineAsync($"\r  {store}: seeded {history:N0} rows in {seed.Elapsed.TotalSeconds:N1} s.        ");

        var options = Options.Create(new DigestOptions());
        var query = new OutcomeQuery(database);
        var organisation = await TimeAsync(async () =>
        {
            var input = await query.LoadAsync(DigestScope.Everyone, Today.AddMonths(-12).AddDays(1), Today.AddDays(1), null, default);
            GC.KeepAlive(OutcomeCard.Build(OutcomeService.Compute(input, "Bench Health", 5), Language.English));
        });
        var pilots = new PilotService(new PilotStore(database, new MentorBot.Features.Privacy.AuditLog(database, new FixedClock(Now)), new FixedClock(Now)), query, database, options, new FixedClock(Now), NullLogger<PilotService>.Instance);
        var (pilot, _) = await pilots.StartAsync("Bench pilot", Unit(3), 90, "bench", Today.AddDays(-45), default);
        var report = await TimeAsync(async () => GC.KeepAlive(PilotCard.Build((await pilots.ReportAsync(pilot!, default))!, Language.English)));
        await Console.Error.WriteLineAsync($"  {store}: outcomes {string.Join(", ", organisation.Select(ms => ms.ToString("N0", CultureInfo.InvariantCulture)))} ms; pilot {string.Join(", ", report.Select(ms => ms.ToString("N0", CultureInfo.InvariantCulture)))} ms.");

        var slowest = Math.Max(Median(organisation), Median(report));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {store} | {People:N0} + {Former:N0} | {history:N0} | {seed.Elapsed.TotalSeconds:N1} s | **{Median(organisation):N0} ms** ({organisation.Min():N0}–{organisation.Max():N0}) | **{Median(report):N0} ms** ({report.Min():N0}–{report.Max():N0}) | < 2,000 ms: {(slowest < 2000 ? "met" : "**missed**")} |");
    }

    private static string Unit(int u) => $"unit-{u:000}";

    private static string Id(int i) => $"p{i:00000}";

    /// <summary>A deterministic spread: about a third hired in the last two years, the rest long before.</summary>
    private static DateOnly Start(int i) => i % 3 == 0 ? Today.AddDays(-(30 + (i * 7 % 700))) : new DateOnly(2018, 1, 8).AddDays(i % 1500);

    private static IEnumerable<object?[]> PersonRows()
    {
        for (var i = 0; i < People + Former; i++)
        {
            var former = i >= People;
            var start = Start(i);
            var left = former ? start.AddDays(20 + (i % 300)) : (DateOnly?)null;
            if (left > Today)
            {
                left = Today.AddDays(-1);
            }

            yield return
            [
                Id(i), null, $"Person {i}", null, i % UnitSize == 0 ? "manager" : i % 20 == 0 ? "lead" : "staff", Unit(i % (People / UnitSize)), null, "America/Chicago",
                "mon,tue,wed,thu,fri", "09:00", "17:00", null, null, Text(start), "en-US", 0L, "", 0L, former ? 0L : 1L, Now.ToUnixTimeMilliseconds(),
                former ? Now.ToUnixTimeMilliseconds() : null, "", Steps[i % 7 == 0 ? 1 : 0], Text(start.AddDays(1)), left is { } l ? Text(l) : null,
                former ? (i % 10 == 0 ? "moved-unit" : i % 10 == 1 ? "other" : "left-organisation") : null,
            ];
        }
    }

    private static IEnumerable<object?[]> HistoryRows()
    {
        for (var i = 0; i < People + Former; i++)
        {
            yield return [$"j{i}", Id(i), Now.ToUnixTimeMilliseconds(), Text(Start(i)), "joined", null, "staff"];
            if (i % 12 == 5)
            {
                yield return [$"s{i}", Id(i), Now.ToUnixTimeMilliseconds(), Text(Today.AddDays(-(i % 700))), "step", "caregiver", "senior-caregiver"];
            }

            if (i >= People)
            {
                yield return [$"l{i}", Id(i), Now.ToUnixTimeMilliseconds(), Text(Start(i).AddDays(20 + (i % 300))), "left", null, "left-organisation"];
            }
        }
    }

    private static IEnumerable<object?[]> StatusRows()
    {
        for (var i = 0; i < People + Former; i += 3)
        {
            var first = Start(i).AddDays(1);
            for (var c = 0; c < Onboarding.Length; c++)
            {
                var on = first.AddDays(8 + (c * 8) + (i % 11));
                if (on < Today)
                {
                    yield return [Id(i), Onboarding[c], "validated", Text(on), "observation", Id(i - (i % 20)), null, Now.ToUnixTimeMilliseconds()];
                }
            }
        }
    }

    private static IEnumerable<object?[]> IndependenceRows()
    {
        for (var i = 0; i < People + Former; i += 3)
        {
            var on = Start(i).AddDays(1 + 8 + ((Onboarding.Length - 1) * 8) + (i % 11));
            if (on < Today)
            {
                yield return [Id(i), "caregiver", Text(on), Now.ToUnixTimeMilliseconds()];
            }
        }
    }

    /// <summary>Fortnightly confidence over two years for about three people in five.</summary>
    private static IEnumerable<object?[]> AnswerRows()
    {
        for (var i = 0; i < People; i++)
        {
            if (i % 5 >= 3)
            {
                continue;
            }

            for (var w = 0; w < 52; w++)
            {
                var at = Now.AddDays(-(14 * w) - (i % 14)).ToUnixTimeMilliseconds();
                yield return [$"a{i}-{w}", Id(i), null, 0L, null, 0L, null, 0L, (long)(1 + ((i + w) % 5)), 3L, 1L, 0L, at, at, 1L];
            }
        }
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<List<double>> TimeAsync(Func<Task> run)
    {
        await run();
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
