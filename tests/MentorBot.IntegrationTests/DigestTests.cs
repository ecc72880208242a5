using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The leaders' digest over the demo map with a crafted week of check-ins: Adele Vance leads Medical Ward 3 and the
/// Outpatient Clinic, Patti Fernandez the whole organisation, Lynne Robbins is a programme admin. The clock is Monday
/// 23 November 2026, 08:00 in Chicago. Every answer carries a marker that must never reach a digest.
/// </summary>
public sealed class DigestTests : IAsyncLifetime
{
    private const string Marker = "ZQX";
    private const string AdeleChat = "a%3Apersonal-22";
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync(new Dictionary<string, string?> { ["Digest:AllowNudgeList"] = "true" });
        await SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Adeles_digest_shows_the_numbers_of_her_two_units()
    {
        var card = await SayAsync(22, "Adele Vance", "digest");

        Assert.Contains("Weekly digest: Medical Ward 3 and Outpatient Clinic", card, StringComparison.Ordinal);
        Assert.Contains("20 people", card, StringComparison.Ordinal);
        Assert.Contains("83%", card, StringComparison.Ordinal);                                       // 10 of 12 check-ins answered
        Assert.Contains("10 of 12 this week · 4 weeks before: 75%", card, StringComparison.Ordinal); // last week 6 of 8
        Assert.Contains("3.1 (4 weeks before: 3.0)", card, StringComparison.Ordinal);                 // confidence, shared scores only: 28 / 9
        Assert.Contains("3.4 (4 weeks before: 2.0)", card, StringComparison.Ordinal);                 // load: 31 / 9
        Assert.Contains("6 (4 weeks before: 0)", card, StringComparison.Ordinal);                     // asked for mentor time
        Assert.Contains("5 (4 weeks before: fewer than 5)", card, StringComparison.Ordinal);          // sessions booked
        Assert.Contains("Documentation: 5 this week, fewer than 5 in the 4 weeks before", card, StringComparison.Ordinal);
        Assert.Contains("Family communication: fewer than 5 this week, 0 in the 4 weeks before", card, StringComparison.Ordinal);

        var map = await _host.Service<MapStore>().LoadAsync(default);
        var scope = DigestScope.For("adele-vance", map.LeaderScopes).Members(map.People);
        var load = map.Mentorships.Where(m => m.HoldsCapacity).GroupBy(m => m.MentorId).ToDictionary(g => g.Key, g => g.Count());
        var mentors = scope.Where(p => p.MentorCapacity > 0 || load.ContainsKey(p.Id)).ToList();
        var full = mentors.Count(p => load.GetValueOrDefault(p.Id) >= p.MentorCapacity);
        Assert.Contains($"\"value\":\"{full} of {mentors.Count}\"", card, StringComparison.Ordinal);
        var phases = scope.Select(p => Onboarding.PhaseOn(p.StartDate, new DateOnly(2026, 11, 23)).Phase).ToList();
        Assert.Contains(
            $"observe {phases.Count(p => p == OnboardingPhase.Observe)} · practise with support {phases.Count(p => p == OnboardingPhase.PractiseWithSupport)} · practise independently {phases.Count(p => p == OnboardingPhase.PractiseIndependently)}",
            card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"19\"", card, StringComparison.Ordinal);                          // everyone but Adele has never opened MentorBot
    }

