using Dapper;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The send queue under real failure: MentorBot runs as separate processes against the suite's store, delivering
/// 5,000 prompts to a local connector that enforces Teams' per-conversation limit (7 a second) and a tenant limit raised
/// to <see cref="TenantPerSecond"/> so that the run stays short (MentorBot's own tenant rate is raised to match, just
/// under it). In the middle of the fan-out one process is killed with SIGKILL and started again. On PostgreSQL two
/// instances run side by side the whole time. Every prompt must arrive exactly once: no loss, no duplicate.
/// </summary>
public sealed class FanOutRestartTests : IAsyncLifetime
{
    private const int People = 5_000;
    private const int KillAfter = 1_750;
    private const int TenantPerSecond = 150;
    private TestDatabase _database = null!;
    private LocalConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _connector = await LocalConnector.StartAsync();
        _connector.EnforceLimits = true;
        _connector.TenantPerSecond = TenantPerSecond;
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_hard_kill_and_restart_mid_fan_out_loses_nothing_and_sends_nothing_twice()
    {
        await FanOutMap.QueuePromptsAsync(_database, _connector.ServiceUrl, People);

        // Two instances share one PostgreSQL; SQLite is the single-instance store.
        var instances = TestDatabase.UsesPostgres ? 2 : 1;
        var settings = new Dictionary<string, string>
        {
            ["Outbox:PollInterval"] = "00:00:01",
            ["Outbox:ClaimLease"] = "00:00:05",
            ["Outbox:TenantPerSecond"] = (TenantPerSecond * 9 / 10 / instances).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Connector:MaxInlineDelay"] = "00:00:00",
        };

        var bots = new List<BotProcess>();
        var started = DateTime.UtcNow;
        try
        {
            for (var i = 0; i < instances; i++)
            {
                bots.Add(await BotProcess.StartAsync(_database, settings));
            }

            // Once 1,750 prompts are through, the connector refuses further sends until every accepted send has been
            // recorded as sent (the few-millisecond window between Teams accepting a message and the commit is the one
            // no queue can close, see README) and then kills the first instance with SIGKILL. Its claimed
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
                        await UntilAcceptedSendsAreRecordedAsync(TimeSpan.FromSeconds(10));
                        victim.KillHard();

                        // Sends the victim put on the wire just before it died can still reach the connector. Accepting
                        // one would be the same gap as above (Teams has it, the store does not), so the connector keeps
                        // refusing until the process is gone and what it sent has drained.
                        await victim.ExitedAsync().WaitAsync(TimeSpan.FromSeconds(10));
                        await Task.Delay(TimeSpan.FromSeconds(1));
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

            await using var connection = await FanOutMap.OpenAsync(_database);
            var statuses = (await connection.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM outbox GROUP BY status")).ToDictionary(r => r.Status, r => r.Count);
            Assert.Equal(People, statuses.GetValueOrDefault("sent"));
            Assert.Single(statuses);
            Console.WriteLine($"FanOutRestart on {_database.Provider}: {People} prompts by {instances} instance(s) in {(DateTime.UtcNow - started).TotalSeconds:F0} s, {_connector.Throttled} throttled by the connector.");
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

    /// <summary>
    /// Waits (at most <paramref name="patience"/>) until every send the connector accepted is recorded as sent: a fixed
    /// pause was too short on a loaded machine, and a kill inside that window is the gap no queue can close.
    /// </summary>
    private async Task UntilAcceptedSendsAreRecordedAsync(TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            await using var connection = await FanOutMap.OpenAsync(_database);
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status = 'sent'") >= _connector.Received.Count)
            {
                return;
            }
        }
    }
}
