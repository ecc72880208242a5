using System.Globalization;
using MentorBot.Bench.Host;

namespace MentorBot.Bench;

/// <summary>Start-up to a green /healthz, on an empty database (migrations and the demo map included): three cold starts per store.</summary>
internal static class StartupBenchmark
{
    public static async Task RunAsync(TextWriter output)
    {
        await output.WriteLineAsync("| Store | Cold starts | Median to /healthz (ms) | Slowest (ms) | Target |");
        await output.WriteLineAsync("|---|---:|---:|---:|---|");
        foreach (var template in BenchStore.Available("startup"))
        {
            var times = new List<double>();
            for (var run = 0; run < 3; run++)
            {
                var store = template.Provider == "Sqlite" ? BenchStore.Available("startup")[0] : template;
                await using var bot = await BotServer.StartAsync(store);
                times.Add(bot.Startup.TotalMilliseconds);
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"startup {template.Name} #{run + 1}: {bot.Startup.TotalMilliseconds:N0} ms"));
            }

            times.Sort();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {template.Name} | {times.Count} | {times[1]:N0} | {times[^1]:N0} | ≤ 3,000 ms |"));
        }
    }
}
