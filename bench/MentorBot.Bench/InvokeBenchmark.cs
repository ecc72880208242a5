using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using MentorBot.Bench.Host;

namespace MentorBot.Bench;

/// <summary>
/// The check-in card's submit (an authorised, persisted adaptiveCard/action invoke that returns the summary card)
/// against the real host with Debian's wrk on the same machine, at concurrency 1, 64 and 256, on SQLite and PostgreSQL.
/// Every request carries a new activity id and a new answer, so every one is written.
/// </summary>
internal static partial class InvokeBenchmark
{
    private static readonly int[] Concurrency = [1, 64, 256];

    public static async Task RunAsync(TextWriter output)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            await output.WriteLineAsync("wrk is not installed: run the benchmarks with scripts/bench.sh, which installs it.");
            return;
        }

        var seconds = int.TryParse(Environment.GetEnvironmentVariable("MENTORBOT_BENCH_SECONDS"), out var s) ? s : 10;
        await output.WriteLineAsync("| Store | Concurrency | Requests/s | p50 ms | p99 ms | Errors | Timeouts | Peak RSS MB |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var store in BenchStore.Available("invoke"))
        {
            await using var bot = await BotServer.StartAsync(store);
            var period = await OpenCheckInAsync(bot, store);
            var script = Path.Combine(Path.GetTempPath(), $"mentorbot-invoke-{Guid.NewGuid():n}.lua");
            await File.WriteAllTextAsync(script, Lua(period));
            await RunWrkAsync(bot.Url, script, 64, 30); // warm-up: tiered JIT and PGO take about half a minute of load to settle
            foreach (var connections in Concurrency)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"invoke {store.Name} at concurrency {connections} for {seconds} s…"));
                var result = await RunWrkAsync(bot.Url, script, connections, seconds);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {store.Name} | {connections} | {result.RequestsPerSecond:N0} | {result.P50:N1} | {result.P99:N1} | {result.Errors:N0} | {result.Timeouts:N0} | {bot.PeakRssMegabytes:N0} |"));
            }

            File.Delete(script);
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("Targets at concurrency 64: ≥ 6,000 requests/s and p99 < 50 ms; zero errors and timeouts at 256; peak RSS ≤ 400 MB. The botbuilder JS 4.23 baseline answering from memory: 2,700–3,000 requests/s at 64.");
    }

    private static async Task<string> OpenCheckInAsync(BotServer bot, BenchStore store)
    {
        using var http = new HttpClient();
        using var content = new StringContent(Activity("message", "open-1", """ "text":"check in" """), System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync(bot.Url + "/api/messages", content)).EnsureSuccessStatusCode();
        await using System.Data.Common.DbConnection connection = store.Provider == "Sqlite"
            ? new Microsoft.Data.Sqlite.SqliteConnection(store.ConnectionString)
            : new Npgsql.NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT id FROM checkin_periods WHERE person_id = 'alex-wilber' AND id LIKE 'adhoc:%' ORDER BY opens_at_ms DESC LIMIT 1")
            ?? throw new InvalidOperationException("No check-in was opened for Alex.");
    }

    private static string Activity(string type, string id, string extra) =>
        "{\"type\":\"" + type + "\",\"id\":\"" + id + "\",\"timestamp\":\"2026-11-23T14:00:00Z\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"channelId\":\"msteams\"," +
        "\"from\":{\"id\":\"29:alex\",\"name\":\"Alex Wilber\",\"aadObjectId\":\"00000000-0000-0000-0000-0000000000020\"}," +
        "\"conversation\":{\"conversationType\":\"personal\",\"tenantId\":\"00000000-0000-0000-0000-0000000000001\",\"id\":\"a:bench-alex\"}," +
        "\"recipient\":{\"id\":\"28:bot\",\"name\":\"MentorBot\"},\"locale\":\"en-US\",\"channelData\":{\"tenant\":{\"id\":\"00000000-0000-0000-0000-0000000000001\"}}," + extra + "}";

    /// <summary>A wrk script: each request a new activity id and a new answer, so each one is persisted.</summary>
    private static string Lua(string period)
    {
        var value = "\"name\":\"adaptiveCard/action\",\"value\":{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"checkin.submit\",\"data\":{\"verb\":\"checkin.submit\",\"period\":\"" + period +
            "\",\"learned\":\"LEARNED\",\"learnedShared\":\"true\",\"need\":\"\",\"stuck\":\"\",\"confidence\":\"3\",\"load\":\"2\",\"scoresShared\":\"true\",\"wantsTime\":\"false\"}},\"trigger\":\"manual\"}";
        var body = Activity("invoke", "ID", value).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        return $$"""
            local counter = 0
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("tid", threads)
            end
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            local template = '{{body}}'
            request = function()
              counter = counter + 1
              local id = "bench-" .. tid .. "-" .. counter .. "-" .. math.random(1, 1000000000)
              local body = template:gsub('"ID"', '"' .. id .. '"'):gsub('LEARNED', 'Learned ' .. id)
              return wrk.format(nil, "/api/messages", nil, body)
            end
            """;
    }

    private static async Task<WrkResult> RunWrkAsync(string url, string script, int connections, int seconds)
    {
        var start = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", seconds + "s", "--timeout", "5s", "--latency", "-s", script, url })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return WrkResult.Parse(text);
    }

    private sealed partial record WrkResult(double RequestsPerSecond, double P50, double P99, long Errors, long Timeouts)
    {
        public static WrkResult Parse(string text)
        {
            var rps = Number(RequestsPattern().Match(text).Groups[1].Value);
            var p50 = Latency(text, "50%");
            var p99 = Latency(text, "99%");
            var socket = SocketErrors().Match(text);
            var timeouts = socket.Success ? (long)Number(socket.Groups[4].Value) : 0;
            var errors = (socket.Success ? (long)(Number(socket.Groups[1].Value) + Number(socket.Groups[2].Value) + Number(socket.Groups[3].Value)) : 0)
                + (long)Number(NonSuccess().Match(text).Groups[1].Value);
            return new WrkResult(rps, p50, p99, errors, timeouts);
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

        [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
        private static partial Regex RequestsPattern();

        [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
        private static partial Regex SocketErrors();

        [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
        private static partial Regex NonSuccess();
    }
}
