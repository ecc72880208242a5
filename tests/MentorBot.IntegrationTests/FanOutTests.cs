using System.Diagnostics;
using Dapper;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using MentorBot.Scheduling;

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
        var map = TwoThousandPairs();
        await _host.Service<MapStore>().ImportAsync(map, null, default);
        await RegisterConversationsAsync(map);
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

    /// <summary>2,000 staff, each with a lane mentor (500 leads with capacity 4), under one manager.</summary>
    private static MentorshipMap TwoThousandPairs()
    {
        string I(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hours = WorkingHours.Default;
        Person Make(string id, Level level, string? manager, int capacity) =>
            new(id, Guid.NewGuid().ToString(), id, null, level, "u", manager, "America/Chicago", hours, null, new DateOnly(2020, 1, 1), "en-US", capacity, capacity > 0 ? ["lane"] : [], false);
        var people = new List<Person> { Make("boss", Level.Manager, null, 0) };
        people.AddRange(Enumerable.Range(0, People / 4).Select(l => Make("lead" + I(l), Level.Lead, "boss", 4)));
        people.AddRange(Enumerable.Range(0, People).Select(s => Make("staff" + I(s), Level.Staff, "boss", 0)));
        var pairs = Enumerable.Range(0, People).Select(s => new Mentorship(
            "m" + I(s), "lead" + I(s / 4), "staff" + I(s), ["lane"], MentorshipKind.Lane,
            new Cadence(CadenceFrequency.Weekly, DayOfWeek.Tuesday, new TimeOnly(10, 0)), new DateOnly(2026, 1, 6), MentorshipStatus.Active, null, null)).ToList();
        return new MentorshipMap("Fan-out", [new Lane("lane", "Lane", string.Empty)], [new Unit("u", "Unit", null)], people, pairs, [], []);
    }

    private async Task RegisterConversationsAsync(MentorshipMap map)
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        await using var transaction = await Database.BeginWriteAsync(connection, default);
        var mentees = map.Mentorships.Select(m => m.MenteeId).ToHashSet(StringComparer.Ordinal);
        await connection.ExecuteAsync(
            """
            INSERT INTO conversation_references (conversation_id, conversation_type, tenant_id, service_url, bot_id, user_id, aad_object_id, status, created_at_ms, updated_at_ms)
            VALUES (@Conversation, 'personal', 'tenant-large', @ServiceUrl, '28:bot', @User, @Aad, 'active', 0, 0)
            """,
            map.People.Where(p => mentees.Contains(p.Id)).Select(p => new { Conversation = "a:" + p.Id, _connector.ServiceUrl, User = "29:" + p.Id, Aad = p.AadObjectId!.ToLowerInvariant() }),
            transaction);
        await transaction.CommitAsync();
    }
}
