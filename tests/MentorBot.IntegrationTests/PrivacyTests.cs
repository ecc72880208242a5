using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.Map;
using MentorBot.Features.Privacy;
using MentorBot.Hosting;
using MentorBot.Persistence;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Data rights on the demo programme: <c>privacy export</c> and <c>privacy erase</c> through the command line against
/// the host's database, the audit log they write, and the retention sweep on the host's clock.
/// </summary>
public sealed class PrivacyTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync();
        _directory = Directory.CreateTempSubdirectory("mentorbot-privacy-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Export_holds_the_persons_data_from_every_table_and_nobody_elses()
    {
        await PrivacyData.SeedAsync(_host);

        var (code, document) = await ExportAsync("alex.wilber@riversidecare.example");
        var (_, withoutPrivate) = await ExportAsync("00000000-0000-0000-0000-0000000000020", "--without-private-notes");

        Assert.Equal(0, code);
        var tables = document["tables"]!.AsObject();
        string[] expected =
        [
            "map_people", "map_mentorships", "map_circles", "checkin_periods", "checkin_answers", "checkin_pauses", "calibrations", "circle_answers",
            "quarterly_reviews", "coaching_deliveries", "mentor_notes", "bookings", "local_calendar_blocks", "local_calendar_events", "outbox",
            "match_suggestions", "rematch_requests", "conversation_references", "processed_activities",
        ];
        Assert.All(expected, table => Assert.NotEmpty(tables[table]!.AsArray()));
        Assert.Equal(PersonalDataCatalog.Tables(_host.Service<Database>()).Select(t => t.Name).Order(), tables.Select(t => t.Key).Order());
        Assert.Equal("alex-wilber", (string?)document["subject"]!["id"]);
        var text = document.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.All(PrivacyData.AlexTexts, marker => Assert.Contains(marker, text, StringComparison.Ordinal));
        Assert.All(PrivacyData.IsaiahTexts, marker => Assert.DoesNotContain(marker, text, StringComparison.Ordinal));
        Assert.DoesNotContain("a:personal-23", text, StringComparison.Ordinal);
        Assert.All(tables["checkin_periods"]!.AsArray(), row => Assert.Equal("alex-wilber", (string?)row!["person_id"]));
        Assert.All(tables["outbox"]!.AsArray(), row => Assert.Equal("alex-wilber", (string?)row!["person_id"]));
        Assert.All(tables["mentor_notes"]!.AsArray(), row => Assert.Equal("alex-wilber", (string?)row!["mentee_id"]));
        Assert.Contains(tables["checkin_answers"]!.AsArray(), row => (string?)row!["learned"] == "ALEX-LEARNED-TEXT" && (long)row["confidence"]! == 4);
        Assert.Contains(tables["mentor_notes"]!.AsArray(), row => (string?)row!["fields"]!["what-happened"] == "MEGAN-PRIVATE-NOTE-ABOUT-ALEX");

        var leaner = withoutPrivate.ToJsonString();
        Assert.DoesNotContain("MEGAN-PRIVATE-NOTE-ABOUT-ALEX", leaner, StringComparison.Ordinal);
        Assert.Contains("MEGAN-SHARED-NOTE-ABOUT-ALEX", leaner, StringComparison.Ordinal);
        var exports = (await _host.Service<AuditLog>().RecentAsync(10, "alex-wilber", default)).Where(e => e.Action == AuditActions.PrivacyExport).ToList();
        Assert.Equal(2, exports.Count);
        Assert.All(exports, e => Assert.Equal("test-admin", e.Actor));
    }

    [Fact]
    public async Task Erase_leaves_nothing_personal_while_unit_aggregates_stay_the_same_and_a_second_erase_is_harmless()
    {
        await PrivacyData.SeedAsync(_host);
        var before = await AggregatesAsync();

        Assert.Equal(0, await CliAsync("privacy", "erase", "alex-wilber", "--yes", "--by", "test-admin"));

        Assert.Empty(await PrivacyData.FindAsync(_host, PrivacyData.AlexIdentifiers));
        Assert.Equal(before, await AggregatesAsync());
        foreach (var marker in PrivacyData.IsaiahTexts)
        {
            Assert.NotEmpty(await PrivacyData.FindAsync(_host, [marker]));
        }

        await using (var c = await _host.Service<Database>().OpenAsync(default))
        {
            var stub = await c.QuerySingleAsync<(string Name, string Unit, long Active)>("SELECT name, unit_id, active FROM map_people WHERE id LIKE 'erased~%'");
            Assert.Equal((string.Empty, "medical-ward-3", 0L), stub);
            var megan = await c.QuerySingleAsync<(long Score, string? Note)>("SELECT score, note FROM calibrations WHERE person_id = 'megan-bowen' AND mentorship_id = 'm-001'");
            Assert.Equal((2L, (string?)null), megan);
            var pairing = await c.QuerySingleAsync<(string Mentee, string Status)>("SELECT mentee_id, status FROM map_mentorships WHERE id = 'm-001'");
            Assert.Equal(("erased~", "ended"), pairing);
            Assert.DoesNotContain("alex-wilber", await c.ExecuteScalarAsync<string>("SELECT members FROM map_circles WHERE id = 'c-001'"), StringComparison.Ordinal);
        }

        var (code, _) = await ExportAsync("alex-wilber");
        Assert.Equal(2, code);
        Assert.Equal(0, await CliAsync("privacy", "erase", "alex-wilber", "--yes"));
        Assert.Equal(2, await CliAsync("privacy", "erase", "alex.wilber@riversidecare.example", "--yes"));
        var erasures = await _host.Service<AuditLog>().RecentAsync(10, [Pseudonyms.ForAudit("alex-wilber")], default);
        Assert.Equal(AuditActions.PrivacyErase, Assert.Single(erasures, e => e.Action == AuditActions.PrivacyErase).Action);
        Assert.Equal(0, await CliAsync("privacy", "audit", "--person", "alex-wilber"));

        // Alex is gone from the map: he gets the card for people who are not in it, and the metronome runs on.
        await _host.PostActivityAsync(TeamsActivities.Message("my map"));
        Assert.Contains("not in the mentorship map", Sent.CardText(_host.Sent[^1]), StringComparison.OrdinalIgnoreCase);
        await _host.RunMetronomeAsync();

        // A map that still lists him brings him back as a new person, without his history.
        var again = await _host.Service<MapStore>().ImportAsync(MentorBot.Features.Map.Demo.DemoMap.Load(new DateOnly(2026, 11, 23)), null, default);
        Assert.Equal(1, again.People.Added);
        await using var after = await _host.Service<Database>().OpenAsync(default);
        Assert.Equal(0L, await after.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM checkin_answers WHERE person_id = 'alex-wilber'"));
    }

    [Fact]
    public async Task Erase_without_yes_shows_what_would_go_and_changes_nothing()
    {
        await PrivacyData.SeedAsync(_host);
        var before = await PrivacyData.DumpAsync(_host);

        Assert.Equal(1, await CliAsync("privacy", "erase", "alex-wilber"));

        Assert.Equal(before, await PrivacyData.DumpAsync(_host));
    }

    [Fact]
    public async Task Erasing_a_mentor_unlinks_them_from_mentees_circles_and_notes_while_the_mentees_keep_their_own_data()
    {
        await PrivacyData.SeedAsync(_host);

        Assert.Equal(0, await CliAsync("privacy", "erase", "00000000-0000-0000-0000-0000000000021", "--yes"));

        Assert.Empty(await PrivacyData.FindAsync(_host, ["megan-bowen", "Megan Bowen", "megan.bowen@", "00000000-0000-0000-0000-0000000000021", "a:personal-21", "MEGAN-"]));
        await using var c = await _host.Service<Database>().OpenAsync(default);
        var alexCheckIns = (await c.QueryAsync<(string? Mentor, string? Learned)>(
            "SELECT p.mentor_id, a.learned FROM checkin_periods p JOIN checkin_answers a ON a.period_id = p.id WHERE p.person_id = 'alex-wilber' AND p.mentorship_id = 'm-001'")).ToList();
        Assert.NotEmpty(alexCheckIns);
        Assert.All(alexCheckIns, row => Assert.Null(row.Mentor));
        Assert.Contains(alexCheckIns, row => row.Learned == "ALEX-OLD-LEARNED");
        Assert.Equal((4L, (string?)null), await c.QuerySingleAsync<(long, string?)>("SELECT score, note FROM calibrations WHERE person_id = 'alex-wilber' AND mentorship_id = 'm-001'"));
        Assert.Equal("erased~", await c.ExecuteScalarAsync<string>("SELECT facilitator_id FROM map_circles WHERE id = 'c-001'"));
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM mentor_notes WHERE mentee_id = 'isaiah-langer'"));

        var map = await _host.Service<MapStore>().LoadAsync(default);
        Assert.DoesNotContain(map.People, p => p.Id == "megan-bowen");
        Assert.DoesNotContain(map.Mentorships, m => m.Id == "m-001");
        await _host.RunMetronomeAsync();
        await _host.PostActivityAsync(TeamsActivities.Message("my map"));
        var card = Sent.CardText(_host.Sent[^1]);
        Assert.Contains("Priya Raman", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_clears_old_free_text_and_keeps_new_text_and_every_score()
    {
        var now = _host.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using (var c = await _host.Service<Database>().OpenAsync(default))
        {
            await PrivacyData.AnswerAsync(c, "p-before", "alex-wilber", "m-001", "megan-bowen", "OLD-LEARNED", 2, now - (400 * PrivacyData.Day));
            await PrivacyData.AnswerAsync(c, "p-after", "alex-wilber", "m-001", "megan-bowen", "NEW-LEARNED", 5, now - (10 * PrivacyData.Day));
            await PrivacyData.CircleAnswerAsync(c, "c-001:before", "alex-wilber", "OLD-CIRCLE", now - (400 * PrivacyData.Day));
            await PrivacyData.CircleAnswerAsync(c, "c-001:after", "alex-wilber", "NEW-CIRCLE", now - (10 * PrivacyData.Day));
            await PrivacyData.ReviewAsync(c, "m-before", "alex-wilber", "mentee", 3, "OLD-WENT-WELL", "OLD-FOCUS", now - (400 * PrivacyData.Day));
            await PrivacyData.ReviewAsync(c, "m-after", "alex-wilber", "mentee", 4, "NEW-WENT-WELL", "NEW-FOCUS", now - (10 * PrivacyData.Day));
            await PrivacyData.CalibrationAsync(c, "m-before", "alex-wilber", "mentee", 1, "OLD-CALIBRATION", now - (400 * PrivacyData.Day));
            await PrivacyData.CalibrationAsync(c, "m-after", "alex-wilber", "mentee", 5, "NEW-CALIBRATION", now - (10 * PrivacyData.Day));
            await PrivacyData.NoteAsync(c, "note-before", "megan-bowen", "alex-wilber", "OLD-NOTE", shared: false, now - (400 * PrivacyData.Day));
            await PrivacyData.NoteAsync(c, "note-after", "megan-bowen", "alex-wilber", "NEW-NOTE", shared: true, now - (10 * PrivacyData.Day));
        }

        var first = await _host.Service<AnswerRetention>().SweepAsync(default);

        Assert.Equal(new RetentionResult(1, 1, 1, 1, 1), first);
        Assert.Empty(await PrivacyData.FindAsync(_host, ["OLD-"]));
        foreach (var marker in new[] { "NEW-LEARNED", "NEW-CIRCLE", "NEW-WENT-WELL", "NEW-FOCUS", "NEW-CALIBRATION", "NEW-NOTE" })
        {
            Assert.Single(await PrivacyData.FindAsync(_host, [marker]));
        }

        await using (var c = await _host.Service<Database>().OpenAsync(default))
        {
            Assert.Equal([2L, 5L], (await c.QueryAsync<long>("SELECT confidence FROM checkin_answers WHERE period_id IN ('p-before', 'p-after') ORDER BY period_id DESC")).ToList());
            Assert.Equal([1L, 5L], (await c.QueryAsync<long>("SELECT score FROM calibrations WHERE mentorship_id IN ('m-before', 'm-after') ORDER BY mentorship_id DESC")).ToList());
            Assert.Equal([3L, 4L], (await c.QueryAsync<long>("SELECT progress FROM quarterly_reviews WHERE mentorship_id IN ('m-before', 'm-after') ORDER BY mentorship_id DESC")).ToList());
            Assert.Equal(2L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM mentor_notes WHERE id IN ('note-before', 'note-after')"));
        }

        Assert.Equal(new RetentionResult(0, 0, 0, 0, 0), await _host.Service<AnswerRetention>().SweepAsync(default));
        _host.Clock.Advance(TimeSpan.FromDays(356));
        await _host.RunJobAsync("answer-retention");

        Assert.Empty(await PrivacyData.FindAsync(_host, ["NEW-"]));
        using (var jobs = _host.Service<Hangfire.JobStorage>().GetConnection())
        {
            var daily = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(jobs, ["answer-retention"]));
            Assert.Equal(("41 3 * * *", "UTC", "answer-retention"), (daily.Cron, daily.TimeZoneId, daily.Job.Args[0]));
        }

        Assert.Equal(2, (await _host.Service<AuditLog>().RecentAsync(10, subject: null, default)).Count(e => e.Action == AuditActions.PrivacyRetention));
    }

    [Fact]
    public async Task The_audit_log_records_imports_publishing_exports_and_erasures()
    {
        var file = Path.Combine(_directory, "riverside.json");
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(
            MentorBot.Features.Map.File.MapDocumentWriter.From(MentorBot.Features.Map.Demo.DemoMap.Load(new DateOnly(2026, 11, 23))),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
        Assert.Equal(0, await CliAsync("map", "import", file, "--by", "lynne"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(25, "Lynne Robbins", "match suggest"));
        var runId = Sent.Descendants(Sent.Card(_host.Sent[^1])).First(o => (string?)o["type"] == "Action.Execute")["data"]![MentorBot.Features.Matching.MatchVerbs.Run]!.GetValue<string>();
        await _host.PostActivityAsync(TeamsActivities.ExecuteFrom(25, "Lynne Robbins", MentorBot.Features.Matching.MatchVerbs.Publish, new JsonObject { [MentorBot.Features.Matching.MatchVerbs.Run] = runId }));
        await ExportAsync("isaiah-langer");
        Assert.Equal(0, await CliAsync("privacy", "erase", "isaiah-langer", "--yes", "--by", "test-admin"));

        var entries = await _host.Service<AuditLog>().RecentAsync(50, subject: null, default);

        var demo = Assert.Single(entries, e => e.Action == AuditActions.MapImport && e.Actor == "mentorbot");
        Assert.Contains("people 52 added; pairings 33 added", demo.Detail, StringComparison.Ordinal);
        var import = Assert.Single(entries, e => e.Action == AuditActions.MapImport && e.Actor == "lynne");
        Assert.Contains("from riverside.json", import.Detail, StringComparison.Ordinal);
        Assert.EndsWith("nothing changed", import.Detail, StringComparison.Ordinal);
        var publish = Assert.Single(entries, e => e.Action == AuditActions.MatchPublish);
        Assert.Equal(("lynne-robbins", runId), (publish.Actor, publish.Subject));
        Assert.Contains("7 pairings published", publish.Detail, StringComparison.Ordinal);
        var export = Assert.Single(entries, e => e.Action == AuditActions.PrivacyExport);
        var erase = Assert.Single(entries, e => e.Action == AuditActions.PrivacyErase);
        Assert.Equal(Pseudonyms.ForAudit("isaiah-langer"), export.Subject);
        Assert.Equal(Pseudonyms.ForAudit("isaiah-langer"), erase.Subject);
        Assert.Equal("test-admin", erase.Actor);
        Assert.DoesNotContain(entries, e => $"{e.Subject} {e.Detail}".Contains("isaiah", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await CliAsync("privacy", "audit", "--last", "5"));
        Assert.Equal(2, await CliAsync("privacy", "audit", "--last", "0"));
    }

    [Fact]
    public async Task An_unknown_person_is_refused_with_exit_code_2_and_nothing_is_recorded()
    {
        var (export, _) = await ExportAsync("nobody@example.org");

        Assert.Equal(2, export);
        Assert.Equal(2, await CliAsync("privacy", "erase", "no-such-person", "--yes"));
        Assert.DoesNotContain(await _host.Service<AuditLog>().RecentAsync(50, subject: null, default), e => e.Action.StartsWith("privacy.", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(_directory, "export.json")));
    }

    [Fact]
    public async Task Every_table_in_the_schema_is_classified_as_personal_or_not()
    {
        var known = PersonalDataCatalog.Tables(_host.Service<Database>()).Select(t => t.Name).Concat(PersonalDataCatalog.NotPersonal).ToHashSet(StringComparer.Ordinal);

        Assert.All(await PrivacyData.TablesAsync(_host), table => Assert.True(known.Contains(table), $"{table} is not in PersonalDataCatalog: does it hold personal data?"));
    }

    private async Task<(int Code, JsonObject Document)> ExportAsync(string person, params string[] more)
    {
        var file = Path.Combine(_directory, "export.json");
        File.Delete(file);
        var code = await CliAsync(["privacy", "export", person, "--out", file, "--by", "test-admin", .. more]);
        return (code, File.Exists(file) ? JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject() : []);
    }

    /// <summary>
    /// Runs the CLI as another process would: with its own services, so the bot learns of a map change from the stored
    /// counter, which a turn compares at most once per <see cref="MapDirectory.Recheck"/>. Waiting that out makes the
    /// next turn the first to see the change, whatever the bot's background work read just before it.
    /// </summary>
    private async Task<int> CliAsync(params string[] args)
    {
        var code = await MentorBotCli.RunAsync([.. args, "--environment", "Development", $"--Storage:Provider={_host.Provider}", $"--Storage:ConnectionString={_host.Service<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.ConnectionString}"]);
        await Task.Delay(MapDirectory.Recheck * 2);
        return code;
    }

    /// <summary>What a leader's figures are made of: per unit, how many check-ins and their average confidence; overall counts.</summary>
    private async Task<string> AggregatesAsync()
    {
        await using var c = await _host.Service<Database>().OpenAsync(default);
        var units = await c.QueryAsync<(string Unit, long Count, double Average)>(
            "SELECT p.unit_id, COUNT(*), AVG(CAST(a.confidence AS DOUBLE PRECISION)) FROM checkin_answers a JOIN map_people p ON p.id = a.person_id GROUP BY p.unit_id ORDER BY p.unit_id");
        var counts = await c.QuerySingleAsync<(long Periods, long Circles, long Calibrations, long Reviews, long Load)>(
            """
            SELECT (SELECT COUNT(*) FROM checkin_periods), (SELECT COUNT(*) FROM circle_answers), (SELECT COUNT(*) FROM calibrations),
                (SELECT COUNT(*) FROM quarterly_reviews), (SELECT SUM(load) FROM checkin_answers)
            """);
        return string.Join("; ", units.Select(u => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{u.Unit}: {u.Count} at {u.Average:0.000}"))) + " / " + counts;
    }
}
