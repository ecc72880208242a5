using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using MentorBot.Bench.Host;

namespace MentorBot.Bench;

/// <summary>
/// The check-in card's submit (an authorised, persisted adaptiveCard/action invoke that returns the summary card)
/// against the real host with Debian's wrk on the same machine, at concurrency 1, 64 and 256, on SQLite and PostgreSQL.
/// As on a Monday morning, 1,000 staff each have an open check-in (its prompt delivered to a local connector before
/// the measurement starts), and each request is one of them, chosen at random, submitting their own card. Every
/// request carries a new activity id and a new answer, so every one is authorised against the map and written.
/// </summary>
internal static partial class InvokeBenchmark
{
    private const int Staff = 1_000;
    /// <summary>The concurrencies measured: 1, 64 and 256, or those MENTORBOT_BENCH_CONCURRENCY lists (say "64", to compare two builds).</summary>
    private static int[] Concurrency => Environment.GetEnvironmentVariable("MENTORBOT_BENCH_CONCURRENCY") is { Length: > 0 } listed
        ? [.. listed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture))]
        : [1, 64, 256];

    public static async Task RunAsync(TextWriter output)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            await output.WriteLineAsync("wrk is not installed: run the benchmarks with scripts/bench.sh, which installs it.");
            return;
        }

        var seconds = int.TryParse(Environment.GetEnvironmentVariable("MENTORBOT_BENCH_SECONDS"), out var s) ? s : 10;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{Staff:N0} staff each submit their own open check-in (a random one per request; each request a new activity and a new answer). {Environment.ProcessorCount} cores; wrk, the host and PostgreSQL on the same machine; 30 s of warm-up at concurrency 64 first. After each run the saved revisions are counted: the run fails unless every answered request saved one."));
        await output.WriteLineAsync();
        await output.WriteLineAsync("| Store | Concurrency | Requests/s | p50 ms | p99 ms | Errors | Timeouts | Peak RSS MB |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|");
        var ceilings = new List<string>();
        foreach (var template in BenchStore.Available("invoke"))
        {
            await using var postgres = template.Provider == "Postgres" ? await PostgresCluster.StartAsync() : null;
            if (template.Provider == "Postgres" && postgres is null)
            {
                continue;
            }

            var store = postgres is null ? template : template with { ConnectionString = postgres.ConnectionString };
            try
            {
                await using var connector = await LimitedConnector.StartAsync(null);
                await FanOutSeed.QueueAsync(store, Staff, connector.ServiceUrl);
                await using var bot = await BotServer.StartAsync(store, new Dictionary<string, string> { ["Map:SeedDemoMap"] = "false", ["Outbox:TenantPerSecond"] = "100000" });
                await WaitForPromptsAsync(connector);
                var script = Path.Combine(Path.GetTempPath(), $"mentorbot-invoke-{Guid.NewGuid():n}.lua");
                await File.WriteAllTextAsync(script, Lua(await OpenPeriodsAsync(store), connector.ServiceUrl));
                await RunWrkAsync(bot.Url, script, 64, 30); // warm-up: tiered JIT and PGO take about half a minute of load to settle
                foreach (var connections in Concurrency)
                {
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"invoke {store.Name} at concurrency {connections} for {seconds} s…"));
                    var (hostCpu, databaseCpu, saved) = (bot.CpuTime, PostgresCpuTime(), await SavedRevisionsAsync(store));
                    var result = await RunWrkAsync(bot.Url, script, connections, seconds);
                    var requests = Math.Max(1, result.RequestsPerSecond * seconds);
                    var persisted = await SavedRevisionsAsync(store) - saved;
                    if (persisted < result.Completed)
                    {
                        throw new InvalidOperationException($"wrk had {result.Completed:N0} answers but only {persisted:N0} new answers were saved: the requests are not being processed.");
                    }

                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  CPU per request: host {(bot.CpuTime - hostCpu).TotalMilliseconds / requests:N3} ms, PostgreSQL processes {(PostgresCpuTime() - databaseCpu).TotalMilliseconds / requests:N3} ms"));
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"| {store.Name} | {connections} | {result.RequestsPerSecond:N0} | {result.P50:N1} | {result.P99:N1} | {result.Errors:N0} | {result.Timeouts:N0} | {bot.PeakRssMegabytes:N0} |"));
                }

                File.Delete(script);
                if (postgres is not null && await PostgresCeiling.MeasureAsync(store.ConnectionString, 64, seconds) is { } ceiling)
                {
                    ceilings.Add(string.Create(CultureInfo.InvariantCulture,
                        $"PostgreSQL alone, on this machine: the same statements from pgbench at 64 clients, one submit per transaction in one round trip, with no HTTP and no host: **{ceiling:N0} submits/s**. MentorBot can pass it because it writes the submits of one moment together (their claims and kept answers in one round trip, their saves in one transaction)."));
                }
            }
            finally
            {
                if (postgres is null)
                {
                    BenchStore.DeleteSqlite(store.ConnectionString);
                }
            }
        }

        await output.WriteLineAsync();
        foreach (var ceiling in ceilings)
        {
            await output.WriteLineAsync(ceiling);
            await output.WriteLineAsync();
        }

        await output.WriteLineAsync("Targets at concurrency 64: ≥ 6,000 requests/s and p99 < 50 ms; zero errors and timeouts at 256; peak RSS ≤ 400 MB. The botbuilder JS 4.23 baseline answering from memory: 2,700–3,000 requests/s at 64.");
    }

    /// <summary>CPU time used so far by every process named postgres on the machine (Linux; zero elsewhere).</summary>
    private static TimeSpan PostgresCpuTime()
    {
        long ticks = 0;
        foreach (var stat in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")) : [])
        {
            try
            {
                var text = File.ReadAllText(stat);
                var close = text.LastIndexOf(')');
                if (close < 0 || !text.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = text[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return TimeSpan.FromMilliseconds(ticks * 10.0); // USER_HZ is 100 on Linux
    }

    /// <summary>Until every staff member's prompt has reached the connector, so no dispatch overlaps the measurement.</summary>
    private static async Task WaitForPromptsAsync(LimitedConnector connector)
    {
        var waited = Stopwatch.StartNew();
        while (connector.Delivered.Count < Staff)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Only {connector.Delivered.Count} of {Staff} check-in prompts were delivered within 60 s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Every revision of every answer saved so far: each request of the benchmark adds one.</summary>
    private static async Task<long> SavedRevisionsAsync(BenchStore store)
    {
        await using var connection = await store.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(revision), 0) FROM checkin_answers");
    }

    /// <summary>Each staff member's open check-in, by their index.</summary>
    private static async Task<IReadOnlyList<string>> OpenPeriodsAsync(BenchStore store)
    {
        await using var connection = await store.OpenAsync();
        var periods = (await connection.QueryAsync<(string PersonId, string Id)>("SELECT person_id, id FROM checkin_periods WHERE status = 'open'"))
            .ToDictionary(p => p.PersonId, p => p.Id, StringComparer.Ordinal);
        return [.. Enumerable.Range(0, Staff).Select(i => periods.TryGetValue(FanOutSeed.StaffId(i), out var id) ? id : throw new InvalidOperationException($"{FanOutSeed.StaffId(i)} has no open check-in."))];
    }

    /// <summary>
    /// A wrk script: each request one of the staff, at random, submitting their own card, with an activity id never sent
    /// before and a new answer, so each one is processed and persisted. Each staff member's part of the body is written
    /// out here, so that per request the script only joins five strings: wrk shares the two cores with the host.
    /// </summary>
    private static string Lua(IReadOnlyList<string> periods, string serviceUrl)
    {
        static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        const string Id = "\"id\":\"";
        var head = "{\"type\":\"invoke\"," + Id;
        var tail = "\",\"learnedShared\":\"true\",\"need\":\"\",\"stuck\":\"\",\"confidence\":\"3\",\"load\":\"2\",\"scoresShared\":\"true\",\"wantsTime\":\"false\"}},\"trigger\":\"manual\"}}";
        string Middle(string period, int i) =>
            "\",\"timestamp\":\"2026-11-23T14:00:00Z\",\"serviceUrl\":\"" + serviceUrl + "\",\"channelId\":\"msteams\"," +
            "\"from\":{\"id\":\"29:" + FanOutSeed.StaffId(i) + "\",\"name\":\"Staff\",\"aadObjectId\":\"" + FanOutSeed.StaffAadObjectId(i) + "\"}," +
            "\"conversation\":{\"conversationType\":\"personal\",\"tenantId\":\"" + FanOutSeed.Tenant + "\",\"id\":\"" + FanOutSeed.Conversation(i) + "\"}," +
            "\"recipient\":{\"id\":\"28:bench-bot\",\"name\":\"MentorBot\"},\"locale\":\"en-US\",\"channelData\":{\"tenant\":{\"id\":\"" + FanOutSeed.Tenant + "\"}}," +
            "\"name\":\"adaptiveCard/action\",\"value\":{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"checkin.submit\",\"data\":{\"verb\":\"checkin.submit\",\"period\":\"" + period + "\"," +
            "\"learned\":\"Learned ";
        var staff = string.Join(",\n", periods.Select((period, i) => $"'{Escape(Middle(period, i))}'"));
        return $$"""
            local counter = 0
            local threads = 0
            local run = "?"
            local head = '{{Escape(head)}}'
            local tail = '{{Escape(tail)}}'
            local staff = {
            {{staff}}
            }
            function setup(thread)
              threads = threads + 1
              thread:set("tid", threads)
            end
            -- wrk's arguments after "--": a name unique to this run, so that no activity id repeats one of an earlier run
            -- (a repeated id is answered from the stored response, not processed).
            function init(args)
              run = args[1]
            end
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            request = function()
              counter = counter + 1
              local id = "bench-" .. run .. "-" .. tid .. "-" .. counter
              return wrk.format(nil, "/api/messages", nil, head .. id .. staff[math.random(1, #staff)] .. id .. tail)
            end
            """;
    }

    private static async Task<WrkResult> RunWrkAsync(string url, string script, int connections, int seconds)
    {
        var start = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", seconds + "s", "--timeout", "5s", "--latency", "-s", script, url, "--", Guid.NewGuid().ToString("n") })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return WrkResult.Parse(text);
    }

    private sealed partial record WrkResult(double RequestsPerSecond, double P50, double P99, long Errors, long Timeouts, long Completed)
    {
        public static WrkResult Parse(string text)
        {
            var completed = (long)Number(CompletedPattern().Match(text).Groups[1].Value);
            var rps = Number(RequestsPattern().Match(text).Groups[1].Value);
            var p50 = Latency(text, "50%");
            var p99 = Latency(text, "99%");
            var socket = SocketErrors().Match(text);
            var timeouts = socket.Success ? (long)Number(socket.Groups[4].Value) : 0;
            var errors = (socket.Success ? (long)(Number(socket.Groups[1].Value) + Number(socket.Groups[2].Value) + Number(socket.Groups[3].Value)) : 0)
                + (long)Number(NonSuccess().Match(text).Groups[1].Value);
            return new WrkResult(rps, p50, p99, errors, timeouts, completed - errors);
        }

        private static double Latency(string text, string percentile)
        {
            var match = Regex.Match(text, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
            if (!match.Success)
            {
                return double.NaN;
            }

            var value = Number(match.Groups[1].Value);
            return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
        }

        private static double Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

        [GeneratedRegex(@"(\d+) requests in ")]
        private static partial Regex CompletedPattern();

        [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
        private static partial Regex RequestsPattern();

        [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
        private static partial Regex SocketErrors();

        [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
        private static partial Regex NonSuccess();
    }
}
