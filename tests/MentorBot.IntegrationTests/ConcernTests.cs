using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.Concerns;
using MentorBot.Features.Map;
using MentorBot.Features.Privacy;
using MentorBot.Persistence;
using MentorBot.Outbox;
using Microsoft.Extensions.Logging;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Alex Wilber (Medical Ward 3) raises concerns: to his mentor Megan Bowen, or to the ward's designated person Samuel
/// Okafor. Samuel's manager Adele Vance is his backup; Isaiah Langer is a bystander. The clock starts on Monday
/// 2026-11-23 at 08:00 in Chicago, inside everyone's working hours.
/// </summary>
public sealed class ConcernTests : IAsyncLifetime
{
    private const string Words = "The bed alarms on bay 4 were switched off twice on the night shift.";
    private readonly LogCapture _logs = new();
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartWithAsync(
            new Dictionary<string, string?> { ["Concerns:AllowAnonymous"] = "true", ["Logging:LogLevel:Default"] = "Information" },
            services => services.AddSingleton<ILoggerProvider>(_logs));
        foreach (var person in new[] { Alex, Megan, Samuel, Adele, Isaiah })
        {
            await _host.PostActivityAsync(person.Message("help"));
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Raise_a_concern_offers_each_mentor_and_the_designated_person_and_says_who_will_see_it()
    {
        await _host.PostActivityAsync(Alex.Message("raise a concern"));

        var card = Sent.CardText(_host.Sent[^1]);
        Assert.Contains("Megan Bowen, your mentor", card, StringComparison.Ordinal);
        Assert.Contains("Isaiah Langer, your onboarding buddy", card, StringComparison.Ordinal);
        Assert.Contains("Samuel Okafor, the designated person for Medical Ward 3", card, StringComparison.Ordinal);
        Assert.Contains("Only the person you choose sees it. If they haven't acknowledged it within 1 day, they get a reminder; 2 days later it also goes to a backup contact:", card, StringComparison.Ordinal);
        Assert.Contains("• Megan Bowen, Priya Raman or Isaiah Langer → Samuel Okafor (the designated person for Medical Ward 3)", card, StringComparison.Ordinal);
        Assert.Contains("• Samuel Okafor → Adele Vance (their manager)", card, StringComparison.Ordinal);
        Assert.Contains("Send it without my name", card, StringComparison.Ordinal);
        Assert.Contains("Nothing is sent until you press Send", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"concern.send\"", card, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM concerns"));
    }

    [Fact]
    public async Task A_concern_to_his_mentor_reaches_Megan_alone_with_his_name_and_words_and_is_audited()
    {
        var (id, reply) = await RaiseAsync("mentor:megan-bowen");
        await DispatchAsync();

        Assert.Contains("Your concern is on its way to Megan Bowen", reply, StringComparison.Ordinal);
        Assert.Contains("Waiting for Megan Bowen to acknowledge it", reply, StringComparison.Ordinal);
        var toMegan = Assert.Single(Megan.Cards(_host));
        Assert.Contains("A concern from Alex Wilber", toMegan, StringComparison.Ordinal);
        Assert.Contains(Words, toMegan, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"concern.ack\"", toMegan, StringComparison.Ordinal);
        Assert.Empty(Samuel.Cards(_host));
        Assert.Empty(Adele.Cards(_host));
        Assert.Empty(Isaiah.Cards(_host));
        var raised = Assert.Single(await AuditAsync(id));
        Assert.Equal(("alex-wilber", ConcernAuditActions.Raise, "target=mentor;recipient=megan-bowen"), (raised.Actor, raised.Action, raised.Detail));
    }

    [Fact]
    public async Task A_concern_to_the_designated_person_reaches_Samuel_and_not_the_mentor()
    {
        await RaiseAsync(ConcernTarget.Designated);
        await DispatchAsync();

        var toSamuel = Assert.Single(Samuel.Cards(_host));
        Assert.Contains("A concern from Alex Wilber", toSamuel, StringComparison.Ordinal);
        Assert.Contains("Sent to you as the designated person for Medical Ward 3", toSamuel, StringComparison.Ordinal);
        Assert.Empty(Megan.Cards(_host));
    }

    [Fact]
    public async Task Megan_acknowledges_replies_and_resolves_and_Alex_sees_each_status()
    {
        var (id, _) = await RaiseAsync("mentor:megan-bowen");
        await DispatchAsync();

        var acknowledged = await InvokeAsync(Megan, ConcernVerbs.Acknowledge, id);
        await DispatchAsync();
        Assert.Contains("Acknowledged by Megan Bowen", acknowledged, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen acknowledged your concern", Alex.Cards(_host)[^1], StringComparison.Ordinal);

        await InvokeAsync(Megan, ConcernVerbs.Reply, id, "Thank you for telling me. Which night was it?");
        await DispatchAsync();
        var replied = Alex.Cards(_host)[^1];
        Assert.Contains("A reply to your concern", replied, StringComparison.Ordinal);
        Assert.Contains("Which night was it?", replied, StringComparison.Ordinal);

        await InvokeAsync(Alex, ConcernVerbs.Reply, id, "Saturday, around 2am.");
        await DispatchAsync();
        var wroteBack = Megan.Cards(_host)[^1];
        Assert.Contains("Alex Wilber wrote back about their concern", wroteBack, StringComparison.Ordinal);
        Assert.Contains("Saturday, around 2am.", wroteBack, StringComparison.Ordinal);

        var resolved = await InvokeAsync(Megan, ConcernVerbs.Resolve, id);
        await DispatchAsync();
        Assert.Contains("Resolved by Megan Bowen", resolved, StringComparison.Ordinal);
        Assert.DoesNotContain("concern.resolve", resolved, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen marked your concern resolved", Alex.Cards(_host)[^1], StringComparison.Ordinal);

        await _host.PostActivityAsync(Alex.Message("my concerns"));
        Assert.Contains("Resolved by Megan Bowen", Sent.CardText(_host.Sent[^1]), StringComparison.Ordinal);
        Assert.Equal(
            new[] { ConcernAuditActions.Raise, ConcernAuditActions.Acknowledge, ConcernAuditActions.Reply, ConcernAuditActions.Reply, ConcernAuditActions.Resolve }.Order(StringComparer.Ordinal),
            (await AuditAsync(id)).Select(e => e.Action).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_concern_never_names_Alex_to_Megan_in_the_logs_or_in_the_audit()
    {
        var (id, reply) = await RaiseAsync("mentor:megan-bowen", anonymous: true);
        await DispatchAsync();
        await InvokeAsync(Megan, ConcernVerbs.Reply, id, "Thank you. Can you tell me more?");
        await DispatchAsync();
        await InvokeAsync(Alex, ConcernVerbs.Reply, id, "It keeps happening on weekends.");
        await DispatchAsync();
        await _host.PostActivityAsync(Megan.Message("my concerns"));
        var meganList = Sent.CardText(_host.Sent[^1]);

        Assert.Contains("sent without your name", reply, StringComparison.Ordinal);
        var toMegan = Megan.Cards(_host);
        Assert.Equal(2, toMegan.Count);
        Assert.Contains("A concern, sent without a name", toMegan[0], StringComparison.Ordinal);
        Assert.Contains("The person who raised a concern wrote back", toMegan[1], StringComparison.Ordinal);
        Assert.Contains("It keeps happening on weekends.", toMegan[1], StringComparison.Ordinal);
        Assert.Contains("Can you tell me more?", Alex.Cards(_host)[^1], StringComparison.Ordinal);
        foreach (var seen in toMegan.Append(meganList).Append(await InvokeAsync(Megan, ConcernVerbs.Show, id)))
        {
            Assert.DoesNotContain("Alex", seen, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Wilber", seen, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(TeamsActivities.AlexAad, seen, StringComparison.OrdinalIgnoreCase);
        }

        var audit = await AuditAsync(id);
        Assert.All(audit, e => Assert.DoesNotContain("alex", $"{e.Actor} {e.Detail}", StringComparison.OrdinalIgnoreCase));
        var raised = Assert.Single(audit, e => e.Action == ConcernAuditActions.Raise);
        Assert.Equal((ConcernAuditActions.AnonymousActor, null), (raised.Actor, raised.Detail));
        Assert.Equal(ConcernAuditActions.AnonymousActor, Assert.Single(audit, e => e.Detail == "from=sender").Actor);
        Assert.Null(await ScalarAsync<string?>("SELECT sender_id FROM concerns WHERE id = @id", id));
        Assert.Equal("alex-wilber", await ScalarAsync<string?>("SELECT sender_id FROM concern_relay WHERE concern_id = @id", id));
        var inAlexsConversation = _logs.Lines.Where(l => l.Scopes.Contains("ConversationId=" + Alex.Conversation, StringComparison.Ordinal)).ToList();
        Assert.Contains(inAlexsConversation, l => l.Message.Contains("Command 'help' matched", StringComparison.Ordinal));
        Assert.DoesNotContain(inAlexsConversation, l => l.Category.Contains("Concern", StringComparison.Ordinal) || l.Message.Contains("concern", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(_logs.Lines, l => l.Message.Contains("alex", StringComparison.OrdinalIgnoreCase) || l.Message.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_programme_allowing_it_a_concern_always_carries_the_senders_name()
    {
        await using var host = await MentorBotHost.StartAsync();
        await host.PostActivityAsync(Alex.Message("help"));
        await host.PostActivityAsync(Alex.Message("raise a concern"));
        var compose = Sent.CardText(host.Sent[^1]);

        var body = await Sent.InvokeBodyAsync(await host.PostActivityAsync(Alex.Execute(ConcernVerbs.Send, new JsonObject
        {
            [ConcernFields.Concern] = "forcedanonymous1",
            [ConcernFields.Body] = Words,
            [ConcernFields.To] = "mentor:megan-bowen",
            [ConcernFields.Anonymous] = "true",
        })));

        Assert.DoesNotContain("without my name", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("without your name", body.ToJsonString(), StringComparison.Ordinal);
        var concern = await host.Service<ConcernStore>().FindAsync("forcedanonymous1", default);
        Assert.Equal(("alex-wilber", false), (concern!.SenderId, concern.Anonymous));
    }

    [Fact]
    public async Task Nobody_but_the_sender_and_the_people_handling_it_can_open_or_act_on_a_concern()
    {
        var (id, _) = await RaiseAsync("mentor:megan-bowen");

        foreach (var outsider in new[] { Isaiah, Adele, Samuel })
        {
            foreach (var verb in new[] { ConcernVerbs.Acknowledge, ConcernVerbs.Reply, ConcernVerbs.Resolve, ConcernVerbs.Show })
            {
                var answer = await InvokeAsync(outsider, verb, id, "Let me in");
                Assert.Contains("Only the person who raised this concern and the people handling it", answer, StringComparison.Ordinal);
                Assert.DoesNotContain(Words, answer, StringComparison.Ordinal);
            }
        }

        var alexAcknowledges = await InvokeAsync(Alex, ConcernVerbs.Acknowledge, id);
        Assert.Contains("Only the person who raised this concern", alexAcknowledges, StringComparison.Ordinal);
        var concern = await _host.Service<ConcernStore>().FindAsync(id, default);
        Assert.Equal((ConcernStatus.Open, 1), (concern!.Status, concern.Revision));
        Assert.Empty(await _host.Service<ConcernStore>().MessagesAsync(id, default));
    }

    [Fact]
    public async Task An_unacknowledged_concern_is_reminded_after_a_day_and_goes_to_the_backup_two_days_later()
    {
        var (id, _) = await RaiseAsync("mentor:megan-bowen");
        await DispatchAsync();

        _host.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        Assert.Equal((0, 0), await EscalateAsync());
        _host.Clock.Advance(TimeSpan.FromMinutes(1)); // Tuesday 08:00 in Chicago: Megan is at work
        Assert.Equal((1, 0), await EscalateAsync());
        Assert.Equal((0, 0), await EscalateAsync());
        await DispatchAsync();
        Assert.Contains("Reminder: a concern is waiting for you", Megan.Cards(_host)[^1], StringComparison.Ordinal);
        Assert.Single(Megan.Cards(_host), c => c.Contains("Reminder", StringComparison.Ordinal));

        _host.Clock.Advance(TimeSpan.FromHours(48) - TimeSpan.FromMinutes(1));
        Assert.Equal((0, 0), await EscalateAsync());
        Assert.Empty(Samuel.Cards(_host));
        _host.Clock.Advance(TimeSpan.FromMinutes(1)); // Thursday 08:00
        Assert.Equal((0, 1), await EscalateAsync());
        Assert.Equal((0, 0), await EscalateAsync());
        await DispatchAsync();

        var toSamuel = Assert.Single(Samuel.Cards(_host));
        Assert.Contains("A concern forwarded to you", toSamuel, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen had not acknowledged it in time", toSamuel, StringComparison.Ordinal);
        Assert.Contains(Words, toSamuel, StringComparison.Ordinal);
        Assert.Contains("Your concern went to a backup contact", Alex.Cards(_host)[^1], StringComparison.Ordinal);
        Assert.Contains("it also went to Samuel Okafor", Alex.Cards(_host)[^1], StringComparison.Ordinal);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Contains("Acknowledged by Samuel Okafor", await InvokeAsync(Samuel, ConcernVerbs.Acknowledge, id), StringComparison.Ordinal);
        Assert.Equal(
            [ConcernAuditActions.Raise, ConcernAuditActions.Remind, ConcernAuditActions.Forward, ConcernAuditActions.Acknowledge],
            (await AuditAsync(id)).OrderBy(e => e.At).Select(e => e.Action));
    }

    [Fact]
    public async Task An_acknowledged_concern_is_neither_reminded_nor_forwarded()
    {
        var (id, _) = await RaiseAsync(ConcernTarget.Designated);
        await InvokeAsync(Samuel, ConcernVerbs.Acknowledge, id);

        _host.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal((0, 0), await EscalateAsync());
        await DispatchAsync();

        Assert.DoesNotContain(Samuel.Cards(_host), c => c.Contains("Reminder", StringComparison.Ordinal));
        Assert.Empty(Adele.Cards(_host));
    }

    [Fact]
    public async Task The_check_in_offers_send_then_raise_a_concern_which_saves_the_check_in_and_sends_nothing_else()
    {
        await _host.PostActivityAsync(Alex.Message("check in"));
        var form = Sent.Card(_host.Sent[^1]);
        var period = (string)Sent.Descendants(form).First(o => (string?)o["verb"] == "checkin.submit")["data"]!["period"]!;
        var then = Sent.Descendants(form).Single(o => (string?)o["type"] == "Action.Execute" && (string?)o["data"]?["next"] == "concern");

        var body = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Alex.Execute("checkin.submit", new JsonObject
        {
            ["period"] = period,
            ["next"] = "concern",
            ["confidence"] = "2",
            ["load"] = "5",
            ["stuck"] = "Nights",
        })));

        Assert.Equal("Send, then raise a concern", (string?)then["title"]);
        var card = body["value"]!.ToJsonString();
        Assert.Contains("Your check-in is saved.", card, StringComparison.Ordinal);
        Assert.Contains("Raise a concern", card, StringComparison.Ordinal);
        Assert.Contains("\"source\":\"checkin\"", card, StringComparison.Ordinal);
        Assert.NotNull(await _host.Service<MentorBot.Features.CheckIns.CheckInStore>().FindAnswerAsync(period, default));
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM concerns"));
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM outbox WHERE kind LIKE 'concern%'"));
    }

    [Fact]
    public async Task The_check_in_summary_offers_raise_a_concern()
    {
        await _host.PostActivityAsync(Alex.Message("check in"));
        var period = (string)Sent.Descendants(Sent.Card(_host.Sent[^1])).First(o => (string?)o["verb"] == "checkin.submit")["data"]!["period"]!;
        var summary = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Alex.Execute("checkin.submit", new JsonObject { ["period"] = period, ["confidence"] = "4", ["load"] = "2" })));

        var raise = Sent.Descendants(summary["value"]).Single(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == ConcernVerbs.Compose);
        var composed = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Alex.Execute(ConcernVerbs.Compose, raise["data"]!.DeepClone().AsObject())));

        Assert.Contains("Who should see it?", composed["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaders_digests_can_count_open_and_resolved_concerns_per_unit()
    {
        var (first, _) = await RaiseAsync("mentor:megan-bowen");
        await RaiseAsync(ConcernTarget.Designated, anonymous: true);
        await InvokeAsync(Megan, ConcernVerbs.Resolve, first);

        var counts = await _host.Service<ConcernQueries>().CountsAsync(["medical-ward-3"], _host.Clock.GetUtcNow().AddDays(-7), default);
        var elsewhere = await _host.Service<ConcernQueries>().CountsAsync(["emergency-department"], _host.Clock.GetUtcNow().AddDays(-7), default);

        Assert.Equal(new ConcernCounts(1, 1), counts);
        Assert.Equal(new ConcernCounts(0, 0), elsewhere);
    }

    private static readonly Speaker Alex = Speaker.Alex;
    private static readonly Speaker Megan = Speaker.Megan;
    private static readonly Speaker Adele = Speaker.Adele;
    private static readonly Speaker Isaiah = Speaker.Isaiah;
    private static readonly Speaker Samuel = Speaker.Samuel;

    private async Task<(string Id, string Reply)> RaiseAsync(string to, bool anonymous = false)
    {
        var id = Guid.NewGuid().ToString("N");
        var body = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Alex.Execute(ConcernVerbs.Send, new JsonObject
        {
            [ConcernFields.Concern] = id,
            [ConcernFields.Source] = ConcernFields.FromCommand,
            [ConcernFields.Body] = Words,
            [ConcernFields.To] = to,
            [ConcernFields.Anonymous] = anonymous ? "true" : "false",
        })));
        return (id, body["value"]!.ToJsonString(Readable));
    }

    private async Task<string> InvokeAsync(Speaker who, string verb, string id, string? reply = null)
    {
        var data = new JsonObject { [ConcernFields.Concern] = id };
        if (reply is not null)
        {
            data[ConcernFields.Reply] = reply;
        }

        return (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(who.Execute(verb, data)))).ToJsonString(Readable);
    }

    private async Task DispatchAsync() => await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);

    private async Task<(int, int)> EscalateAsync() =>
        await _host.Scoped<ConcernScheduler>().RunAsync(await _host.Service<MapStore>().LoadAsync(default), default);

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string id) => await _host.Service<AuditLog>().RecentAsync(50, id, default);

    private async Task<long> CountAsync(string sql) => await ScalarAsync<long>(sql, string.Empty);

    private async Task<T?> ScalarAsync<T>(string sql, string id)
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<T>(sql, new { id });
    }

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
