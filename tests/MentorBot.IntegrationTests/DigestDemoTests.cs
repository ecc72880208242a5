using System.Globalization;
using Dapper;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using MentorBot.Persistence;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The playground's promise: with the demo history (<c>Demo:SeedHistory</c>), Adele (manager) and Patti (director)
/// get digests whose numbers are the demo data's, counted here straight from the tables.
/// </summary>
public sealed class DigestDemoTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync() => _host = await MentorBotHost.StartAsync(new Dictionary<string, string?> { ["Demo:SeedHistory"] = "true" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(22, "Adele Vance", "adele-vance")]
    [InlineData(24, "Patti Fernandez", "patti-fernandez")]
    public async Task The_digest_matches_the_demo_history(int user, string name, string leader)
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(user, name, "digest"));
        var card = Sent.CardText(_host.Sent[^1]);

        var map = await _host.Service<MapStore>().LoadAsync(default);
        var scope = DigestScope.For(leader, map.LeaderScopes).Members(map.People).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var now = _host.Clock.GetUtcNow();
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        var rows = (await connection.QueryAsync<(string Person, long Opens, long? Confidence, long? Load, long? Shared)>(
            """
            SELECT p.person_id, p.opens_at_ms, a.confidence, a.load, a.scores_shared
            FROM checkin_periods p LEFT JOIN checkin_answers a ON a.period_id = p.id
            WHERE p.id LIKE 'demo:%'
            """)).Where(r => scope.Contains(r.Person) && r.Opens > (now - TimeSpan.FromDays(7)).ToUnixTimeMilliseconds() && r.Opens <= now.ToUnixTimeMilliseconds()).ToList();
        Assert.True(rows.Count >= 5, "the demo history gives this scope enough check-ins to show");

        var answered = rows.Count(r => r.Confidence is not null);
        Assert.Contains($"{answered} of {rows.Count} this week", card, StringComparison.Ordinal);
        var scores = rows.Where(r => r.Shared == 1).ToList();
        if (scores.Count >= 5)
        {
            var confidence = scores.Average(r => (double)r.Confidence!.Value).ToString("0.0", CultureInfo.InvariantCulture);
            Assert.Contains($"\"value\":\"{confidence}", card, StringComparison.Ordinal);
        }

        Assert.Contains($"{scope.Count} people", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Watched a colleague", card, StringComparison.Ordinal);
    }
}
