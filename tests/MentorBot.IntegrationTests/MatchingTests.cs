using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.Map;
using MentorBot.Features.Map.Demo;
using MentorBot.Features.Matching;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Matching on the demo map: seven people name lanes they need in the map (needs). Lynne Robbins is the programme admin.
/// </summary>
public sealed class MatchingTests : IAsyncLifetime
{
    private const string LynneChat = "a%3Apersonal-25";
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync();
        await _host.PostActivityAsync(TeamsActivities.Message("help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(23, "Isaiah Langer", "help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(25, "Lynne Robbins", "help"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Suggestions_cover_everyone_who_needs_a_lane_and_every_rule_holds()
    {
        var run = await SuggestAsync();

        var map = await _host.Service<MapStore>().LoadAsync(default);
        var people = map.People.ToDictionary(p => p.Id);
        Assert.Equal(7, run.Suggestions.Count);
        Assert.Empty(run.Unmatched);
        foreach (var s in run.Suggestions)
        {
            var mentee = people[s.MenteeId];
            var mentor = people[s.MentorId];
            Assert.True(mentor.Level > mentee.Level, $"{mentor.Id} is not above {mentee.Id}");
            Assert.NotEqual(mentee.ManagerId, mentor.Id);
            Assert.Contains(s.Lanes, l => mentee.NeedsLanes.Contains(l) && mentor.Teaches.Contains(l));
            Assert.NotEmpty(s.Reasons);
        }

        var taken = map.Mentorships.Where(m => m.Status != MentorshipStatus.Ended).GroupBy(m => m.MentorId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var mentor in run.Suggestions.GroupBy(s => s.MentorId))
        {
            Assert.True(taken.GetValueOrDefault(mentor.Key) + mentor.Count() <= people[mentor.Key].MentorCapacity, $"{mentor.Key} is over capacity");
        }

        var card = Sent.CardText(_host.Sent[^1]);
        Assert.Contains("Suggested pairings", card, StringComparison.Ordinal);
        Assert.Contains("teaches", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_programme_admins_can_suggest_or_publish()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("match suggest"));
        Assert.DoesNotContain("Suggested pairings", Sent.CardText(_host.Sent[^1]), StringComparison.Ordinal);

        var run = await SuggestAsync();
        var refused = await InvokeAsync(20, "Alex Wilber", new JsonObject { [MatchVerbs.Run] = run.Id });

        Assert.Contains("Only programme admins can publish pairings", refused, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM map_mentorships WHERE origin = 'matching'"));
    }

    [Fact]
    public async Task Publishing_pairs_the_accepted_introduces_both_and_a_second_publish_changes_nothing()
    {
        var run = await SuggestAsync();
        var rejected = run.Suggestions[0];

        var published = await InvokeAsync(25, "Lynne Robbins", new JsonObject { [MatchVerbs.Run] = run.Id, [MatchVerbs.Accept(rejected.MenteeId)] = "false" });
        var again = await InvokeAsync(25, "Lynne Robbins", new JsonObject { [MatchVerbs.Run] = run.Id });

        Assert.Contains("Pairings published", published, StringComparison.Ordinal);
        Assert.Contains("already published", again, StringComparison.Ordinal);
        Assert.Equal(6, await CountAsync("SELECT COUNT(*) FROM map_mentorships WHERE origin = 'matching' AND status = 'active'"));
        Assert.Equal(0, await CountAsync($"SELECT COUNT(*) FROM map_mentorships WHERE origin = 'matching' AND mentee_id = '{rejected.MenteeId}'"));

        await DispatchAsync();
        var isaiah = run.Suggestions.FirstOrDefault(s => s.MenteeId == "isaiah-langer");
        if (isaiah is not null && isaiah != rejected)
        {
            Assert.Single(Sent.CardsTo(_host.Sent, "a%3Apersonal-23"), c => c.Contains("Meet your new mentor", StringComparison.Ordinal));
        }

        Assert.Equal(12, _host.Sent.Count(r => r.Method == HttpMethod.Post && r.Body is { } b && b.Contains("Meet your new", StringComparison.Ordinal))
            + await CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'match-intro' AND status <> 'sent'"));

        // The next import of the map file (which does not list these pairings) leaves them alone.
        await _host.Service<MapStore>().ImportAsync(DemoMap.Load(DateOnly.FromDateTime(_host.Clock.GetUtcNow().UtcDateTime)), null, default);
        Assert.Equal(6, await CountAsync("SELECT COUNT(*) FROM map_mentorships WHERE origin = 'matching' AND status = 'active'"));
    }

    [Fact]
    public async Task People_left_without_a_match_are_listed_for_the_admin_and_told_why()
    {
        await ExecuteAsync("UPDATE map_people SET mentor_capacity = 0 WHERE teaches LIKE '%escalation-procedures%'");

        var run = await SuggestAsync();

        var marco = Assert.Single(run.Unmatched);
        Assert.Equal("marco-bianchi", marco.MenteeId);
        Assert.Contains("Marco Bianchi", Sent.CardText(_host.Sent[^1]), StringComparison.Ordinal);
        await InvokeAsync(25, "Lynne Robbins", new JsonObject { [MatchVerbs.Run] = run.Id });
        await DispatchAsync();
        var told = await _host.Scoped<MatchingService>().UnmatchedCardAsync(run.Id, "marco-bianchi", default);
        Assert.Contains(marco.Explanation, Sent.Descendants(JsonNode.Parse(MentorBot.Cards.CardSerializer.Serialize(told!))).Select(o => (string?)o["text"]).OfType<string>().Single(t => t.Contains("couldn't find you a mentor", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'match-unmatched' AND person_id = 'marco-bianchi'"));
    }

    [Fact]
    public async Task Change_my_mentor_reaches_admins_not_the_mentor_and_the_next_run_replaces_the_pairing()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("change my mentor"));
        Assert.Contains("is not told that you asked", Sent.CardText(_host.Sent[^1]), StringComparison.Ordinal);
        await _host.PostActivityAsync(TeamsActivities.Message("change my mentor"));
        await DispatchAsync();

        Assert.Single(Sent.CardsTo(_host.Sent, LynneChat), c => c.Contains("Re-match: Alex Wilber and Megan Bowen", StringComparison.Ordinal));
        Assert.DoesNotContain(Sent.CardsTo(_host.Sent, "a%3Apersonal-21"), c => c.Contains("Re-match", StringComparison.Ordinal));

        var run = await SuggestAsync();
        var alex = Assert.Single(run.Suggestions, s => s.MenteeId == "alex-wilber");
        Assert.NotEqual("megan-bowen", alex.MentorId);
        Assert.Equal("m-001", alex.ReplacesId);

        await InvokeAsync(25, "Lynne Robbins", new JsonObject { [MatchVerbs.Run] = run.Id });
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM map_mentorships WHERE id = 'm-001' AND status = 'ended'"));
    }

    private async Task<SavedRun> SuggestAsync()
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(25, "Lynne Robbins", "match suggest"));
        var runId = Sent.Descendants(Sent.Card(_host.Sent[^1])).First(o => (string?)o["type"] == "Action.Execute")["data"]![MatchVerbs.Run]!.GetValue<string>();
        return (await _host.Service<MatchingStore>().FindRunAsync(runId, default))!;
    }

    private async Task<string> InvokeAsync(int user, string name, JsonObject data) =>
        (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.ExecuteFrom(user, name, MatchVerbs.Publish, data))))
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private async Task DispatchAsync()
    {
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(200, default);
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(200, default);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        await connection.ExecuteAsync(sql);
    }
}
