using System.Diagnostics;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>
/// 2,000 check-in prompts through the outbox to a local connector that enforces Teams' limits (7 per second per
/// conversation, 50 per second for the tenant, 429 with Retry-After past them), with two dispatchers claiming from the
/// same queue at once. Every prompt arrives exactly once. How fast, and how many 429s it provoked, are printed:
/// those are figures for the benchmarks, not assertions.
/// </summary>
public sealed class FanOutTests : IAsyncLifetime
{
    private const int People = 2_000;
    private LocalConnector _connector = null!;
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _connector.EnforceLimits = true;
        _host = await MentorBotHost.StartAsync(new Dictionary<string, string?> { ["Map:SeedDemoMap"] = "false", ["Connector:MaxInlineDelay"] = "00:00:00" });
        _host.Connector.PassThrough(_connector.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Two_thousand_prompts_arrive_exactly_once_within_the_platform_limits()
    {
        var map = FanOutMap.Pairs(People);
        await _host.Service<MapStore>().ImportAsync(map, null, default);
        await FanOutMap.RegisterConversationsAsync(_host, map, _connector.ServiceUrl);
        var queued = await _host.Scoped<CheckInScheduler>().OpenAllNowAsync(default);
        Assert.Equal(People, queued.Opened);

        var clock = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var first = _host.Scoped<OutboxDispatcher>().DispatchAsync(500, default);
            var second = _host.Scoped<OutboxDispatcher>().DispatchAsync(500, default);
            var results = await Task.WhenAll(first, second);
            var counts = await _host.Service<OutboxStore>().CountByStatusAsync(default);
            if (counts.GetValueOrDefault("sent") == queued.Opened)
            {
                break;
            }

            if (results.Sum(r => r.Handled) == 0)
            {
                _host.Clock.Advance(TimeSpan.FromSeconds(2)); // let throttled items' Retry-After pass
            }
        }

        var received = _connector.Received.ToList();
        var perConversation = received.GroupBy(r => r.Conversation).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(queued.Opened, received.Count);
        Assert.Equal(queued.Opened, perConversation.Count);
        Assert.All(perConversation.Values, count => Assert.Equal(1, count));
        Console.WriteLine($"fan-out: {received.Count} delivered in {clock.Elapsed.TotalSeconds:F1} s, {_connector.Throttled} throttled");
    }
}
