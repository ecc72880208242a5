using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.Calibration;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>Alex and Megan's pairing (m-001) calibrates on 3 December; Lynne is the programme admin.</summary>
public sealed class CalibrationTests : IAsyncLifetime
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
    public async Task Nobody_is_asked_before_the_calibration_date()
    {
        await _host.Scoped<CalibrationService>().RunAsync(default);

        Assert.Equal(0L, await AskedAsync("m-001"));
    }

    [Fact]
    public async Task Mentor_and_mentee_are_each_asked_once_on_the_calibration_date()
    {
        _host.Clock.Advance(TimeSpan.FromDays(10));

        await _host.Scoped<CalibrationService>().RunAsync(default);
        await _host.Scoped<CalibrationService>().RunAsync(default);
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);

        Assert.Equal(2L, await AskedAsync("m-001"));
        var toAlex = CardsTo("a%3Apersonal-alex").Where(c => c.Contains("Is this pairing working?", StringComparison.Ordinal)).ToList();
        Assert.Contains(toAlex, c => c.Contains("You and Megan Bowen have been paired since", StringComparison.Ordinal));
        Assert.Contains(CardsTo("a%3Apersonal-21"), c => c.Contains("You and Alex Wilber have been paired since", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_low_score_reaches_the_programme_admin_with_the_note_and_never_the_other_person()
    {
        _host.Clock.Advance(TimeSpan.FromDays(10));
        await _host.Scoped<CalibrationService>().RunAsync(default);

        var thanks = await SubmitAsync(score: "2", note: "We never manage to meet on my shift pattern.");
        var megan = await SubmitAsMeganAsync(score: "4");
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);

        Assert.Contains("A programme admin will look at the pairing", thanks["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Glad to hear it", megan["value"]!.ToJsonString(), StringComparison.Ordinal);
        var flag = Assert.Single(CardsTo("a%3Apersonal-25"), c => c.Contains("A pairing may not be working", StringComparison.Ordinal));
        Assert.Contains("Megan Bowen", flag, StringComparison.Ordinal);
        Assert.Contains("Alex Wilber", flag, StringComparison.Ordinal);
        Assert.Contains("2 · Struggling", flag, StringComparison.Ordinal);
        Assert.Contains("We never manage to meet on my shift pattern.", flag, StringComparison.Ordinal);
        Assert.DoesNotContain(CardsTo("a%3Apersonal-21"), c => c.Contains("shift pattern", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_who_was_not_asked_cannot_answer_for_a_pairing()
    {
        _host.Clock.Advance(TimeSpan.FromDays(10));
        await _host.Scoped<CalibrationService>().RunAsync(default);
        var isaiah = TeamsActivities.Base("invoke", conversationId: "a:isaiah", fromAad: "00000000-0000-0000-0000-0000000000023", fromId: "29:isaiah", fromName: "Isaiah Langer");
        isaiah["name"] = "adaptiveCard/action";
        isaiah["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CalibrationVerbs.Submit, ["data"] = new JsonObject { ["verb"] = CalibrationVerbs.Submit, ["mentorship"] = "m-001", ["score"] = "1" } } };

        var body = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(isaiah.ToJsonString()));

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'calibration-flag'"));
    }

    [Fact]
    public async Task A_missing_score_is_asked_for_again()
    {
        _host.Clock.Advance(TimeSpan.FromDays(10));
        await _host.Scoped<CalibrationService>().RunAsync(default);

        var response = await SubmitAsync(score: string.Empty, note: null);

        Assert.Contains("Please pick one of the five answers.", response["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<JsonObject> SubmitAsync(string score, string? note) =>
        await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.Execute(CalibrationVerbs.Submit, new JsonObject { ["mentorship"] = "m-001", ["score"] = score, ["note"] = note ?? string.Empty })));

    private async Task<JsonObject> SubmitAsMeganAsync(string score)
    {
        var activity = TeamsActivities.Base("invoke", conversationId: "a:personal-21", fromAad: "00000000-0000-0000-0000-0000000000021", fromId: "29:user-21", fromName: "Megan Bowen");
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CalibrationVerbs.Submit, ["data"] = new JsonObject { ["verb"] = CalibrationVerbs.Submit, ["mentorship"] = "m-001", ["score"] = score } } };
        return await Sent.InvokeBodyAsync(await _host.PostActivityAsync(activity.ToJsonString()));
    }

    private List<string> CardsTo(string conversation) => Sent.CardsTo(_host.Sent, conversation);

    private async Task<long> AskedAsync(string mentorshipId)
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM calibrations WHERE mentorship_id = @mentorshipId", new { mentorshipId });
    }
}