    [Fact]
    public async Task By_unit_a_small_unit_and_the_one_that_would_give_it_away_are_hidden_in_every_digest()
    {
        await SayAsync(22, "Adele Vance", "digest");
        var adele = await ExecuteAsync(22, "Adele Vance", DigestVerbs.Details, DigestService.Mine);
        await SayAsync(24, "Patti Fernandez", "digest");
        var patti = await ExecuteAsync(24, "Patti Fernandez", DigestVerbs.Details, DigestService.Mine);

        // The Outpatient Clinic had three people with check-ins (2 of 3 answered). Adele's total (10 of 12) is on her
        // digest, so Medical Ward 3 (8 of 9) must stay hidden too, in her breakdown and in the organisation's.
        Assert.Contains("10 of 12 (83%)", adele, StringComparison.Ordinal);
        Assert.Equal(8, Occurrences(adele, "\"value\":\"hidden\""));
        foreach (var card in new[] { adele, patti })
        {
            Assert.DoesNotContain("2 of 3", card, StringComparison.Ordinal);
            Assert.DoesNotContain("8 of 9", card, StringComparison.Ordinal);
        }

        // Home Care (6 of 7) is shown; the Emergency Department is hidden beside the clinic; the total is whole.
        Assert.Contains("6 of 7 (86%)", patti, StringComparison.Ordinal);
        Assert.DoesNotContain("5 of 6", patti, StringComparison.Ordinal);
        Assert.Contains("21 of 25 (84%)", patti, StringComparison.Ordinal);
        // Subtraction: the organisation minus what is shown leaves 15 of 18 answered over three units, never one.
        Assert.Contains("Riverside Care Network", patti, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_digest_card_carries_anything_anyone_wrote()
    {
        await RunSchedulerAsync();
        await SayAsync(25, "Lynne Robbins", "help");
        var cards = new List<string>
        {
            await SayAsync(22, "Adele Vance", "digest"),
            await ExecuteAsync(22, "Adele Vance", DigestVerbs.Details, DigestService.Mine),
            await ExecuteAsync(22, "Adele Vance", DigestVerbs.Nudge, DigestService.Mine),
            await ExecuteAsync(22, "Adele Vance", DigestVerbs.Summary, DigestService.Mine),
            await SayAsync(24, "Patti Fernandez", "digest"),
            await ExecuteAsync(24, "Patti Fernandez", DigestVerbs.Details, DigestService.Mine),
            await SayAsync(25, "Lynne Robbins", "digest org"),
            await ExecuteAsync(25, "Lynne Robbins", DigestVerbs.Details, DigestService.Organisation),
            await ExecuteAsync(25, "Lynne Robbins", DigestVerbs.Nudge, DigestService.Organisation),
        };
        _host.Clock.Advance(TimeSpan.FromDays(7));
        await RunSchedulerAsync();
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);
        cards.AddRange(Sent.CardsTo(_host.Sent, AdeleChat).Where(c => c.Contains("Weekly digest", StringComparison.Ordinal)));

        Assert.Equal(10, cards.Count);
        Assert.All(cards, card => Assert.DoesNotContain(Marker, card, StringComparison.Ordinal));
        Assert.All(cards, card => Assert.DoesNotContain("handover", card, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Who_needs_a_nudge_lists_names_and_unanswered_counts_only()
    {
        await SayAsync(22, "Adele Vance", "digest");
        var nudges = await ExecuteAsync(22, "Adele Vance", DigestVerbs.Nudge, DigestService.Mine);

        // Alex and Grace missed last week's but answered this week's; Vikram and Amara have not answered this week's.
        Assert.Contains("Amara Osei: 1 unanswered", nudges, StringComparison.Ordinal);
        Assert.Contains("Vikram Shah: 1 unanswered", nudges, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Wilber", nudges, StringComparison.Ordinal);
        Assert.DoesNotContain("confidence", nudges, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task People_who_are_not_leaders_get_no_digest_and_a_forged_button_shows_nothing()
    {
        var alex = await SayAsync(20, "Alex Wilber", "digest");
        var adeleOrg = await SayAsync(22, "Adele Vance", "digest org");
        var alexButton = await ExecuteRawAsync(20, "Alex Wilber", DigestVerbs.Details, DigestService.Mine);
        var adeleButton = await ExecuteRawAsync(22, "Adele Vance", DigestVerbs.Details, DigestService.Organisation);

        Assert.Contains("isn't available to you", alex, StringComparison.Ordinal);
        Assert.Contains("isn't available to you", adeleOrg, StringComparison.Ordinal);
        foreach (var body in new[] { alexButton, adeleButton })
        {
            Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
            Assert.Contains("not yours to open", body.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_weekly_digest_goes_out_once_a_week_at_the_leaders_local_time()
    {
        await SayAsync(22, "Adele Vance", "help");
        await RunSchedulerAsync();                                    // Adele is first seen at this week's slot: nothing this week
        _host.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));

        await RunSchedulerAsync();                                    // 07:59 in Chicago
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);
        Assert.Empty(Digests());

        _host.Clock.Advance(TimeSpan.FromMinutes(1));                 // 08:00
        await RunSchedulerAsync();
        await RunSchedulerAsync();
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);
        Assert.Contains("Weekly digest: Medical Ward 3 and Outpatient Clinic", Assert.Single(Digests()), StringComparison.Ordinal);

        _host.Clock.Advance(TimeSpan.FromHours(5));
        await RunSchedulerAsync();
        _host.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(5));
        await RunSchedulerAsync();
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);
        Assert.Equal(2, Digests().Count);
        Assert.Equal(2L, await ScalarAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'leader-digest' AND person_id = 'adele-vance'"));
    }

    [Fact]
    public async Task A_leader_can_move_their_digest_to_another_day_and_time()
    {
        await RunSchedulerAsync();
        var card = await SayAsync(22, "Adele Vance", "digest at friday 07:30");
        var bad = await SayAsync(22, "Adele Vance", "digest at someday");

        Assert.Contains("every Friday at 7:30 AM (America/Chicago)", card, StringComparison.Ordinal);
        Assert.Contains("Fri, Nov 27 at 7:30 AM", card, StringComparison.Ordinal);
        Assert.Contains("I couldn't read that", bad, StringComparison.Ordinal);
        _host.Clock.Advance(TimeSpan.FromDays(4) - TimeSpan.FromMinutes(30)); // Friday 13:30Z, 07:30 in Chicago
        await RunSchedulerAsync();
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'leader-digest' AND person_id = 'adele-vance' AND reference = '2026-W48'"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'leader-digest' AND person_id = 'patti-fernandez'"));
    }

    [Fact]
    public async Task Without_the_policy_there_is_no_nudge_button_and_the_verb_is_refused()
    {
        await using var host = await MentorBotHost.StartAsync();
        await SeedAsync(host);
        await host.PostActivityAsync(TeamsActivities.MessageFrom(22, "Adele Vance", "digest"));
        var card = Sent.CardText(host.Sent[^1]);
        var body = await Sent.InvokeBodyAsync(await host.PostActivityAsync(TeamsActivities.ExecuteFrom(22, "Adele Vance", DigestVerbs.Nudge, new JsonObject { [DigestVerbs.ScopeKey] = DigestService.Mine })));

        Assert.Contains("Open details", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Who needs a nudge?", card, StringComparison.Ordinal);
        Assert.Contains("does not show leaders who has not answered", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threshold_of_three_shows_the_three_person_unit()
    {
        await using var host = await MentorBotHost.StartAsync(new Dictionary<string, string?> { ["Digest:MinGroupSize"] = "3" });
        await SeedAsync(host);
        await host.PostActivityAsync(TeamsActivities.MessageFrom(22, "Adele Vance", "digest"));
        var body = await Sent.InvokeBodyAsync(await host.PostActivityAsync(TeamsActivities.ExecuteFrom(22, "Adele Vance", DigestVerbs.Details, new JsonObject { [DigestVerbs.ScopeKey] = DigestService.Mine })));

        var details = body["value"]!.ToJsonString();
        Assert.Contains("2 of 3 (67%)", details, StringComparison.Ordinal);
        Assert.Contains("8 of 9 (89%)", details, StringComparison.Ordinal);
    }

    private List<string> Digests() => [.. Sent.CardsTo(_host.Sent, AdeleChat).Where(c => c.Contains("Weekly digest", StringComparison.Ordinal))];

    private async Task RunSchedulerAsync() =>
        await _host.Scoped<DigestScheduler>().RunAsync(await _host.Service<MapStore>().LoadAsync(default), default);

    [Fact]
    public async Task Concerns_in_the_leaders_units_are_counted_open_and_resolved_never_shown()
    {
        await using (var connection = await _host.Service<Database>().OpenAsync(default))
        {
            var now = _host.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            for (var i = 0; i < 7; i++)
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO concerns (id, sender_id, anonymous, target, recipient_id, unit_id, body, source, status, raised_at_ms, revision, updated_at_ms)
                    VALUES (@id, NULL, 1, 'designated', 'adele-vance', @unit, @body, 'command', @status, @at, 1, @at)
                    """,
                    new { id = $"digest-concern-{i}", unit = i < 6 ? "medical-ward-3" : "emergency-department", body = $"CONCERN-WORDS-{i}", status = i < 5 ? "open" : "resolved", at = now - (i * 3_600_000) });
            }
        }

        var card = await SayAsync(22, "Adele Vance", "digest");

        Assert.Contains("Concerns raised (last 5 weeks, counts only)", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Open\",\"value\":\"5\"", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Resolved\",\"value\":\"fewer than 5\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("CONCERN-WORDS", card, StringComparison.Ordinal);
    }

    private async Task<string> SayAsync(int user, string name, string text)
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(user, name, text));
        return Sent.CardText(_host.Sent[^1]);
    }

    private async Task<JsonObject> ExecuteRawAsync(int user, string name, string verb, string scope) =>
        await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.ExecuteFrom(user, name, verb, new JsonObject { [DigestVerbs.ScopeKey] = scope })));

    private async Task<string> ExecuteAsync(int user, string name, string verb, string scope)
    {
        var body = await ExecuteRawAsync(user, name, verb, scope);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        return body["value"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    /// <summary>This week (opened three days ago) and last week (ten days ago) for three units, and sessions booked.</summary>
    internal static async Task SeedAsync(MentorBotHost host)
    {
        var now = host.Clock.GetUtcNow();
        var thisWeek = now - TimeSpan.FromDays(3);
        var lastWeek = now - TimeSpan.FromDays(10);
        Answer[] answers =
        [
            // Medical Ward 3: nine sent, eight answered; Chloe keeps her scores private.
            new("alex-wilber", thisWeek, 4, 3, Wants: true, Need: "more documentation practice"),
            new("isaiah-langer", thisWeek, 4, 3, Wants: true, Need: "documentation templates"),
            new("grace-adeyemi", thisWeek, 3, 3, Wants: true, Need: "documentation at night"),
            new("tomas-rivera", thisWeek, 3, 3, Wants: true, Need: "documentation shortcuts"),
            new("caleb-thornton", thisWeek, 5, 3, Wants: true, Need: "documentation for discharges"),
            new("emily-sorensen", thisWeek, 2, 3, Need: "family communication", NeedShared: false),
            new("jamal-wright", thisWeek, 4, 3, Stuck: "family communication at handover"),
            new("chloe-martin", thisWeek, 1, 5, ScoresShared: false),
            new("vikram-shah", thisWeek, Answered: false),

            // Outpatient Clinic: three sent, two answered.
            new("brian-kowalski", thisWeek, 1, 5, Wants: true),
            new("hye-jin-lee", thisWeek, 2, 5, Stuck: "a private worry", StuckShared: false),
            new("amara-osei", thisWeek, Answered: false),

            // Emergency Department: six sent, five answered.
            new("jasmine-carter", thisWeek, 4, 2), new("noah-feldman", thisWeek, 4, 2), new("marco-bianchi", thisWeek, 4, 2),
            new("tanya-whitehorse", thisWeek, 4, 2), new("owen-mcallister", thisWeek, 4, 2), new("ethan-park", thisWeek, Answered: false),

            // Community Home Care: seven sent, six answered.
            new("marisol-vega", thisWeek, 3, 4), new("lucia-morales", thisWeek, 3, 4), new("derek-simmons", thisWeek, 3, 4),
            new("kevin-obrien", thisWeek, 3, 4), new("yolanda-pierce", thisWeek, 3, 4), new("sofia-ramirez", thisWeek, 3, 4),
            new("paul-nakamura", thisWeek, Answered: false),

            // Last week, Medical Ward 3: eight sent, six answered (Alex and Grace missed it).
            new("alex-wilber", lastWeek, Answered: false), new("grace-adeyemi", lastWeek, Answered: false),
            new("isaiah-langer", lastWeek, 3, 2), new("tomas-rivera", lastWeek, 2, 2, Need: "documentation"), new("caleb-thornton", lastWeek, 4, 3, Need: "documentation"),
            new("emily-sorensen", lastWeek, 3, 2), new("jamal-wright", lastWeek, 3, 1), new("chloe-martin", lastWeek, 3, 2),
        ];

        await using var connection = await host.Service<Database>().OpenAsync(default);
        var index = 0;
        foreach (var a in answers)
        {
            var id = $"t:{a.Person}:{a.Opens.ToUnixTimeMilliseconds()}";
            index++;
            await connection.ExecuteAsync(
                "INSERT INTO checkin_periods (id, person_id, mentorship_id, mentor_id, opens_at_ms, closes_at_ms, status, created_at_ms) VALUES (@id, @person, NULL, NULL, @opens, @closes, @status, @opens)",
                new { id, person = a.Person, opens = a.Opens.ToUnixTimeMilliseconds(), closes = (a.Opens + TimeSpan.FromDays(7)).ToUnixTimeMilliseconds(), status = a.Answered ? "answered" : a.Opens < now - TimeSpan.FromDays(7) ? "missed" : "open" });
            if (a.Answered)
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO checkin_answers (period_id, person_id, learned, learned_shared, need, need_shared, stuck, stuck_shared, confidence, load, scores_shared, wants_time, submitted_at_ms, updated_at_ms, revision)
                    VALUES (@id, @person, @learned, 1, @need, @needShared, @stuck, @stuckShared, @confidence, @load, @scoresShared, @wants, @at, @at, 1)
                    """,
                    new
                    {
                        id, person = a.Person, learned = $"{Marker}-{index} what I learned",
                        need = a.Need is null ? null : $"{Marker}-{index} {a.Need}", needShared = a.NeedShared ? 1 : 0,
                        stuck = a.Stuck is null ? null : $"{Marker}-{index} {a.Stuck}", stuckShared = a.StuckShared ? 1 : 0,
                        confidence = a.Confidence, load = a.Load, scoresShared = a.ScoresShared ? 1 : 0, wants = a.Wants ? 1 : 0, at = (a.Opens + TimeSpan.FromHours(4)).ToUnixTimeMilliseconds(),
                    });
            }
        }

        // Sessions booked: five this week for Ward 3's mentees, two last week.
        var bookings = new[] { ("alex-wilber", thisWeek), ("isaiah-langer", thisWeek), ("grace-adeyemi", thisWeek), ("tomas-rivera", thisWeek), ("caleb-thornton", thisWeek), ("alex-wilber", lastWeek), ("jamal-wright", lastWeek) };
        foreach (var (mentee, at) in bookings)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO bookings (id, mentorship_id, mentor_id, mentee_id, requester_id, source, minutes, status, slots_json, provider, revision, created_at_ms, updated_at_ms)
                VALUES (@id, 'm-x', 'megan-bowen', @mentee, @mentee, 'command', 30, 'booked', '[]', 'local', 1, @at, @at)
                """,
                new { id = $"b:{mentee}:{at.ToUnixTimeMilliseconds()}", mentee, at = at.ToUnixTimeMilliseconds() });
        }
    }

    private sealed record Answer(
        string Person, DateTimeOffset Opens, int Confidence = 3, int Load = 3, bool Answered = true, bool ScoresShared = true, bool Wants = false,
        string? Need = null, bool NeedShared = true, string? Stuck = null, bool StuckShared = true);
}
