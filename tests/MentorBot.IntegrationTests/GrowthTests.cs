using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.Growth;
using MentorBot.Outbox;
using MentorBot.Persistence;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The career ladder in chat on the demo programme, on the host's clock (Monday 23 November 2026, Alex's fourth week,
/// so the calendar says observe). Alex Wilber is a caregiver in Medical Ward 3. Megan Bowen mentors him in clinical
/// judgment and documentation and is a lead of his unit; Priya Raman mentors him in family communication; Isaiah Langer,
/// staff, is his onboarding buddy in time management. Samuel Okafor leads the unit and manages Alex but mentors him in
/// nothing; Adele Vance manages the unit.
/// </summary>
public sealed class GrowthTests : IAsyncLifetime
{
    private const string InvokeCard = "application/vnd.microsoft.card.adaptive";
    private const string InvokeMessage = "application/vnd.microsoft.activity.message";
    private const string VitalSigns = "cg-vital-signs";
    private const string VitalSignsName = "Takes and records a full set of vital signs accurately";
    private const string CareNotes = "cg-care-notes";
    private const string FamilyIntro = "cg-family-intro";
    private const string Observed = "2026-11-20";
    private const string PrivateNote = "GROWTH-NOTE: rechecked the odd reading before charting it.";
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private MentorBotHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync(null);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Megan_validates_vital_signs_and_Alex_sees_it_with_a_card_carrying_her_note_while_the_audit_keeps_no_note()
    {
        var answer = await ValidateAsync(_host, Speaker.Megan, "alex-wilber", VitalSigns, note: PrivateNote);

        Assert.Equal(InvokeCard, (string?)answer["type"]);
        var replaced = answer["value"]!;
        Assert.Contains($"Validated: {VitalSignsName}. Alex Wilber gets a card.", Text(replaced), StringComparison.Ordinal);
        Assert.StartsWith("✓ Validated Nov 20 by Megan Bowen (demonstration)", StatusOf(replaced, VitalSignsName), StringComparison.Ordinal);

        var mine = await SayAsync(_host, Speaker.Alex, "my growth");
        Assert.Equal("✓ Validated Nov 20 by Megan Bowen (demonstration)", StatusOf(mine, VitalSignsName));
        Assert.Contains("\"Validated\",\"value\":\"1 of 9\"", Text(mine), StringComparison.Ordinal);

        await using (var c = await _host.Service<Database>().OpenAsync(default))
        {
            var e = await c.QuerySingleAsync<(string Person, string Competency, string Kind, string Actor, string On, string Method, string Note)>(
                "SELECT person_id, competency_id, kind, actor_id, observed_on, method, note FROM competency_events");
            Assert.Equal(("alex-wilber", VitalSigns, "validated", "megan-bowen", Observed, "demonstration", PrivateNote), e);
            var audit = await c.QuerySingleAsync<(string Actor, string Subject, string Detail)>("SELECT actor, subject, detail FROM audit_log WHERE action = 'competency.validate'");
            Assert.Equal(("megan-bowen", "alex-wilber", VitalSigns), audit);
            Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%GROWTH-NOTE%' OR subject LIKE '%GROWTH-NOTE%'"));
            Assert.Equal("alex-wilber", await c.ExecuteScalarAsync<string>("SELECT person_id FROM outbox WHERE kind = 'competency-validated'"));
        }

        await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        var toAlex = Speaker.Alex.Cards(_host);
        var card = Assert.Single(toAlex, c => c.Contains("Megan Bowen validated a competency", StringComparison.Ordinal));
        Assert.Contains(VitalSignsName, card, StringComparison.Ordinal);
        Assert.Contains(PrivateNote, card, StringComparison.Ordinal);
        Assert.DoesNotContain("Action.Execute", card, StringComparison.Ordinal);
        Assert.DoesNotContain(Speaker.Megan.Cards(_host), c => c.Contains(PrivateNote, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_double_click_on_validate_writes_one_event_and_the_second_answer_says_nothing_changed()
    {
        await ValidateAsync(_host, Speaker.Megan, "alex-wilber", VitalSigns, note: PrivateNote);
        var counts = await CountsAsync(_host);

        var second = await ValidateAsync(_host, Speaker.Megan, "alex-wilber", VitalSigns, note: PrivateNote);

        Assert.Equal(InvokeCard, (string?)second["type"]);
        Assert.Contains($"{VitalSignsName} was already validated: nothing changed.", Text(second["value"]), StringComparison.Ordinal);
        Assert.Equal(counts, await CountsAsync(_host));
        Assert.Equal(1, counts.Events);
        Assert.Equal(1, counts.Audit);
        Assert.Equal(1, counts.Validated);
    }

    [Fact]
    public async Task Clicks_that_arrive_together_still_write_one_validation()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ValidateAsync(_host, Speaker.Megan, "alex-wilber", VitalSigns, note: PrivateNote)));

        Assert.All(answers, a => Assert.Equal(InvokeCard, (string?)a["type"]));
        Assert.Single(answers, a => Text(a["value"]).Contains($"Validated: {VitalSignsName}.", StringComparison.Ordinal));
        Assert.Equal(new Counts(1, 1, 1, 1, 0), await CountsAsync(_host));
    }

