using System.Net;
using System.Text.Json.Nodes;
using MentorBot.Features.CheckIns;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>Alex (a new hire) checks in; Megan (his mentor) sees only what he shared.</summary>
public sealed class CheckInTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync() => _host = await MentorBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Check_in_sends_a_phase_aware_card_that_says_who_sees_what()
    {
        await _host.PostActivityAsync(Alex("check in"));

        var card = Sent.CardText(Assert.Single(_host.Sent));
        Assert.Contains("Your check-in", card, StringComparison.Ordinal);
        Assert.Contains("weeks 1–4: observe", card, StringComparison.Ordinal);
        Assert.Contains("What did you notice or learn from watching others", card, StringComparison.Ordinal);
        Assert.Contains("Share this answer with Megan Bowen", card, StringComparison.Ordinal);
        Assert.Contains("answers you share are seen by Megan Bowen", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"checkin.submit\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_replaces_the_card_with_a_summary_and_a_double_click_creates_nothing_new()
    {
        var period = await StartAsync();

        var first = await SubmitAsync(period, learned: "How to read the early warning chart", need: "Practice with handovers");
        var again = await SubmitAsync(period, learned: "How to read the early warning chart", need: "Practice with handovers");

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)first["type"]);
        var summary = first["value"]!.ToJsonString();
        Assert.Contains("Thank you: your check-in is saved", summary, StringComparison.Ordinal);
        Assert.Contains("How to read the early warning chart", summary, StringComparison.Ordinal);
        Assert.Contains("Edit my answers", summary, StringComparison.Ordinal);
        Assert.Equal(first["value"]!.ToJsonString(), again["value"]!.ToJsonString());
        var saved = await _host.Service<CheckInStore>().FindAnswerAsync(period, default);
        Assert.Equal(1, saved!.Revision);
    }

    [Fact]
    public async Task A_retried_invoke_is_answered_from_the_kept_answer_byte_for_byte_and_not_processed_again()
    {
        var period = await StartAsync();
        var data = Inputs(period, "Handover notes", null, null, 3, 2);
        var activity = TeamsActivities.Execute(CheckInVerbs.Submit, data, id: "retried-invoke-1");

        using var first = await _host.PostActivityAsync(activity);
        var firstBody = await first.Content.ReadAsByteArrayAsync();
        using var retry = await _host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(first.Content.Headers.ContentType?.ToString(), retry.Content.Headers.ContentType?.ToString());
        Assert.Equal("application/json; charset=utf-8", retry.Content.Headers.ContentType?.ToString());
        Assert.Equal(firstBody, await retry.Content.ReadAsByteArrayAsync());
        var saved = await _host.Service<CheckInStore>().FindAnswerAsync(period, default);
        Assert.Equal(("Handover notes", 1), (saved!.Learned, saved.Revision));
    }

    [Fact]
    public async Task An_answer_kept_before_answers_were_compressed_is_still_found()
    {
        var store = _host.Service<Persistence.ProcessedActivityStore>();
        Assert.True(await store.TryClaimAsync("a:legacy|1", default));
        await using (var connection = await _host.Service<Persistence.Database>().OpenAsync(default))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE processed_activities SET response_json = @json WHERE activity_key = 'a:legacy|1'", new { json = "{\"statusCode\":200}" });
        }

        Assert.Equal("{\"statusCode\":200}", System.Text.Encoding.UTF8.GetString((await store.FindResponseAsync("a:legacy|1", default))!));
        Assert.Null(await store.FindResponseAsync("a:nothing|1", default));
    }

    [Fact]
    public async Task Typing_check_in_again_reopens_the_same_period_with_the_answers_filled_in()
    {
        var period = await StartAsync();
        await SubmitAsync(period, learned: "Chart reading");

        await _host.PostActivityAsync(Alex("check in"));

        var card = Sent.CardText(_host.Sent[^1]);
        Assert.Contains($"\"period\":\"{period}\"", card, StringComparison.Ordinal);
        Assert.Contains("Chart reading", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_changes_the_saved_answer_until_the_period_closes()
    {
        var period = await StartAsync();
        await SubmitAsync(period, learned: "First version");

        var edit = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.Execute(CheckInVerbs.Edit, new JsonObject { ["period"] = period })));
        await SubmitAsync(period, learned: "Second version");

        Assert.Contains("First version", edit["value"]!.ToJsonString(), StringComparison.Ordinal);
        var saved = await _host.Service<CheckInStore>().FindAnswerAsync(period, default);
        Assert.Equal(("Second version", 2), (saved!.Learned, saved.Revision));

        _host.Clock.Advance(TimeSpan.FromDays(8));
        var late = await SubmitAsync(period, learned: "Too late");
        var lateEdit = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.Execute(CheckInVerbs.Edit, new JsonObject { ["period"] = period })));

        Assert.Contains("This check-in has closed", late["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("This check-in has closed", lateEdit["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Second version", (await _host.Service<CheckInStore>().FindAnswerAsync(period, default))!.Learned);
    }

    [Fact]
    public async Task An_answer_over_the_limit_comes_back_with_what_was_typed_and_nothing_is_saved()
    {
        var period = await StartAsync();
        var longText = new string('a', 1001);

        var response = await SubmitAsync(period, learned: "kept text", stuck: longText);

        var card = response["value"]!.ToJsonString();
        Assert.Contains("longer than 1000 characters", card, StringComparison.Ordinal);
        Assert.Contains("kept text", card, StringComparison.Ordinal);
        Assert.Contains(longText, card, StringComparison.Ordinal);
        Assert.Null(await _host.Service<CheckInStore>().FindAnswerAsync(period, default));
    }

    [Fact]
    public async Task Missing_scores_are_asked_for_again()
    {
        var period = await StartAsync();

        var response = await SubmitAsync(period, learned: "x", confidence: null);

        Assert.Contains("Please pick a number from 1 to 5", response["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_else_cannot_submit_or_open_alexs_check_in()
    {
        var period = await StartAsync();
        await SubmitAsync(period, learned: "Mine");
        var isaiah = TeamsActivities.Base("invoke", conversationId: "a:isaiah", fromAad: "00000000-0000-0000-0000-0000000000023", fromId: "29:isaiah", fromName: "Isaiah Langer");
        isaiah["name"] = "adaptiveCard/action";
        isaiah["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CheckInVerbs.Submit, ["data"] = Inputs(period, "Hijacked", null, null, 3, 3) } };

        var body = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(isaiah.ToJsonString()));

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.DoesNotContain("Mine", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Mine", (await _host.Service<CheckInStore>().FindAnswerAsync(period, default))!.Learned);
    }

    [Fact]
    public async Task The_mentor_receives_only_what_was_shared_exactly_once()
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "help"));
        var period = await StartAsync();
        var before = _host.Sent.Count;

        await SubmitAsync(period, learned: "Reading the chart", need: "PRIVATE: worried about night shifts", needShared: false, wantsTime: true);
        await SubmitAsync(period, learned: "Reading the chart, again", need: "PRIVATE: worried about night shifts", needShared: false, wantsTime: true);
        var first = await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        var second = await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);

        Assert.Equal((1, 0), (first.Sent, second.Handled));
        var toMegan = _host.Sent.Skip(before).Where(r => r.Url.Contains("a%3Apersonal-21", StringComparison.Ordinal)).ToList();
        var card = Sent.CardText(Assert.Single(toMegan));
        Assert.Contains("Alex checked in", card, StringComparison.Ordinal);
        Assert.Contains("Reading the chart", card, StringComparison.Ordinal);
        Assert.Contains("would like time with you", card, StringComparison.Ordinal);
        Assert.DoesNotContain("night shifts", card, StringComparison.Ordinal);
        Assert.Contains("Kept private, or left blank.", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mentors_card_offers_a_reply_a_time_and_her_notes_each_checked_against_the_map()
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(23, "Isaiah Langer", "help"));
        var period = await StartAsync();
        await SubmitAsync(period, learned: "Reading the chart");
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        var card = Sent.Card(_host.Sent.Last(r => r.Url.Contains("a%3Apersonal-21", StringComparison.Ordinal)));
        JsonObject Button(string verb) => Sent.Descendants(card).Single(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == verb);
        async Task<JsonObject> Press(int user, string name, string verb, JsonObject data) =>
            await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.ExecuteFrom(user, name, verb, data)));

        // Someone who is not the check-in's mentor (Isaiah is Alex's buddy, not on this check-in) cannot reply to it.
        var reply = Button(MentorReplyFields.Verb)["data"]!.DeepClone().AsObject();
        reply[MentorReplyFields.Reply] = "FORGED";
        var refused = await Press(23, "Isaiah Langer", MentorReplyFields.Verb, reply.DeepClone().AsObject());
        Assert.Contains("Only the mentor of this check-in can reply", refused.ToJsonString(), StringComparison.Ordinal);

        reply[MentorReplyFields.Reply] = "Great handover. Let's go through the chart on Thursday.";
        var replied = await Press(21, "Megan Bowen", MentorReplyFields.Verb, reply.DeepClone().AsObject());
        await Press(21, "Megan Bowen", MentorReplyFields.Verb, reply.DeepClone().AsObject()); // a double click
        Assert.Contains("You replied to Alex", replied.ToJsonString(), StringComparison.Ordinal);
        var before = _host.Sent.Count;
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        var toAlex = _host.Sent.Skip(before).Where(r => r.Url.Contains(Uri.EscapeDataString(TeamsActivities.PersonalConversation), StringComparison.Ordinal)).Select(Sent.CardText).ToList();
        var delivered = Assert.Single(toAlex);
        Assert.Contains("Megan replied to your check-in", delivered, StringComparison.Ordinal);
        Assert.Contains("Let's go through the chart on Thursday.", delivered, StringComparison.Ordinal);
        Assert.DoesNotContain("FORGED", string.Join(' ', toAlex), StringComparison.Ordinal);

        var times = await Press(21, "Megan Bowen", Button(Features.Booking.BookingVerbs.Propose)["verb"]!.GetValue<string>(), Button(Features.Booking.BookingVerbs.Propose)["data"]!.DeepClone().AsObject());
        Assert.Contains("Times with Alex Wilber", times.ToJsonString(), StringComparison.Ordinal);

        var notes = await Press(21, "Megan Bowen", Features.Reflections.ReflectionVerbs.ShowNotes, Button(Features.Reflections.ReflectionVerbs.ShowNotes)["data"]!.DeepClone().AsObject());
        Assert.Contains("Your notes about Alex Wilber", notes.ToJsonString(), StringComparison.Ordinal);
        var isaiahNotes = await Press(23, "Isaiah Langer", Features.Reflections.ReflectionVerbs.ShowNotes, new JsonObject { ["mentee"] = "tomas-rivera" });
        Assert.DoesNotContain("Your notes about Tomás", isaiahNotes.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentor_without_a_conversation_is_waited_for_not_lost()
    {
        var period = await StartAsync();
        await SubmitAsync(period, learned: "Something");

        var waiting = await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "help"));
        var tooSoon = await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        _host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var later = await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);

        Assert.Equal((0, 1), (waiting.Sent, waiting.Retrying));
        Assert.Equal(0, tooSoon.Handled);
        Assert.Equal(1, later.Sent);
    }

    [Fact]
    public async Task A_throttled_send_goes_back_in_the_queue_for_its_retry_after_and_is_sent_once()
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "help"));
        var period = await StartAsync();
        await SubmitAsync(period, learned: "Something");
        var throttle = true;
        _host.Connector.On(HttpMethod.Post, MentorBotHost.ServiceUrl + "v3/conversations/a%3Apersonal-21", _ =>
        {
            if (!throttle)
            {
                return RecordingHandlerJson("""{"id":"ok"}""");
            }

            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return response;
        });

        var throttled = await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        throttle = false;
        var immediately = await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        _host.Clock.Advance(TimeSpan.FromSeconds(31));
        var afterRetry = await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);

        Assert.Equal(1, throttled.Retrying);
        Assert.Equal(0, immediately.Handled);
        Assert.Equal(1, afterRetry.Sent);
        var counts = await _host.Service<OutboxStore>().CountByStatusAsync(default);
        Assert.Equal(1, counts["sent"]);
    }

    [Fact]
    public async Task My_check_ins_lists_the_persons_own_entries()
    {
        var period = await StartAsync();
        await SubmitAsync(period, learned: "Chart reading");

        await _host.PostActivityAsync(Alex("my check-ins"));

        var card = Sent.CardText(_host.Sent[^1]);
        Assert.Contains("Your recent check-ins", card, StringComparison.Ordinal);
        Assert.Contains("Chart reading", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_in_is_for_mentees()
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(24, "Patti Fernandez", "check in"));

        Assert.Contains("isn't available to you", Sent.CardText(Assert.Single(_host.Sent)), StringComparison.Ordinal);
    }

    private static HttpResponseMessage RecordingHandlerJson(string json) => MentorBot.TestSupport.RecordingHandler.Json(json);

    private static string Alex(string text) => TeamsActivities.Message(text);

    private async Task<string> StartAsync()
    {
        await _host.PostActivityAsync(Alex("check in"));
        var card = System.Text.Json.Nodes.JsonNode.Parse(Sent.CardText(_host.Sent[^1]))!;
        return Sent.ActionData(card, "period");
    }

    private async Task<JsonObject> SubmitAsync(string period, string? learned = null, string? need = null, string? stuck = null, int? confidence = 3, int? load = 2, bool needShared = true, bool wantsTime = false)
    {
        var data = Inputs(period, learned, need, stuck, confidence, load);
        data["needShared"] = needShared ? "true" : "false";
        data["wantsTime"] = wantsTime ? "true" : "false";
        return await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.Execute(CheckInVerbs.Submit, data)));
    }

    private static JsonObject Inputs(string period, string? learned, string? need, string? stuck, int? confidence, int? load) => new()
    {
        ["period"] = period,
        ["learned"] = learned ?? string.Empty,
        ["learnedShared"] = "true",
        ["need"] = need ?? string.Empty,
        ["needShared"] = "true",
        ["stuck"] = stuck ?? string.Empty,
        ["stuckShared"] = "true",
        ["confidence"] = confidence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        ["load"] = load?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        ["scoresShared"] = "true",
        ["wantsTime"] = "false",
    };
}
