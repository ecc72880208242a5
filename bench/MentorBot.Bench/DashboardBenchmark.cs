using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using MentorBot.Bench.Host;
using MentorBot.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace MentorBot.Bench;

/// <summary>
/// The tab's dashboard over the digest benchmark's organisation (20,000 people, 52 weeks of check-ins) on SQLite and on
/// PostgreSQL, through the real host: signed in (the development sign-in, so the token is checked as in production),
/// <c>GET /tab/api/dashboard</c> for the whole organisation (an admin) and for one unit (its manager): the first
/// request, then 200 warm ones in a row. Then the dashboard page in Debian's headless Chromium, from navigation to the
/// view with its data and charts on screen, five times. Targets: API p95 under 100 ms warm; page ready under 1.5 s.
/// </summary>
internal static class DashboardBenchmark
{
    private const int Warm = 200;
    private const int Pages = 5;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(TextWriter output)
    {
        var rows = await StoreRuns.OnEachAsync("dashboard", MeasureAsync);
        await StoreRuns.PrintAsync(output,
            $"The tab's dashboard API and page over 20,000 people and 52 weeks of check-ins: first request, then {Warm} warm requests in a row (p50, p95, max); the page in headless Chromium {Pages} times (median, max). {Environment.ProcessorCount} cores, browser, host and database on one machine.",
            "| Store | Scope | First request | Warm p50 | Warm p95 | Warm max | Page ready (median; max) | Target |", rows);
    }

    private static async Task<string> MeasureAsync(string store, StorageProvider provider, string connectionString, BulkWriter writer)
    {
        await using (var database = Database.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }))
        {
            await new MigrationRunner(database, new FixedClock(Now), NullLogger<MigrationRunner>.Instance).ApplyAsync(default);
            await DigestBenchmark.SeedAsync(store, database, writer);
        }

        var content = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "MentorBot"));
        await using var bot = await BotServer.StartAsync(new BenchStore(store, provider.ToString(), connectionString), new Dictionary<string, string>
        {
            ["Map:SeedDemoMap"] = "false",
            ["Demo:ClockStartsAt"] = Now.ToString("O", CultureInfo.InvariantCulture),
            ["Tab:DevelopmentSignIn"] = "true",
        }, content);
        using var http = new HttpClient { BaseAddress = new Uri(bot.Url), Timeout = TimeSpan.FromMinutes(2) };
        var rows = new List<string>();
        foreach (var (scope, person, query) in new[] { ("organisation", DigestBenchData.PersonId(0), "?scope=org"), ("one unit (200 people)", DigestBenchData.PersonId(1), string.Empty) })
        {
            var token = await SignInAsync(http, person);
            var first = await TimeAsync(http, token, query);
            var warm = new List<double>();
            for (var i = 0; i < Warm; i++)
            {
                warm.Add(await TimeAsync(http, token, query));
            }

            warm.Sort();
            var p95 = warm[(int)Math.Ceiling(0.95 * warm.Count) - 1];
            var page = scope == "organisation" ? await PageReadyAsync(bot.Url, person) : null;
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {store} {scope}: first {first:N0} ms, warm p95 {p95:N1} ms{(page is null ? string.Empty : $", page {string.Join(", ", page.Select(p => p.ToString("N0", CultureInfo.InvariantCulture)))} ms")}."));
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {store} | {scope} | {first:N0} ms | {warm[warm.Count / 2]:N1} ms | **{p95:N1} ms** | {warm[^1]:N1} ms | {(page is null ? "—" : $"{Median(page):N0} ms; {page.Max():N0} ms")} | p95 < 100 ms: {(p95 < 100 ? "met" : "**missed**")}{(page is null ? string.Empty : $"; page < 1,500 ms: {(Median(page) < 1500 ? "met" : "**missed**")}")} |"));
        }

        return string.Join(Environment.NewLine, rows);
    }

    private static async Task<string> SignInAsync(HttpClient http, string person)
    {
        var response = await http.PostAsJsonAsync("/tab/dev/sign-in", new { person });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["token"]!.GetValue<string>();
    }

    private static async Task<double> TimeAsync(HttpClient http, string token, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tab/api/dashboard" + query);
        request.Headers.Authorization = new("Bearer", token);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        _ = await response.Content.ReadAsByteArrayAsync();
        clock.Stop();
        response.EnsureSuccessStatusCode();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The dashboard page for a signed-in admin: navigation start to the view with its data and charts in place.</summary>
    private static async Task<List<double>> PageReadyAsync(string url, string person)
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            return [];
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        // Signed in once, as Teams would be; each timed load then starts from navigation with a token at hand.
        await page.GotoAsync($"{url}/tab/dashboard?scope=org&as={person}");
        await page.WaitForSelectorAsync("body[data-ready='true'] figure.chart svg", new() { Timeout = 60_000 });
        var times = new List<double>();
        for (var i = 0; i < Pages; i++)
        {
            var clock = Stopwatch.StartNew();
            await page.GotoAsync($"{url}/tab/dashboard?scope=org");
            await page.WaitForSelectorAsync("body[data-ready='true'] figure.chart svg", new() { Timeout = 60_000 });
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }
}