    public static TheoryData<string, string, string, string, string> Refusals => new()
    {
        // who (playground user), person, competency, method, why it is refused
        { "isaiah", "alex-wilber", VitalSigns, "demonstration", "a buddy in time management is no mentor in clinical judgment, and staff lead nothing" },
        { "alex", "alex-wilber", VitalSigns, "demonstration", "nobody validates their own competency" },
        { "adele", "adele-vance", "sv-record-audit", "demonstration", "not even a unit manager on a competency unit managers validate" },
        { "megan", "alex-wilber", "sc-early-warning", "demonstration", "a competency of the next step, not Alex's" },
        { "megan", "alex-wilber", "no-such-competency", "demonstration", "a competency the ladder does not have" },
        { "megan", "nobody-at-all", VitalSigns, "demonstration", "a forged person id" },
        { "megan", "amara-osei", VitalSigns, "demonstration", "a caregiver in another unit whom she does not mentor" },
        { "megan", "alex-wilber", VitalSigns, "verbal-explanation", "a method the competency does not allow" },
        { "megan", "alex-wilber", VitalSigns, "", "no method at all" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_validation_the_map_does_not_allow_is_answered_with_a_message_and_writes_nothing(string who, string person, string competency, string method, string why)
    {
        var before = await CountsAsync(_host);

        var answer = await ValidateAsync(_host, User(who), person, competency, method: method);

        Assert.True((string?)answer["type"] == InvokeMessage, $"{why}: {answer.ToJsonString()}");
        Assert.False(string.IsNullOrWhiteSpace((string?)answer["value"]), why);
        Assert.Equal(before, await CountsAsync(_host));
    }

    [Theory]
    [InlineData("2026-11-24", "tomorrow")]
    [InlineData("2025-11-01", "more than a year ago")]
    [InlineData("20/11/2026", "not a date")]
    public async Task A_validation_on_a_day_out_of_range_is_refused_and_writes_nothing(string on, string why)
    {
        var before = await CountsAsync(_host);

        var answer = await ValidateAsync(_host, Speaker.Megan, "alex-wilber", VitalSigns, on: on);

        Assert.True((string?)answer["type"] == InvokeMessage, $"{why}: {answer.ToJsonString()}");
        Assert.Contains("Pick the day you saw it", (string?)answer["value"], StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(_host));
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_leaves_the_validation_and_the_withdrawal_in_the_history_in_order()
    {
        await ValidateAsync(_host, Speaker.Megan, "alex-wilber", VitalSigns);
        var validated = await CountsAsync(_host);

        var noReason = await WithdrawAsync(Speaker.Megan, "alex-wilber", VitalSigns, "   ");

        Assert.Equal(InvokeMessage, (string?)noReason["type"]);
        Assert.Contains("Say why the validation is withdrawn", (string?)noReason["value"], StringComparison.Ordinal);
        Assert.Equal(validated, await CountsAsync(_host));

        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        var withdrawn = await WithdrawAsync(Speaker.Megan, "alex-wilber", VitalSigns, "WITHDRAWN-REASON: the readings were from the machine log.");

        Assert.Equal(InvokeCard, (string?)withdrawn["type"]);
        Assert.Contains($"Withdrawn: {VitalSignsName}.", Text(withdrawn["value"]), StringComparison.Ordinal);
        Assert.Equal("In progress", StatusOf(withdrawn["value"]!, VitalSignsName));
        var states = await _host.Service<GrowthStore>().StatesAsync("alex-wilber", default);
        Assert.Equal(CompetencyStatus.InProgress, states[VitalSigns].Status);
        Assert.Null(states[VitalSigns].ValidatorId);
        var history = await _host.Service<GrowthStore>().HistoryAsync("alex-wilber", VitalSigns, default);
        Assert.Equal([CompetencyEvent.Validated, CompetencyEvent.Withdrawn], history.Select(e => e.Kind));
        Assert.All(history, e => Assert.Equal("megan-bowen", e.ActorId));
        Assert.Equal("WITHDRAWN-REASON: the readings were from the machine log.", history[1].Note);

        await using var c = await _host.Service<Database>().OpenAsync(default);
        var audit = await c.QuerySingleAsync<(string Actor, string Subject, string Detail)>("SELECT actor, subject, detail FROM audit_log WHERE action = 'competency.withdraw'");
        Assert.Equal(("megan-bowen", "alex-wilber", VitalSigns), audit);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%WITHDRAWN-REASON%'"));

        var again = await WithdrawAsync(Speaker.Megan, "alex-wilber", VitalSigns, "twice");
        Assert.Contains("was not validated: nothing changed", Text(again["value"]), StringComparison.Ordinal);
        Assert.Equal(2, (await _host.Service<GrowthStore>().HistoryAsync("alex-wilber", VitalSigns, default)).Count);
    }

    [Fact]
    public async Task A_peer_who_may_not_validate_cannot_withdraw_either()
    {
        await ValidateAsync(_host, Speaker.Megan, "alex-wilber", VitalSigns);
        var before = await CountsAsync(_host);

        var answer = await WithdrawAsync(Speaker.Isaiah, "alex-wilber", VitalSigns, "I would rather see it again");

        Assert.Equal(InvokeMessage, (string?)answer["type"]);
        Assert.Equal(before, await CountsAsync(_host));
    }

    [Fact]
    public async Task Alexs_self_rating_reaches_his_mentor_but_not_a_unit_lead_or_manager_who_only_see_the_validated_status()
    {
        await InvokeAsync(_host, Speaker.Alex, GrowthVerbs.Rate, new JsonObject { ["rate-" + VitalSigns] = "with-support", ["rate-" + CareNotes] = "on-my-own" });
        await ValidateAsync(_host, Speaker.Megan, "alex-wilber", CareNotes);

        var megan = await SayAsync(_host, Speaker.Megan, "growth Alex");
        var samuel = await SayAsync(_host, Speaker.Samuel, "growth Alex");
        var adele = await SayAsync(_host, Speaker.Adele, "growth Alex");

        Assert.Contains("Alex Wilber rates this: With support", Text(megan), StringComparison.Ordinal);
        Assert.Contains("Alex Wilber rates this: On my own", Text(megan), StringComparison.Ordinal);
        Assert.EndsWith("In progress", StatusOf(megan, VitalSignsName), StringComparison.Ordinal);
        foreach (var leader in new[] { samuel, adele })
        {
            var text = Text(leader);
            Assert.Contains("Alex Wilber: growth", text, StringComparison.Ordinal);
            Assert.DoesNotContain("rates this", text, StringComparison.Ordinal);
            Assert.DoesNotContain("With support", text, StringComparison.Ordinal);
            Assert.DoesNotContain("On my own", text, StringComparison.Ordinal);
            Assert.EndsWith("Not started", StatusOf(leader, VitalSignsName), StringComparison.Ordinal);
            Assert.Contains("✓ Validated Nov 20 by Megan Bowen", StatusOf(leader, "Writes care notes during the shift that the next person can act on"), StringComparison.Ordinal);
        }

        // Who may validate what follows the competency's own rule: Megan (his mentor and a unit lead) all nine but the one
        // she already validated, Samuel (a unit lead) the same, Adele (a manager) only the one that unit managers validate.
        Assert.Equal(8, ValidateButtons(megan).Count);
        Assert.Equal(8, ValidateButtons(samuel).Count);
        Assert.Equal(["cg-vitals-escalation"], ValidateButtons(adele));
    }

    [Fact]
    public async Task Someone_who_neither_mentors_Alex_nor_leads_his_unit_cannot_open_his_growth_nor_a_show_card_for_it()
    {
        await InvokeAsync(_host, Speaker.Alex, GrowthVerbs.Rate, new JsonObject { ["rate-" + VitalSigns] = "not-yet" });

        var patti = await SayAsync(_host, Speaker.Patti, "growth Alex");
        var forged = await InvokeAsync(_host, Speaker.Patti, GrowthVerbs.Show, new JsonObject { ["person"] = "alex-wilber" });

        Assert.Contains("that you can see", Text(patti), StringComparison.Ordinal);
        Assert.DoesNotContain(VitalSignsName, Text(patti), StringComparison.Ordinal);
        Assert.Equal(InvokeMessage, (string?)forged["type"]);
        Assert.DoesNotContain("not-yet", forged.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_default_validating_the_three_observe_competencies_moves_Alex_on_and_tells_him_and_his_active_mentors_once()
    {
        await _host.RunJobAsync("onboarding-phases");
        Assert.Empty(await PhaseCardsAsync(_host));

        await ValidateAsync(_host, Speaker.Megan, "alex-wilber", VitalSigns);
        await ValidateAsync(_host, Speaker.Megan, "alex-wilber", CareNotes);
        Assert.Empty(await PhaseCardsAsync(_host));
        await ValidateAsync(_host, Speaker.Megan, "alex-wilber", FamilyIntro, method: "observation");

        var queued = await PhaseCardsAsync(_host);
        Assert.Equal(["alex-wilber", "isaiah-langer", "megan-bowen", "priya-raman"], queued.Select(q => q.Person).Order(StringComparer.Ordinal));
        Assert.All(queued, q => Assert.StartsWith("alex-wilber|practise-with-support|evidence|", q.Reference, StringComparison.Ordinal));
        Assert.Contains("\"value\":\"practise with support\"", Text(await SayAsync(_host, Speaker.Alex, "my growth")), StringComparison.Ordinal);

        await _host.RunJobAsync("onboarding-phases");
        Assert.Equal(4, (await PhaseCardsAsync(_host)).Count);

        await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        var toAlex = Assert.Single(Speaker.Alex.Cards(_host), c => c.Contains("You moved to: practise with support", StringComparison.Ordinal));
        Assert.Contains("Every competency this phase needed is validated.", toAlex, StringComparison.Ordinal);
        Assert.Contains(Speaker.Megan.Cards(_host), c => c.Contains("Alex Wilber moved to: practise with support", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_withdrawal_moves_Alex_back_quietly_and_moving_on_again_is_announced_again()
    {
        await using var host = await StartAsync("Evidence");
        foreach (var competency in new[] { VitalSigns, CareNotes, FamilyIntro })
        {
            await ValidateAsync(host, Speaker.Megan, "alex-wilber", competency, method: "observation");
        }

        Assert.Equal(4, (await PhaseCardsAsync(host)).Count);

        await WithdrawAsync(host, Speaker.Megan, "alex-wilber", VitalSigns, "I would like to see it once more");
        await host.RunJobAsync("onboarding-phases");
        Assert.Equal(4, (await PhaseCardsAsync(host)).Count);
        Assert.Contains("\"value\":\"observe\"", Text(await SayAsync(host, Speaker.Alex, "my growth")), StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await ValidateAsync(host, Speaker.Megan, "alex-wilber", VitalSigns, method: "observation");
        Assert.Equal(8, (await PhaseCardsAsync(host)).Count);
    }

    [Fact]
    public async Task The_history_shows_a_validation_and_its_withdrawal_in_order_with_the_reason_for_mentors_only()
    {
        await ValidateAsync(_host, Speaker.Megan, "alex-wilber", VitalSigns, note: PrivateNote);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await WithdrawAsync(Speaker.Megan, "alex-wilber", VitalSigns, "WITHDRAWN-REASON: the readings were from the machine log.");
        var data = new JsonObject { ["person"] = "alex-wilber", ["competency"] = VitalSigns };

        var megan = Text((await InvokeAsync(_host, Speaker.Megan, GrowthVerbs.History, data))["value"]);
        var samuel = Text((await InvokeAsync(_host, Speaker.Samuel, GrowthVerbs.History, data.DeepClone().AsObject()))["value"]);
        var patti = await InvokeAsync(_host, Speaker.Patti, GrowthVerbs.History, data.DeepClone().AsObject());

        Assert.True(megan.IndexOf("Validated by Megan Bowen", StringComparison.Ordinal) < megan.IndexOf("Withdrawn by Megan Bowen", StringComparison.Ordinal));
        Assert.Contains("WITHDRAWN-REASON", megan, StringComparison.Ordinal);
        Assert.Contains(PrivateNote, megan, StringComparison.Ordinal);
        Assert.Contains("Withdrawn by Megan Bowen", samuel, StringComparison.Ordinal);
        Assert.DoesNotContain("WITHDRAWN-REASON", samuel, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateNote, samuel, StringComparison.Ordinal);
        Assert.Equal(InvokeMessage, (string?)patti["type"]);
    }

    [Fact]
    public async Task An_onboarding_buddy_is_not_a_mentor_here_and_cannot_open_the_growth_of_the_new_starter()
    {
        await InvokeAsync(_host, Speaker.Alex, GrowthVerbs.Rate, new JsonObject { ["rate-" + VitalSigns] = "with-support" });

        var isaiah = Text(await SayAsync(_host, Speaker.Isaiah, "growth Alex"));

        Assert.Contains("that you can see", isaiah, StringComparison.Ordinal);
        Assert.DoesNotContain("with-support", isaiah, StringComparison.Ordinal);
        Assert.DoesNotContain(GrowthVerbs.Validate, isaiah, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_evidence_rule_the_same_validations_move_Alex_on()
    {
        await using var host = await StartAsync("Evidence");

        foreach (var competency in new[] { VitalSigns, CareNotes, FamilyIntro })
        {
            await ValidateAsync(host, Speaker.Megan, "alex-wilber", competency, method: "observation");
        }

        Assert.Equal(4, (await PhaseCardsAsync(host)).Count);
        Assert.Contains("\"value\":\"practise with support\"", Text(await SayAsync(host, Speaker.Alex, "my growth")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_calendar_rule_the_same_validations_leave_Alex_observing_and_tell_nobody()
    {
        await using var host = await StartAsync("Calendar");

        foreach (var competency in new[] { VitalSigns, CareNotes, FamilyIntro })
        {
            await ValidateAsync(host, Speaker.Megan, "alex-wilber", competency, method: "observation");
        }

        await host.RunJobAsync("onboarding-phases");
        Assert.Empty(await PhaseCardsAsync(host));
        Assert.Contains("\"value\":\"observe\"", Text(await SayAsync(host, Speaker.Alex, "my growth")), StringComparison.Ordinal);
        Assert.Equal(3, (await CountsAsync(host)).Validated);
    }

    [Fact]
    public async Task Validating_every_onboarding_competency_records_independence_on_the_latest_observed_day()
    {
        string[] all = ["cg-vital-signs", "cg-care-notes", "cg-family-intro", "cg-vitals-escalation", "cg-safe-moving", "cg-shift-plan", "cg-handover", "cg-boundaries", "cg-hard-moments"];
        for (var i = 0; i < all.Length; i++)
        {
            var method = all[i] is "cg-family-intro" or "cg-shift-plan" or "cg-boundaries" or "cg-hard-moments" ? "verbal-explanation" : "demonstration";
            var answer = await ValidateAsync(_host, Speaker.Megan, "alex-wilber", all[i], method: method, on: $"2026-11-{10 + i}");
            Assert.True((string?)answer["type"] == InvokeCard, $"{all[i]}: {answer.ToJsonString()}");
        }

        await using var c = await _host.Service<Database>().OpenAsync(default);
        var independence = await c.QuerySingleAsync<(string Person, string Step, string On)>("SELECT person_id, step_id, independent_on FROM independence");
        Assert.Equal(("alex-wilber", "caregiver", "2026-11-18"), independence);
        Assert.Contains("\"value\":\"9 of 9\"", Text(await SayAsync(_host, Speaker.Alex, "my growth")), StringComparison.Ordinal);
    }

    private static Speaker User(string key) => key switch
    {
        "alex" => Speaker.Alex,
        "megan" => Speaker.Megan,
        "adele" => Speaker.Adele,
        "isaiah" => Speaker.Isaiah,
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    private static async Task<MentorBotHost> StartAsync(string? phaseRule)
    {
        var host = await MentorBotHost.StartAsync(phaseRule is null ? null : new Dictionary<string, string?> { ["Onboarding:PhaseRule"] = phaseRule });
        await host.PostActivityAsync(Speaker.Alex.Message("help"));
        await host.PostActivityAsync(Speaker.Megan.Message("help"));
        return host;
    }

    private static Task<JsonObject> ValidateAsync(
        MentorBotHost host, Speaker who, string person, string competency, string method = "demonstration", string on = Observed, string? note = null)
    {
        var data = new JsonObject { ["person"] = person, ["competency"] = competency, ["on-" + competency] = on };
        if (method.Length > 0)
        {
            data["method-" + competency] = method;
        }

        if (note is not null)
        {
            data["note-" + competency] = note;
        }

        return InvokeAsync(host, who, GrowthVerbs.Validate, data);
    }

    private Task<JsonObject> WithdrawAsync(Speaker who, string person, string competency, string reason) => WithdrawAsync(_host, who, person, competency, reason);

    private static Task<JsonObject> WithdrawAsync(MentorBotHost host, Speaker who, string person, string competency, string reason) =>
        InvokeAsync(host, who, GrowthVerbs.Withdraw, new JsonObject { ["person"] = person, ["competency"] = competency, ["why-" + competency] = reason });

    /// <summary>One Action.Execute from <paramref name="who"/>; the answer must be a 200 (a refusal is a message, never an error).</summary>
    private static async Task<JsonObject> InvokeAsync(MentorBotHost host, Speaker who, string verb, JsonObject data)
    {
        using var response = await host.PostActivityAsync(who.Execute(verb, data));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await Sent.InvokeBodyAsync(response);
        Assert.Equal(200, (int?)body["statusCode"]);
        return body;
    }

    /// <summary>What <paramref name="who"/> types, and the card the bot answers with.</summary>
    private static async Task<JsonObject> SayAsync(MentorBotHost host, Speaker who, string text)
    {
        using var response = await host.PostActivityAsync(who.Message(text));
        Assert.True(response.IsSuccessStatusCode, $"{text}: {(int)response.StatusCode}");
        var encoded = Uri.EscapeDataString(who.Conversation);
        return Sent.Card(host.Sent.Last(r => r.Url.Contains(encoded + "/activities", StringComparison.Ordinal)));
    }

    private static string Text(JsonNode? card) => card!.ToJsonString(Readable);

    /// <summary>The small line under a competency's name on a growth card: its lane and status.</summary>
    private static string StatusOf(JsonNode card, string competencyName)
    {
        var blocks = Sent.Descendants(card).Where(o => (string?)o["type"] == "TextBlock").Select(o => (string?)o["text"] ?? string.Empty).ToList();
        var at = blocks.IndexOf(competencyName);
        Assert.True(at >= 0 && at + 1 < blocks.Count, $"'{competencyName}' is not on the card");
        var status = blocks[at + 1];
        return status.Contains(" · ", StringComparison.Ordinal) ? status[(status.IndexOf(" · ", StringComparison.Ordinal) + 3)..] : status;
    }

    /// <summary>The competencies a growth card offers to validate.</summary>
    private static List<string> ValidateButtons(JsonNode card) =>
        [.. Sent.Descendants(card).Where(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == GrowthVerbs.Validate).Select(o => (string)o["data"]!["competency"]!)];

    private static async Task<List<(string Person, string Reference)>> PhaseCardsAsync(MentorBotHost host)
    {
        await using var c = await host.Service<Database>().OpenAsync(default);
        return [.. await c.QueryAsync<(string Person, string Reference)>("SELECT person_id, reference FROM outbox WHERE kind = 'onboarding-phase' ORDER BY person_id")];
    }

    private static async Task<Counts> CountsAsync(MentorBotHost host)
    {
        await using var c = await host.Service<Database>().OpenAsync(default);
        return new Counts(
            await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM competency_events"),
            await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM competency_status WHERE status = 'validated'"),
            await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'competency.%'"),
            await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox WHERE kind IN ('competency-validated', 'onboarding-phase')"),
            await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM independence"));
    }

    private sealed record Counts(int Events, int Validated, int Audit, int Outbox, int Independence);
}
