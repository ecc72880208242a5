using System.Net;
using System.Text;
using Dapper;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The database goes away for 30 s in the middle of a fan-out and comes back (see <see cref="DatabaseOutage"/> for how,
/// on each store). A real MentorBot process delivers 1,500 prompts to a local connector that enforces Teams' limits.
/// Sends the connector accepted just before the cut cannot be recorded as sent until the database is back; if MentorBot
/// forgot them, their lease would run out and they would be sent again. Every prompt must arrive exactly once, the
/// queue must end all sent, the process must stay up, an activity Teams posts meanwhile must get a 503 with Retry-After
/// (PostgreSQL) or a late 200 once its write got the lock (SQLite), never a 500, and /healthz must be green again
/// afterwards. It takes about 1.5 to 2 minutes per store; the summary line says how often the outage hit an accepted
/// send before it was recorded (log event 5104), which is the case that used to be sent twice.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const int People = 1_500;
    private const int CutAfter = 300;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private TestDatabase _database = null!;
    private LocalConnector _connector = null!;
    private DatabaseOutage _outage = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _connector = await LocalConnector.StartAsync();
        _connector.EnforceLimits = true;
        _outage = DatabaseOutage.For(_database);
    }

    public async Task DisposeAsync()
    {
        await _outage.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_30_second_database_outage_mid_fan_out_loses_nothing_and_sends_nothing_twice()
    {
        await FanOutMap.QueuePromptsAsync(_database, _connector.ServiceUrl, People);
        await using var bot = await BotProcess.StartAsync(_database, new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = _outage.ConnectionString,
            ["Outbox:PollInterval"] = "00:00:01",
            ["Outbox:TenantPerSecond"] = "45",
            ["Connector:MaxInlineDelay"] = "00:00:00",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{bot.Port}"), Timeout = TimeSpan.FromSeconds(90) };

        try
        {
            var started = DateTime.UtcNow;
            await WaitUntilAsync(() => _connector.Received.Count >= CutAfter, TimeSpan.FromMinutes(1));

            // The cut comes while sends are in flight: some are accepted by the connector and not yet recorded.
            var outage = _outage.RunAsync(Outage);
            await Task.Delay(TimeSpan.FromSeconds(5));
            var inbound = await PostMessageAsync(http);
            await outage;
            var back = DateTime.UtcNow;

            await WaitUntilAsync(() => Prompts().Count() >= People, TimeSpan.FromMinutes(2));
            await Task.Delay(TimeSpan.FromSeconds(3)); // anything sent twice would arrive now
            var perConversation = Prompts().GroupBy(r => r.Conversation).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(People, perConversation.Count);
            Assert.DoesNotContain(perConversation, p => p.Value > 1);
            Assert.Equal(People, Prompts().Count());

            await using var connection = await FanOutMap.OpenAsync(_database);
            var statuses = (await connection.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM outbox GROUP BY status")).ToDictionary(r => r.Status, r => r.Count);
            Assert.Equal(People, statuses.GetValueOrDefault("sent"));
            Assert.Single(statuses);

            Assert.True(inbound.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"an activity posted during the outage got {(int)inbound.StatusCode}");
            if (inbound.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.NotNull(inbound.Headers.RetryAfter);
            }

            Assert.False(bot.HasExited, "MentorBot exited during the outage");
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
            Console.WriteLine($"DatabaseOutage on {_database.Provider}: {People} prompts, outage {Outage.TotalSeconds} s, inbound answered {(int)inbound.StatusCode}, " +
                $"all sent {(DateTime.UtcNow - back).TotalSeconds:F0} s after the database was back, {(DateTime.UtcNow - started).TotalSeconds:F0} s from the cut's wait; " +
                $"log events: {Count(bot.Log, "[5104]")} sent-but-unrecorded, {Count(bot.Log, "[5103]")} unsent put back, {Count(bot.Log, "[5111]")} dispatch rounds refused.");
        }
        catch
        {
            Console.WriteLine(bot.Log);
            throw;
        }
    }

    /// <summary>The prompts, not the reply to the activity posted during the outage.</summary>
    private IEnumerable<(string Conversation, System.Text.Json.Nodes.JsonObject Activity)> Prompts() =>
        _connector.Received.Where(r => r.Conversation != Visitor);

    private const string Visitor = "a:outage-visitor";

    /// <summary>Someone writes to the bot while the database is gone, as Teams would deliver it.</summary>
    private async Task<HttpResponseMessage> PostMessageAsync(HttpClient http)
    {
        var activity = TeamsActivities.Base("message", conversationId: Visitor, fromAad: Guid.NewGuid().ToString(), fromId: "29:visitor", fromName: "Visitor");
        activity["serviceUrl"] = _connector.ServiceUrl;
        activity["text"] = "help";
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        return await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }

    private static int Count(string log, string eventId) => log.Split(eventId).Length - 1;

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
