using System.Text.Json.Nodes;
using MentorBot.Features.Circles;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The New Starters Circle (facilitator Megan; Alex among its members) meets on the first Thursday of the month at
/// 14:00 Chicago time. Its debrief card goes to each member's 1:1 chat; shared answers are read by the circle only.
/// </summary>
public sealed class CircleTests : IAsyncLifetime
{
    private const string Debrief = "c-001:2026-12-03";
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync();
        await _host.PostActivityAsync(TeamsActivities.Message("help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(23, "Isaiah Langer", "help"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_debrief_opens_on_the_circles_date_and_reaches_each_member_once()
    {
        Assert.Equal(0, await RunSchedulerAsync());

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 20, 5, 0, TimeSpan.Zero));
        Assert.True(await RunSchedulerAsync() >= 8);
        Assert.Equal(0, await RunSchedulerAsync());
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);

        await using (var connection = await _host.Service<MentorBot.Persistence.Database>().OpenAsync(default))
        {
            // Seven members and the facilitator.
            Assert.Equal(8L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM outbox WHERE reference = @Debrief", new { Debrief }));
        }

        var toAlex = Assert.Single(CardsTo("a%3Apersonal-alex"), c => c.Contains("New Starters Circle: monthly debrief", StringComparison.Ordinal));
        Assert.Contains("Share my answers with the circle (8 people)", toAlex, StringComparison.Ordinal);
        Assert.Single(CardsTo("a%3Apersonal-21"), c => c.Contains("New Starters Circle: monthly debrief", StringComparison.Ordinal));
        Assert.DoesNotContain(CardsTo("a%3Apersonal-23"), c => c.Contains("New Starters Circle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shared_answers_are_read_by_the_circle_and_private_ones_by_nobody_else()
    {
        await OpenAsync();

        var alex = await SubmitAsync(TeamsActivities.Base("invoke"), learned: "Ask for the handover sheet first", shared: true);
        var megan = await SubmitAsync(Megan(), learned: "PRIVATE: I felt out of my depth on Tuesday", shared: false);
        var view = await ViewAsync(Megan());

        Assert.Contains("your answers are shared with the circle", alex, StringComparison.Ordinal);
        Assert.Contains("your answers are private to you", megan, StringComparison.Ordinal);
        Assert.Contains("Ask for the handover sheet first", view, StringComparison.Ordinal);
        Assert.Contains("Alex Wilber", view, StringComparison.Ordinal);
        var alexView = await ViewAsync(TeamsActivities.Base("invoke"));
        Assert.DoesNotContain("out of my depth", alexView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_outside_the_circle_can_neither_read_nor_answer_it()
    {
        await OpenAsync();
        await SubmitAsync(TeamsActivities.Base("invoke"), learned: "Ask for the handover sheet first", shared: true);

        var isaiah = TeamsActivities.Base("invoke", conversationId: "a:personal-23", fromAad: "00000000-0000-0000-0000-0000000000023", fromId: "29:user-23", fromName: "Isaiah Langer");
        var view = await ViewAsync(isaiah.DeepClone().AsObject());
        var submit = await SubmitAsync(isaiah, learned: "sneaky", shared: true);

        Assert.DoesNotContain("handover sheet", view, StringComparison.Ordinal);
        Assert.Contains("belongs to a circle you", view, StringComparison.Ordinal);
        Assert.Contains("belongs to a circle you", submit, StringComparison.Ordinal);
        Assert.Null(await _host.Service<CircleStore>().FindAnswerAsync(Debrief, "isaiah-langer", default));
    }

    [Fact]
    public async Task An_answer_after_the_next_debrief_opens_is_refused_and_a_double_click_changes_nothing()
    {
        await OpenAsync();
        await SubmitAsync(TeamsActivities.Base("invoke"), learned: "First", shared: true);
        await SubmitAsync(TeamsActivities.Base("invoke"), learned: "First", shared: true);
        Assert.Equal(1, (await _host.Service<CircleStore>().FindAnswerAsync(Debrief, "alex-wilber", default))!.Revision);

        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 7, 21, 0, 0, TimeSpan.Zero));
        var late = await SubmitAsync(TeamsActivities.Base("invoke"), learned: "Too late", shared: true);

        Assert.Contains("has closed", late, StringComparison.Ordinal);
        Assert.Equal("First", (await _host.Service<CircleStore>().FindAnswerAsync(Debrief, "alex-wilber", default))!.Learned);
    }

    [Fact]
    public async Task Typing_circle_shows_the_open_debrief_form()
    {
        await OpenAsync();
        await _host.PostActivityAsync(TeamsActivities.Message("circle"));

        Assert.Contains("New Starters Circle: monthly debrief", Sent.CardText(_host.Sent[^1]), StringComparison.Ordinal);
    }

    private static JsonObject Megan() =>
        TeamsActivities.Base("invoke", conversationId: "a:personal-21", fromAad: "00000000-0000-0000-0000-0000000000021", fromId: "29:user-21", fromName: "Megan Bowen");

    private async Task OpenAsync()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 20, 5, 0, TimeSpan.Zero));
        await RunSchedulerAsync();
    }

    private async Task<int> RunSchedulerAsync() =>
        await _host.Scoped<CircleDebriefScheduler>().RunAsync(await _host.Service<MapStore>().LoadAsync(default), default);

    private async Task<string> SubmitAsync(JsonObject from, string learned, bool shared)
    {
        var data = new JsonObject { ["verb"] = CircleVerbs.Submit, [CircleFields.Debrief] = Debrief, [CircleFields.Learned] = learned, [CircleFields.Shared] = shared ? "true" : "false" };
        return (await InvokeAsync(from, CircleVerbs.Submit, data)).ToJsonString();
    }

    private async Task<string> ViewAsync(JsonObject from) =>
        (await InvokeAsync(from, CircleVerbs.View, new JsonObject { ["verb"] = CircleVerbs.View, [CircleFields.Debrief] = Debrief })).ToJsonString();

    private async Task<JsonObject> InvokeAsync(JsonObject from, string verb, JsonObject data)
    {
        from["id"] = TeamsActivities.NextId();
        from["name"] = "adaptiveCard/action";
        from["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        return await Sent.InvokeBodyAsync(await _host.PostActivityAsync(from.ToJsonString()));
    }

    private List<string> CardsTo(string conversation) => Sent.CardsTo(_host.Sent, conversation);
}
