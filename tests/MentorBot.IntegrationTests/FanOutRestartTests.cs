using Dapper;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using MentorBot.Scheduling;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The send queue under real failure: MentorBot runs as separate processes against the suite's store, delivering
/// 2,000 prompts to a local connector that enforces Teams' limits. In the middle of the fan-out one process is killed
/// with SIGKILL and started again. On PostgreSQL two instances run side by side the whole time. Every prompt must
/// arrive exactly once: no loss, no duplicate.
/// </summary>
public sealed class FanOutRestartTests : IAsyncLifetime
{
    private const int People = 2_000;
    private const int KillAfter = 700;
    private TestDatabase _database = null!;
    private LocalConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _connector = await LocalConnector.StartAsync();
        _connector.EnforceLimits = true;
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_hard_kill_and_restart_mid_fan_out_loses_nothing_and_sends_nothing_twice()
    {
        await QueuePromptsAsync();

        // Two instances share one PostgreSQL; SQLite is the single-instance store.
        var instances = TestDatabase.UsesPostgres ? 2 : 1;
        var settings = new Dictionary<string, string>
        {
            ["Outbox:PollInterval"] = "00:00:01",
            ["Outbox:ClaimLease"] = "00:00:05",
            ["Outbox:TenantPerSecond"] = (45 / instances).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Connector:MaxInlineDelay"] = "00:00:00",
        };

        var bots = new List<BotProcess>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                bots.Add(await BotProcess.StartAsync(_database, settings));
            }

            // Once 700 prompts are through, the connector refuses further sends for a moment (so every accepted send
            // has been recorded as sent: the few-millisecond window between Teams accepting a message and the commit
            // is the one no queue can close, see README) and then kills the first instance with SIGKILL. Its claimed
            // items are still leased as "sending" in the database, and the refused ones are queued for a retry.
            var victim = bots[0];
            var killed = new TaskCompletionSource();
            var killing = 0;
            _connector.Admit = accepted =>
            {
                if (accepted < KillAfter || killed.Task.IsCompleted)
                {
                    return true;
                }

                if (Interlocked.Exchange(ref killing, 1) == 0)
                {
                    _ = Task.Run(async () =>
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1.5));
                        victim.KillHard();
                        killed.TrySetResult();
                    });
                }

                return false;
            };

            await killed.Task.WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(_connector.Received.Count < People, "the kill came after the fan-out had finished");
            bots.Add(await BotProcess.StartAsync(_database, settings));

            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (DateTime.UtcNow < deadline && _connector.Received.Count < People)
            {
                await Task.Delay(500);
            }

            await Task.Delay(TimeSpan.FromSeconds(3)); // anything sent twice would arrive now
            var perConversation = _connector.Received.GroupBy(r => r.Conversation).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(People, perConversation.Count);
            Assert.DoesNotContain(perConversation, p => p.Value > 1);
            Assert.Equal(People, _connector.Received.Count);

            await using var connection = await OpenAsync();
            var statuses = (await connection.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM outbox GROUP BY status")).ToDictionary(r => r.Status, r => r.Count);
            Assert.Equal(People, statuses.GetValueOrDefault("sent"));
            Assert.Single(statuses);
        }
        catch
        {
            foreach (var bot in bots)
            {
                Console.WriteLine(bot.Log);
            }

            throw;
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync();
            }
        }
    }

    /// <summary>The programme and 2,000 queued prompts, written by an in-process host that is gone before the bots start.</summary>
    private async Task QueuePromptsAsync()
    {
        await using var host = await MentorBotHost.StartOnAsync(_database, new Dictionary<string, string?> { ["Map:SeedDemoMap"] = "false" });

        // This host only writes the data: its own scheduler must not start sending what it queues.
        // Holding the dispatch gate waits for a dispatch already running and keeps every later one out.
        await host.Service<OutboxDispatchGate>().Semaphore.WaitAsync();
        host.Clock.Set(DateTimeOffset.UtcNow);
        var map = FanOutMap.Pairs(People);
        await host.Service<MapStore>().ImportAsync(map, null, default);
        await FanOutMap.RegisterConversationsAsync(host, map, _connector.ServiceUrl);
        var queued = await host.Scoped<CheckInScheduler>().OpenAllNowAsync(default);
        Assert.Equal(People, queued.Opened);
        Assert.Equal(People, (await host.Service<OutboxStore>().CountByStatusAsync(default)).GetValueOrDefault("queued"));
    }

    private async Task<System.Data.Common.DbConnection> OpenAsync()
    {
        System.Data.Common.DbConnection connection = _database.Provider == "Postgres"
            ? new Npgsql.NpgsqlConnection(_database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
