using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace MentorBot.E2E;

/// <summary>
/// The Teams tab in a browser: MentorBot started as a process (Development, its own SQLite file, the demo map and its
/// made-up history, so that dashboards have figures) and Debian's Chromium. The tab needs no Agents Playground: outside
/// Teams its development sign-in (<c>?as=&lt;person id&gt;</c>) stands in for Teams single sign-on. One bot and one
/// browser serve every tab test; each test opens its own browser context. The bot's log goes to artifacts/e2e.
/// </summary>
public sealed class TabSession : IAsyncLifetime
{
    private Process? _bot;
    private IPlaywright? _playwright;

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(PlaygroundSession.RepositoryRoot, "artifacts", "tab-screenshots")).FullName;

    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort()}";

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("mentorbot-tab-").FullName;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            throw new InvalidOperationException("Debian's chromium is not installed. Run scripts/test.sh once, or `apt-get install chromium`.");
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = WorkDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "MentorBot.dll"), "--urls", BaseUrl, "--contentRoot", Path.Combine(PlaygroundSession.RepositoryRoot, "src", "MentorBot")])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(WorkDirectory, "mentorbot.db")}";
        start.Environment["Map__SeedDemoMap"] = "true";
        start.Environment["Demo__SeedHistory"] = "true";
        start.Environment["Tab__DevelopmentSignIn"] = "true";
        start.Environment["Pulse__LibraryEnabled"] = "false";
        _bot = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        var log = new StreamWriter(Path.Combine(PlaygroundSession.Artifacts, "tab-bot.log")) { AutoFlush = true };
        _bot.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        _bot.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        _bot.BeginOutputReadLine();
        _bot.BeginErrorReadLine();
        await WaitForHealthAsync(TimeSpan.FromSeconds(90));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>
    /// A fresh browser context signed in as <paramref name="person"/> on <c>/tab/&lt;page&gt;</c>, once the view has
    /// loaded (<c>body[data-ready="true"]</c>). Console errors and page errors are collected from the start.
    /// </summary>
    public async Task<TabPageSession> OpenAsync(string person, string page, bool phone = false, string? theme = null, string? query = null)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = phone ? new() { Width = 360, Height = 740 } : new() { Width = 1280, Height = 900 } });
        await context.RouteAsync(url => !new Uri(url).IsLoopback, StandIn);
        var tab = new TabPageSession(context, await context.NewPageAsync());
        var viewResponse = tab.Page.WaitForResponseAsync(r => new Uri(r.Url).AbsolutePath == $"/tab/views/{page}");
        tab.Opened.Start();
        await tab.Page.GotoAsync($"{BaseUrl}/tab/{page}?as={Uri.EscapeDataString(person)}{(theme is null ? string.Empty : "&theme=" + theme)}{(query is null ? string.Empty : "&" + query)}");
        tab.ViewStatus = (await viewResponse).Status;
        await tab.Page.Locator("body[data-ready=\"true\"]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        tab.Opened.Stop();
        return tab;
    }

    /// <summary>
    /// Nothing leaves the machine (it has no internet): TeamsJS's list of trusted Teams domains, which it fetches from
    /// its CDN as it loads, is answered here; any other request off this host is refused, and so shows as a console error.
    /// </summary>
    private static Task StandIn(IRoute route) => route.Request.Url.StartsWith("https://res.cdn.office.net/teams-js/validDomains/", StringComparison.Ordinal)
        ? route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
            Body = """{"validOrigins":["teams.microsoft.com","*.teams.microsoft.com","teams.cloud.microsoft","*.cloud.microsoft"]}""",
        })
        : route.AbortAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_bot is not null)
        {
            try
            {
                if (!_bot.HasExited)
                {
                    _bot.Kill(entireProcessTree: true);
                    await _bot.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                // Already gone.
            }

            _bot.Dispose();
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private async Task WaitForHealthAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_bot!.HasExited)
            {
                throw new InvalidOperationException($"The bot exited early (code {_bot.ExitCode}); see {PlaygroundSession.Artifacts}/tab-bot.log.");
            }

            try
            {
                if ((await http.GetAsync($"{BaseUrl}/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or slow to answer.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{BaseUrl}/healthz did not answer within {timeout}; see {PlaygroundSession.Artifacts}/tab-bot.log.");
            }

            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One signed-in tab in its own browser context, with what its console said.</summary>
public sealed class TabPageSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    public TabPageSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") { lock (Errors) { Errors.Add(message.Text); } } };
        page.PageError += (_, error) => { lock (Errors) { Errors.Add(error); } };
    }

    public IPage Page { get; }

    /// <summary>The status of the first view the tab loaded (403 for a page the reader may not open).</summary>
    public int ViewStatus { get; internal set; }

    public List<string> Errors { get; } = [];

    /// <summary>From the start of navigation until the view was ready (signing in included).</summary>
    public Stopwatch Opened { get; } = new();

    /// <summary>
    /// Console errors other than the browser's own note of the refused view itself ("the server responded with a
    /// status of 403"), which a refusal is expected to produce.
    /// </summary>
    public IReadOnlyList<string> UnexpectedErrors()
    {
        lock (Errors)
        {
            return [.. Errors.Where(e => !(ViewStatus == 403 && e.Contains("status of 403", StringComparison.Ordinal)))];
        }
    }

    /// <summary>Marks the shown view, then waits until the tab has swapped in another one after <paramref name="action"/>.</summary>
    public async Task ReloadsViewAfterAsync(Func<Task> action)
    {
        await Page.EvaluateAsync("() => document.querySelector('#view .view').dataset.stale = 'true'");
        await action();
        await Page.Locator("#view .view:not([data-stale])").WaitForAsync();
        await Page.Locator("body[data-ready=\"true\"]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public ValueTask DisposeAsync() => new(_context.CloseAsync());
}

[CollectionDefinition(Name)]
public sealed class TabCollection : ICollectionFixture<TabSession>
{
    public const string Name = "tab";
}
