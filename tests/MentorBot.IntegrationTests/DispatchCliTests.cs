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

    [Fact]
    public async Task Dispatch_for_one_unit_sends_only_to_its_mentees_and_an_unknown_programme_is_refused()
    {
        string[] common = ["dispatch", "checkins", "--now", "--environment", "Development", $"--Storage:Provider={_host.Provider}", $"--Storage:ConnectionString={ConnectionString()}"];

        Assert.Equal(2, await MentorBotCli.RunAsync([.. common, "--program", "no-such-unit"]));
        Assert.Equal(0, await MentorBotCli.RunAsync([.. common, "--program", "Emergency Department"]));

        Assert.Empty(_connector.To("a:personal-20"));
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        var byUnit = (await Dapper.SqlMapper.QueryAsync<(string Unit, long Count)>(connection,
            "SELECT p.unit_id, COUNT(*) FROM outbox o JOIN map_people p ON p.id = o.person_id WHERE o.kind = 'checkin-prompt' GROUP BY p.unit_id")).ToList();
        Assert.Equal("emergency-department", Assert.Single(byUnit).Unit);
        Assert.True(byUnit[0].Count > 0);
    }

    [Fact]
    public async Task Admins_are_told_once_a_day_who_has_cards_waiting_for_a_conversation()
    {
        await _host.PostActivityAsync(TeamsActivities.With(
            TeamsActivities.Base("conversationUpdate", conversationId: "a:personal-25", fromAad: "00000000-0000-0000-0000-0000000000025", fromId: "29:user-25", fromName: "Lynne Robbins"),
            a => a["serviceUrl"] = _connector.ServiceUrl));
        Assert.Equal(0, await MentorBotCli.RunAsync(["dispatch", "checkins", "--now", "--environment", "Development", $"--Storage:Provider={_host.Provider}", $"--Storage:ConnectionString={ConnectionString()}"]));

        var map = await _host.Service<MentorBot.Features.Map.MapStore>().LoadAsync(default);
        await _host.Scoped<MentorBot.Features.Map.UnreachableReport>().RunAsync(map, default);
        await _host.Scoped<MentorBot.Features.Map.UnreachableReport>().RunAsync(map, default);
        await using (var connection = await _host.Service<Database>().OpenAsync(default))
        {
            Assert.Equal(1L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM outbox WHERE kind = 'unreachable-report'"));
        }

        _host.Connector.PassThrough(_connector.ServiceUrl);
        _host.Clock.Advance(TimeSpan.FromHours(2));
        await _host.Scoped<MentorBot.Outbox.OutboxDispatcher>().DispatchAsync(1000, default);

        var report = Assert.Single(_connector.To("a:personal-25")).ToJsonString();
        Assert.Contains("cards waiting because they have never opened MentorBot in Teams", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Isaiah Langer", report, StringComparison.Ordinal); // he has a conversation
    }

    private string ConnectionString() => _host.Service<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.ConnectionString;
}
