using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.Map;
using MentorBot.Features.Reviews;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>
/// On 4 January 2027 (the first working day of Q1) every pairing that started before the quarter is asked for a
/// review, and Lynne, the programme admin, gets the map review. A shared review reaches the other person read-only.
/// </summary>
public sealed class QuarterlyReviewTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync();
        await _host.PostActivityAsync(TeamsActivities.Message("help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(25, "Lynne Robbins", "help"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Nothing_is_asked_mid_quarter_and_each_pair_is_asked_once_at_the_start()
    {
        Assert.Equal(0, await RunAsync());

        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 15, 0, 0, TimeSpan.Zero));
        var queued = await RunAsync();
        Assert.Equal(0, await RunAsync());
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(5000, default);

        var active = (await _host.Service<MapStore>().LoadAsync(default)).Mentorships.Count(m => m.Status == MentorshipStatus.Active && m.StartDate < new DateOnly(2027, 1, 1));
        Assert.True(queued >= active * 2, $"{queued} queued for {active} pairings");
        Assert.Single(CardsTo("a%3Apersonal-alex"), c => c.Contains("Quarterly review with Megan Bowen", StringComparison.Ordinal));
        Assert.Single(CardsTo("a%3Apersonal-21"), c => c.Contains("Quarterly review with Alex Wilber", StringComparison.Ordinal));
        var review = Assert.Single(CardsTo("a%3Apersonal-25"), c => c.Contains("Map review, 2027-Q1", StringComparison.Ordinal));
        Assert.Contains("Mentors at capacity", review, StringComparison.Ordinal);
        Assert.Contains("Lanes without mentors", review, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_review_reaches_the_mentor_and_a_private_one_does_not()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 15, 0, 0, TimeSpan.Zero));
        await RunAsync();

        var saved = await SubmitAsync(TeamsActivities.Base("invoke"), progress: "4", wentWell: "I read the early warning chart on my own now.", shared: true);
        var megan = await SubmitAsync(TeamsActivities.Base("invoke", conversationId: "a:personal-21", fromAad: "00000000-0000-0000-0000-0000000000021", fromId: "29:user-21", fromName: "Megan Bowen"),
            progress: "3", wentWell: "PRIVATE mentor note", shared: false);
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(5000, default);

        Assert.Contains("Saved, and shared with Megan Bowen", saved, StringComparison.Ordinal);
        Assert.Contains("Saved: private to you", megan, StringComparison.Ordinal);
        Assert.Single(CardsTo("a%3Apersonal-21"), c => c.Contains("Alex's quarterly review", StringComparison.Ordinal) && c.Contains("early warning chart", StringComparison.Ordinal));
        Assert.DoesNotContain(CardsTo("a%3Apersonal-alex"), c => c.Contains("PRIVATE mentor note", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_who_was_not_asked_cannot_write_a_review_and_a_missing_score_keeps_the_text()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 15, 0, 0, TimeSpan.Zero));
        await RunAsync();

        var isaiah = await SubmitAsync(TeamsActivities.Base("invoke", conversationId: "a:personal-23", fromAad: "00000000-0000-0000-0000-0000000000023", fromId: "29:user-23", fromName: "Isaiah Langer"), "5", "forged", true);
        var noScore = await SubmitAsync(TeamsActivities.Base("invoke"), progress: null, wentWell: "kept words", shared: true);

        Assert.Contains("out of date or not yours", isaiah, StringComparison.Ordinal);
        Assert.Contains("Please pick a number from 1 to 5 for progress", noScore, StringComparison.Ordinal);
        Assert.Contains("kept words", noScore, StringComparison.Ordinal);
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM quarterly_reviews WHERE answered_at_ms IS NOT NULL"));
    }

    [Fact]
    public async Task Map_review_on_demand_is_for_programme_admins_only()
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(25, "Lynne Robbins", "map review"));
        Assert.Contains("Map review, 2026-Q4", Sent.CardText(_host.Sent[^1]), StringComparison.Ordinal);

        await _host.PostActivityAsync(TeamsActivities.Message("map review"));
        Assert.DoesNotContain("Map review", Sent.CardText(_host.Sent[^1]), StringComparison.Ordinal);
    }

    private async Task<int> RunAsync() =>
        await _host.Scoped<QuarterlyReviewScheduler>().RunAsync(await _host.Service<MapStore>().LoadAsync(default), default);

    private async Task<string> SubmitAsync(JsonObject from, string? progress, string wentWell, bool shared)
    {
        var data = new JsonObject { ["verb"] = ReviewVerbs.Submit, [ReviewFields.Mentorship] = "m-001", [ReviewFields.Quarter] = "2027-Q1", [ReviewFields.WentWell] = wentWell, [ReviewFields.Shared] = shared ? "true" : "false" };
        if (progress is not null)
        {
            data[ReviewFields.Progress] = progress;
        }

        from["name"] = "adaptiveCard/action";
        from["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = ReviewVerbs.Submit, ["data"] = data } };
        return (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(from.ToJsonString()))).ToJsonString();
    }

    private List<string> CardsTo(string conversation) => Sent.CardsTo(_host.Sent, conversation);
}
