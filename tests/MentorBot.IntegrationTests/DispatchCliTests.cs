using MentorBot.Hosting;
using MentorBot.Persistence;

namespace MentorBot.IntegrationTests;

public sealed class DispatchCliTests : IAsyncLifetime
{
    private LocalConnector _connector = null!;
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _host = await MentorBotHost.StartAsync();
        foreach (var (user, name) in new[] { (20, "Alex Wilber"), (21, "Megan Bowen"), (23, "Isaiah Langer") })
        {
            var activity = TeamsActivities.With(
                TeamsActivities.Base("conversationUpdate", conversationId: $"a:personal-{user}", fromAad: $"00000000-0000-0000-0000-00000000000{user}", fromId: $"29:user-{user}", fromName: name),
                a => a["serviceUrl"] = _connector.ServiceUrl);
            await _host.PostActivityAsync(activity);
        }
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Dispatch_now_sends_a_check_in_to_every_reachable_mentee_once()
    {
        string[] args = ["dispatch", "checkins", "--now", "--environment", "Development", $"--Storage:Provider={_host.Provider}", $"--Storage:ConnectionString={ConnectionString()}"];

        Assert.Equal(0, await MentorBotCli.RunAsync(args));
        Assert.Equal(0, await MentorBotCli.RunAsync(args));

        var alex = Assert.Single(_connector.To("a:personal-20"));
        Assert.Contains("Your check-in", alex.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(_connector.To("a:personal-21"));
        Assert.Single(_connector.To("a:personal-23"));
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        var counts = (await Dapper.SqlMapper.QueryAsync<(string Status, long Count)>(connection, "SELECT status, COUNT(*) FROM outbox WHERE kind = 'checkin-prompt' GROUP BY status"))
            .ToDictionary(r => r.Status, r => (int)r.Count);
        Assert.Equal(3, counts["sent"]);
        var mentees = MentorBot.Features.Map.Demo.DemoMap.Load(new DateOnly(2026, 11, 23)).Mentorships
            .Where(m => m.Status == MentorBot.Features.Map.MentorshipStatus.Active).Select(m => m.MenteeId).Distinct().Count();
        Assert.Equal(mentees - 3, counts["queued"]);
    }

    private string ConnectionString() => _host.Service<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.ConnectionString;
}
