using System.Diagnostics;
using System.Globalization;
using Dapper;
using MentorBot.Cards;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Bench;

/// <summary>
/// Times the organisation-wide digest over 20,000 people and 52 weeks of check-ins (about a million periods) on SQLite
/// and on PostgreSQL: seed with bulk loads (progress on stderr), one warm-up, then five timed runs of the whole
/// digest (queries, privacy rules and card) as a leader would get it. Prints a markdown table; the target is 2 s.
/// </summary>
internal static class DigestBenchmark
{
    private const int People = 20_000;
    private const int Weeks = 52;
    private const int Runs = 5;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(TextWriter output)
    {
        var rows = await StoreRuns.OnEachAsync("digest", MeasureAsync);

        await StoreRuns.PrintAsync(output, $"Organisation-wide digest (the largest scope), median of {Runs} runs after one warm-up; one unit's digest (200 people) for comparison. {Environment.ProcessorCount} cores.", "| Store | People | Check-in rows | Seed | Digest, organisation (median; min–max) | Digest, one unit | Target |", rows);
    }

    private static async Task<string> MeasureAsync(string store, StorageProvider provider, string connectionString, BulkWriter writer)
    {
        await using var database = Database.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString });
        await new MigrationRunner(database, new FixedClock(Now), NullLogger<MigrationRunner>.Instance).ApplyAsync(default);

        var (periods, answers, seed) = await SeedAsync(store, database, writer);

        await using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new MentorBot.Hosting.Telemetry.MentorBotMetrics(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var service = new DigestService(database, new DigestQuery(database), new MentorBot.Features.Outcomes.OutcomeQuery(database), Options.Create(new DigestOptions()), metrics, new FixedClock(Now), NullLogger<DigestService>.Instance);
        var director = Person(DigestBenchData.PersonId(0), admin: true);
        var manager = Person(DigestBenchData.PersonId(1), admin: false);
        var organisation = await TimeAsync(() => service.ReportAsync(director, DigestService.Organisation, default));
        var unit = await TimeAsync(() => service.ReportAsync(manager, DigestService.Mine, default));
        await Console.Error.WriteLineAsync($"  {store}: organisation digest {string.Join(", ", organisation.Select(ms => ms.ToString("N0", CultureInfo.InvariantCulture)))} ms.");

        var median = Median(organisation);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {store} | {People:N0} | {periods:N0} periods + {answers:N0} answers | {seed.Elapsed.TotalSeconds:N1} s | **{median:N0} ms** ({organisation.Min():N0}–{organisation.Max():N0}) | {Median(unit):N0} ms | < 2,000 ms: {(median < 2000 ? "met" : "**missed**")} |");
    }

    /// <summary>
    /// The 20,000-person organisation with 52 weeks of check-ins, bulk-loaded (progress on stderr) into a migrated store;
    /// the dashboard benchmark reads the same data.
    /// </summary>
    internal static async Task<(long Periods, long Answers, Stopwatch Seed)> SeedAsync(string store, Database database, BulkWriter writer)
    {
        var data = new DigestBenchData(People, Weeks, Now);
        var seed = Stopwatch.StartNew();
        async Task<long> Load(string table, string columns, IEnumerable<object?[]> source) =>
            await writer.WriteAsync(table, columns.Split(", "), source, n => Console.Error.Write($"\r  {store}: {table} {n:N0} rows, {seed.Elapsed.TotalSeconds:N0} s   "));

        await Load("map_lanes", "id, name, description, active, updated_at_ms", data.LaneRows());
        await Load("map_units", "id, name, escalation_contact_id, active, updated_at_ms", data.UnitRows());
        await Load("map_people", "id, aad_object_id, name, email, level, unit_id, manager_id, time_zone, working_days, work_start, work_end, quiet_start, quiet_end, start_date, locale, mentor_capacity, teaches, is_admin, active, updated_at_ms, ended_at_ms, needs", data.PersonRows());
        await Load("map_mentorships", "id, mentor_id, mentee_id, lanes, kind, cadence_every, cadence_day, cadence_time, start_date, status, paused_until, calibration_date, updated_at_ms, ended_at_ms, origin", data.MentorshipRows());
        await Load("map_leader_scopes", "leader_id, kind, unit_id", data.LeaderScopeRows());
        await Load("conversation_references", "conversation_id, conversation_type, tenant_id, service_url, bot_id, user_id, aad_object_id, status, status_reason, welcomed_at_ms, created_at_ms, updated_at_ms", data.ConversationRows());
        var periods = await Load("checkin_periods", "id, person_id, mentorship_id, mentor_id, opens_at_ms, closes_at_ms, status, reminder_sent_at_ms, created_at_ms", data.PeriodRows());
        var answers = await Load("checkin_answers", "period_id, person_id, learned, learned_shared, need, need_shared, stuck, stuck_shared, confidence, load, scores_shared, wants_time, submitted_at_ms, updated_at_ms, revision", data.AnswerRows());
        await Load("bookings", "id, mentorship_id, mentor_id, mentee_id, requester_id, source, minutes, status, slots_json, provider, revision, created_at_ms, updated_at_ms", data.BookingRows());
        await Load("calibrations", "mentorship_id, person_id, role, score, note, asked_at_ms, answered_at_ms", data.CalibrationRows());
        await using (var connection = await database.OpenAsync(default))
        {
            await connection.ExecuteAsync("INSERT INTO map_programme (id, name, imported_at_ms) VALUES (1, 'Bench Health', @now)", new { now = Now.ToUnixTimeMilliseconds() });
            await connection.ExecuteAsync("ANALYZE", commandType: System.Data.CommandType.Text);
        }

        seed.Stop();
        await Console.Error.WriteLineAsync($"\r  {store}: seeded {periods:N0} check-ins and {answers:N0} answers in {seed.Elapsed.TotalSeconds:N1} s.        ");

        return (periods, answers, seed);
    }

    /// <summary>One warm-up run, then the timed ones: the digest as the card that is sent.</summary>
    private static async Task<List<double>> TimeAsync(Func<Task<DigestReport?>> run)
    {
        _ = DigestCard.Build((await run())!, Language.English);
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var card = DigestCard.Build((await run())!, Language.English);
            times.Add(clock.Elapsed.TotalMilliseconds);
            GC.KeepAlive(card);
        }

        return times;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static Person Person(string id, bool admin) =>
        new(id, null, id, null, Level.Director, null, null, "America/Chicago", WorkingHours.Default, null, null, "en-US", 0, [], admin);
}
