using Dapper;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>
/// A faulty connector: 10 % of requests answer 429 with Retry-After, 5 % 503, 2 % time out, and 1 % of people have
/// blocked the bot (403 MessageWritesBlocked). Everything deliverable arrives exactly once; blocked people are marked
/// and counted as unreachable; nothing is lost.
/// </summary>
public sealed class ConnectorFaultTests : IAsyncLifetime
{
    private const int People = 1_000;
    private LocalConnector _connector = null!;
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _host = await MentorBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Map:SeedDemoMap"] = "false",
            ["Connector:MaxInlineDelay"] = "00:00:00",
            // A timed-out send is ambiguous (the connector may have taken it), so the bot retries it; here only the
            // connector's timeout fault runs past this, and a slow answer on a busy CI machine must not.
            ["Connector:RequestTimeout"] = "00:00:03",
            ["Outbox:MaxAttempts"] = "10",
        });
        _host.Connector.PassThrough(_connector.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Everything_deliverable_arrives_once_and_blocked_people_are_marked()
    {
        var map = FanOutMap.Pairs(People);
        await _host.Service<MapStore>().ImportAsync(map, null, default);
        await FanOutMap.RegisterConversationsAsync(_host, map, _connector.ServiceUrl);
        var mentees = map.Mentorships.Select(m => m.MenteeId).Distinct(StringComparer.Ordinal).ToList();
        var blockedPeople = mentees.Where((_, i) => i % 100 == 42).ToList();
        var blocked = blockedPeople.Select(id => "a:" + id).ToHashSet(StringComparer.Ordinal);
        var random = new Random(11);
        _connector.Faults = conversation =>
        {
            if (blocked.Contains(Uri.UnescapeDataString(conversation)))
            {
                return ConnectorFault.Blocked;
            }

            lock (random)
            {
                var roll = random.Next(100);
                return roll < 10 ? ConnectorFault.Throttle : roll < 15 ? ConnectorFault.Unavailable : roll < 17 ? ConnectorFault.Timeout : ConnectorFault.None;
            }
        };
        var queued = await _host.Scoped<CheckInScheduler>().OpenAllNowAsync(default);
        Assert.Equal(People, queued.Opened);

        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var result = await _host.Scoped<OutboxDispatcher>().DispatchAsync(500, default);
            var counts = await _host.Service<OutboxStore>().CountByStatusAsync(default);
            if (counts.GetValueOrDefault("sent") + counts.GetValueOrDefault("gone") == People)
            {
                break;
            }

            if (result.Handled == 0)
            {
                _host.Clock.Advance(TimeSpan.FromMinutes(1)); // let Retry-After and back-off pass
            }
        }

        var received = _connector.Received.GroupBy(r => Uri.UnescapeDataString(r.Conversation)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(People - blocked.Count, received.Count);
        Assert.All(received.Values, count => Assert.Equal(1, count));
        Assert.DoesNotContain(received.Keys, blocked.Contains);
        var final = await _host.Service<OutboxStore>().CountByStatusAsync(default);
        Assert.Equal(People - blocked.Count, final.GetValueOrDefault("sent"));
        Assert.Equal(blocked.Count, final.GetValueOrDefault("gone"));

        await using var connection = await _host.Service<Database>().OpenAsync(default);
        Assert.Equal(blocked.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM conversation_references WHERE status = 'blocked'"));
        var unreachable = await _host.Service<MapDirectory>().UnreachableObjectIdsAsync(default);
        Assert.All(blockedPeople, id => Assert.Contains(map.People.Single(p => p.Id == id).AadObjectId!.ToLowerInvariant(), unreachable));
        Assert.True(_connector.FaultCounts.GetValueOrDefault(ConnectorFault.Throttle) > 0 && _connector.FaultCounts.GetValueOrDefault(ConnectorFault.Timeout) > 0);
        Console.WriteLine($"faults: {string.Join(", ", _connector.FaultCounts.Select(f => $"{f.Key}={f.Value}"))}");
    }
}
