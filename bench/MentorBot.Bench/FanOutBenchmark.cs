using System.Diagnostics;
using System.Globalization;
using Dapper;
using MentorBot.Bench.Host;

namespace MentorBot.Bench;

/// <summary>
/// Proactive fan-out: 10,000 due check-ins sent by the real host process through a local Bot Connector. First against
/// Teams' limits (the connector enforces them and answers 429 with Retry-After; MentorBot runs with its defaults, so
/// paces itself at <c>Outbox:TenantPerSecond</c> = 50), then raw dispatch (the connector's limits lifted and the
/// tenant limit raised). Every conversation should receive its check-in exactly once; the connector counts.
/// </summary>
internal static class FanOutBenchmark
{
    private const int TenantLimit = 50;
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);

    private sealed record Run(string Name, int? ConnectorLimit, IReadOnlyDictionary<string, string> Settings);

    private static readonly Run[] Runs =
    [
        new("Teams limits", TenantLimit, new Dictionary<string, string> { ["Outbox:TenantPerSecond"] = TenantLimit.ToString(CultureInfo.InvariantCulture) }),
        new("Raw dispatch", null, new Dictionary<string, string> { ["Outbox:TenantPerSecond"] = "100000" }),
    ];

    public static async Task RunAsync(TextWriter output)
    {
        var count = Count();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} check-ins queued before MentorBot starts, then sent by the host process (its outbox dispatch job, default settings except those named) to a local Bot Connector that counts what each conversation receives. {Environment.ProcessorCount} cores, the connector on the same machine."));
        await output.WriteLineAsync();
        await output.WriteLineAsync("| Store | Run | Delivered | Elapsed, first to last send | Sends/s | Of the limit | 429s (of requests) | Duplicates | Lost | Peak RSS MB |");
        await output.WriteLineAsync("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var template in BenchStore.Available("fanout"))
        {
            // MENTORBOT_BENCH_FANOUT_RUN=raw (or limits) runs one of the two.
            var only = Environment.GetEnvironmentVariable("MENTORBOT_BENCH_FANOUT_RUN");
            foreach (var run in Runs.Where(r => string.IsNullOrEmpty(only) || r.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
            {
                await output.WriteLineAsync(await MeasureAsync(template, run, count));
            }
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Teams limits: the connector refuses a send past 7 in 1 s, 8 in 2 s or 60 in 30 s into one conversation, or past {TenantLimit} in 1 s for the tenant (sliding windows), with 429 and Retry-After; MentorBot runs with `Outbox:TenantPerSecond` = {TenantLimit}. Raw dispatch: no connector limits, `Outbox:TenantPerSecond` = 100000. "));
        await output.WriteLineAsync("Sends/s is over the steady part: accepted sends less one, over the time from the first accepted send to the last, at the connector (start-up and the first poll are left out). Duplicates are sends past the first into one conversation; lost are conversations that got none. "
            + "Targets: with Teams limits ≥ 95 % of the tenant limit, 429s ≤ 1 % of requests, 0 duplicates and 0 lost; raw dispatch ≥ 2,000 sends/s on 2 cores; peak RSS ≤ 400 MB.");
    }

    /// <summary>MENTORBOT_BENCH_FANOUT sets the count; else MENTORBOT_BENCH_SECONDS shortens it to that many seconds at the tenant limit; else 10,000.</summary>
    private static int Count()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("MENTORBOT_BENCH_FANOUT"), out var count) && count > 0)
        {
            return count;
        }

        return int.TryParse(Environment.GetEnvironmentVariable("MENTORBOT_BENCH_SECONDS"), out var seconds) && seconds > 0
            ? Math.Min(10_000, Math.Max(100, seconds * TenantLimit))
            : 10_000;
    }

    private static async Task<string> MeasureAsync(BenchStore template, Run run, int count)
    {
        await using var postgres = template.Provider == "Postgres" ? await PostgresCluster.StartAsync() : null;
        var store = postgres is null ? BenchStore.Available("fanout")[0] : template with { ConnectionString = postgres.ConnectionString };
        try
        {
            await using var connector = await LimitedConnector.StartAsync(run.ConnectorLimit);
            var seed = Stopwatch.StartNew();
            var queued = await FanOutSeed.QueueAsync(store, count, connector.ServiceUrl);
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"fanout {store.Name} {run.Name}: {queued:N0} check-ins queued in {seed.Elapsed.TotalSeconds:N1} s; starting MentorBot…"));

            var peak = double.NaN;
            string statuses;
            await using (var bot = await BotServer.StartAsync(store, new Dictionary<string, string>(run.Settings) { ["Map:SeedDemoMap"] = "false" }))
            {
                await WaitForFanOutAsync(connector, queued, run.Name);
                await Task.Delay(TimeSpan.FromSeconds(3)); // a send made twice would arrive now
                peak = bot.PeakRssMegabytes;
                statuses = await OutboxStatusesAsync(store);
            }

            var delivered = connector.Accepted;
            var duplicates = connector.Delivered.Values.Sum(n => n - 1L);
            var lost = Enumerable.Range(0, queued).Count(i => !connector.Delivered.ContainsKey(FanOutSeed.Conversation(i)));
            var span = connector.AcceptingSpan;
            var rate = delivered > 1 && span > TimeSpan.Zero ? (delivered - 1) / span.TotalSeconds : double.NaN;
            var ofLimit = run.ConnectorLimit is { } limit ? string.Create(CultureInfo.InvariantCulture, $"{rate / limit:P1}") : "–";
            var throttled = connector.Requests == 0 ? 0 : (double)connector.Throttled / connector.Requests;
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"fanout {store.Name} {run.Name}: {delivered:N0} delivered at {rate:N1}/s, {connector.Throttled:N0} of {connector.Requests:N0} requests throttled; outbox {statuses}"));
            return string.Create(CultureInfo.InvariantCulture,
                $"| {store.Name} | {run.Name} | {delivered:N0} of {queued:N0} | {span.TotalSeconds:N1} s | **{rate:N0}** | {ofLimit} | {connector.Throttled:N0} ({throttled:P2}) | {duplicates:N0} | {lost:N0} | {peak:N0} |");
        }
        finally
        {
            if (postgres is null)
            {
                BenchStore.DeleteSqlite(store.ConnectionString);
            }
        }
    }

    /// <summary>Until every conversation has had its send, or nothing more has arrived for a minute.</summary>
    private static async Task WaitForFanOutAsync(LimitedConnector connector, int expected, string run)
    {
        var last = -1L;
        var progress = Stopwatch.StartNew();
        var report = Stopwatch.StartNew();
        while (connector.Delivered.Count < expected && progress.Elapsed < Stall)
        {
            await Task.Delay(100);
            var accepted = connector.Accepted;
            if (accepted != last)
            {
                last = accepted;
                progress.Restart();
            }

            if (report.Elapsed > TimeSpan.FromSeconds(10))
            {
                report.Restart();
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {run}: {accepted:N0} of {expected:N0} delivered, {connector.Throttled:N0} throttled"));
            }
        }
    }

    private static async Task<string> OutboxStatusesAsync(BenchStore store)
    {
        await using var connection = await store.OpenAsync();
        var rows = await connection.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM outbox GROUP BY status ORDER BY status");
        return string.Join(", ", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Status} {r.Count:N0}")));
    }
}
