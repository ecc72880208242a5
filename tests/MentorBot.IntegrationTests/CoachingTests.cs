using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Coaching;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Alex (a new hire, observing) checks in saying he is stuck on documentation and feels unsure. Two days later, in his
/// working hours, a gentle documentation prompt for the observe phase arrives; he rates it, asks to try it tomorrow and
/// to talk it through with Megan. Lynne (programme admin) sees the counts.
/// </summary>
public sealed class CoachingTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync();
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(25, "Lynne Robbins", "help"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_check_in_that_names_a_lane_is_followed_by_a_tailored_gentle_prompt_in_working_hours()
    {
        await CheckInAsync(stuck: "Writing my documentation before the end of shift", confidence: 2);
        await DispatchAsync();
        Assert.Empty(PromptsToAlex());

        _host.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await DispatchAsync();

        var card = JsonNode.Parse(Assert.Single(PromptsToAlex()))!;
        var text = card.ToJsonString();
        Assert.Contains("A thought on Documentation", text, StringComparison.Ordinal);
        Assert.Contains("Because your last check-in mentioned documentation", text, StringComparison.Ordinal);
        var delivery = Sent.ActionData(card, CoachingVerbs.Delivery);
        var stored = await _host.Service<CoachingStore>().FindAsync(delivery, default);
        var prompt = new CoachingLibrary().Find(stored!.PromptId)!;
        Assert.True(prompt.Gentle);
        Assert.Equal(MentorBot.Features.Map.OnboardingPhase.Observe, prompt.Phase);
        Assert.Equal("documentation", prompt.Lane);
    }

    [Fact]
    public async Task Rating_trying_and_talking_it_through_are_stored_once_and_only_for_the_recipient()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("coach me family"));
        var card = JsonNode.Parse(Sent.CardText(_host.Sent[^1]))!;
        Assert.Contains("A thought on Family communication", card.ToJsonString(), StringComparison.Ordinal);
        var delivery = Sent.ActionData(card, CoachingVerbs.Delivery);

        var useful = await ActAsync(CoachingVerbs.Useful, delivery);
        var forged = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.With(
            TeamsActivities.Base("invoke", conversationId: "a:personal-21", fromAad: "00000000-0000-0000-0000-0000000000021", fromId: "29:user-21", fromName: "Megan Bowen"),
            a => Execute(a, CoachingVerbs.NotUseful, delivery))));
        await ActAsync(CoachingVerbs.TryIt, delivery);
        await ActAsync(CoachingVerbs.TryIt, delivery);
        var talk = await ActAsync(CoachingVerbs.Talk, delivery);

        Assert.Contains("noted as useful", useful.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("out of date or not yours", forged.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("know you\\u0027d like to talk it through", talk.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("useful", (await _host.Service<CoachingStore>().FindAsync(delivery, default))!.Feedback);
        await using (var connection = await _host.Service<Database>().OpenAsync(default))
        {
            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'coaching-reminder'"));
        }

        _host.Clock.Advance(TimeSpan.FromDays(1));
        await DispatchAsync();
        Assert.Contains(CardsTo("a%3Apersonal-21"), c => c.Contains("Alex would like to talk something through", StringComparison.Ordinal));
        Assert.Contains(CardsTo("a%3Apersonal-alex"), c => c.Contains("Today\\u0027s practice", StringComparison.Ordinal) || c.Contains("Today's practice", StringComparison.Ordinal));

        await _host.PostActivityAsync(TeamsActivities.MessageFrom(25, "Lynne Robbins", "coaching report"));
        var report = Sent.CardText(_host.Sent[^1]);
        Assert.Contains("Rated useful", report, StringComparison.Ordinal);
        Assert.Contains("useful 1", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_lane_lists_the_lanes_and_prompts_do_not_repeat()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("coach me knitting"));
        Assert.Contains("Time management", Sent.CardText(_host.Sent[^1]), StringComparison.Ordinal);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 4; i++)
        {
            await _host.PostActivityAsync(TeamsActivities.Message("coach me escalation"));
            var delivery = Sent.ActionData(JsonNode.Parse(Sent.CardText(_host.Sent[^1]))!, CoachingVerbs.Delivery);
            Assert.True(seen.Add((await _host.Service<CoachingStore>().FindAsync(delivery, default))!.PromptId));
        }
    }

    private static void Execute(JsonObject activity, string verb, string delivery)
    {
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject { ["verb"] = verb, [CoachingVerbs.Delivery] = delivery } } };
    }

    private async Task<JsonObject> ActAsync(string verb, string delivery) =>
        await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.Execute(verb, new JsonObject { [CoachingVerbs.Delivery] = delivery })));

    private async Task CheckInAsync(string stuck, int confidence)
    {
        await _host.PostActivityAsync(TeamsActivities.Message("check in"));
        var period = Sent.ActionData(JsonNode.Parse(Sent.CardText(_host.Sent[^1]))!, "period");
        var data = new JsonObject { ["period"] = period, ["stuck"] = stuck, ["stuckShared"] = "false", ["confidence"] = confidence.ToString(System.Globalization.CultureInfo.InvariantCulture), ["load"] = "3" };
        await _host.PostActivityAsync(TeamsActivities.Execute(CheckInVerbs.Submit, data));
    }

    private async Task DispatchAsync() => await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);

    private List<string> PromptsToAlex() => [.. CardsTo("a%3Apersonal-alex").Where(c => c.Contains("A thought on", StringComparison.Ordinal))];

    private List<string> CardsTo(string conversation) => Sent.CardsTo(_host.Sent, conversation);
}
