using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace MentorBot.E2E;

/// <summary>
/// The real thing, end to end: MentorBot started as a process with its run-command defaults (Development auth,
/// SQLite, demo map), the Microsoft 365 Agents Playground started against it, and Debian's Chromium driven by
/// Playwright. Logs and screenshots go to artifacts/e2e.
/// </summary>
public class PlaygroundSession : IAsyncLifetime
{
    private readonly List<Process> _processes = [];
    private readonly Dictionary<string, int> _playgrounds = new(StringComparer.Ordinal);
    private IPlaywright? _playwright;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts", "e2e")).FullName;

    public int BotPort { get; } = FreePort();

    public int PlaygroundPort { get; } = FreePort();

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("mentorbot-e2e-").FullName;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// The first page opened: the playground installs the bot when it connects, so this is where the one welcome
    /// card of the conversation appears. Later pages are fresh chats on the same conversation.
    /// </summary>
    public IPage FirstPage { get; private set; } = null!;

    public string PlaygroundUrl => $"http://127.0.0.1:{PlaygroundPort}/";

    public async Task InitializeAsync()
    {
        var e2e = Path.Combine(RepositoryRoot, "tests", "MentorBot.E2E");
        if (!Directory.Exists(Path.Combine(e2e, "node_modules", "@microsoft", "m365agentsplayground")))
        {
            throw new InvalidOperationException("The Agents Playground is not installed. Run scripts/test.sh once, or `npm ci` in tests/MentorBot.E2E.");
        }

        if (!File.Exists("/usr/bin/chromium"))
        {
            throw new InvalidOperationException("Debian's chromium is not installed. Run scripts/test.sh once, or `apt-get install chromium`.");
        }

        var environment = new Dictionary<string, string>(BotEnvironment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = $"Data Source={Path.Combine(WorkDirectory, "mentorbot.db")}",
            ["Map__SeedDemoMap"] = "true",
        };

        // The demo pulse would otherwise land in the playground users' chats in the middle of other tests; a session that wants it turns it on.
        environment.TryAdd("Pulse__LibraryEnabled", "false");
        environment.TryAdd("Demo__SeedHistory", "false"); // made-up history changes what coaching and matching see; the digest session turns it on
        Start("bot", "dotnet", [Path.Combine(AppContext.BaseDirectory, "MentorBot.dll"), "--urls", $"http://127.0.0.1:{BotPort}", "--contentRoot", Path.Combine(RepositoryRoot, "src", "MentorBot")],
            WorkDirectory, environment);
        await WaitForAsync($"http://127.0.0.1:{BotPort}/healthz", TimeSpan.FromSeconds(60));

        File.Copy(Path.Combine(e2e, "playground", ".m365agentsplayground.yml"), Path.Combine(WorkDirectory, ".m365agentsplayground.yml"));
        await StartPlaygroundAsync("playground", WorkDirectory, PlaygroundPort);
        _playgrounds[PlaygroundUsers.Alex] = PlaygroundPort;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        FirstPage = await OpenAsync();
    }

    /// <summary>Put before the names of this session's logs, so that two sessions never write the same file.</summary>
    protected virtual string ArtifactPrefix => string.Empty;

    /// <summary>Extra environment for the bot process (a subclass may move the clock or shorten a delay).</summary>
    protected virtual IReadOnlyDictionary<string, string> BotEnvironment { get; } = new Dictionary<string, string>();

    /// <summary>A fresh page on the playground as Alex, phone-sized or desktop-sized.</summary>
    public Task<IPage> OpenAsync(bool phone = false) => OpenPageAsync(PlaygroundUrl, phone);

    /// <summary>
    /// A fresh page on a playground signed in as another of its default users (one of <see cref="PlaygroundUsers"/>):
    /// each user gets their own playground process against the same bot, so their 1:1 chats are separate.
    /// </summary>
    public async Task<IPage> OpenAsAsync(string user, bool phone = false)
    {
        if (!_playgrounds.TryGetValue(user, out var port))
        {
            port = FreePort();
            var directory = Directory.CreateDirectory(Path.Combine(WorkDirectory, "as-" + user)).FullName;
            await File.WriteAllTextAsync(Path.Combine(directory, ".m365agentsplayground.yml"), PlaygroundUsers.Configuration(user));
            await StartPlaygroundAsync("playground-" + user, directory, port);
            _playgrounds[user] = port;
        }

        return await OpenPageAsync($"http://127.0.0.1:{port}/", phone);
    }

    private async Task StartPlaygroundAsync(string name, string directory, int port)
    {
        var e2e = Path.Combine(RepositoryRoot, "tests", "MentorBot.E2E");
        Start(name, "node", [Path.Combine(e2e, "playground", "host.js"), "-e", $"http://127.0.0.1:{BotPort}/api/messages", "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dt"],
            directory, new() { ["TEAMSAPPTESTER_BROWSER"] = "none" });
        await WaitForAsync($"http://127.0.0.1:{port}/", TimeSpan.FromSeconds(90));
    }

    private async Task<IPage> OpenPageAsync(string url, bool phone)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = phone ? new() { Width = 412, Height = 915 } : new() { Width = 1400, Height = 900 } });

        // The playground page asks a CDN for fonts; this machine has no internet, so anything off loopback is refused at once.
        await context.RouteAsync("**/*", route => Uri.TryCreate(route.Request.Url, UriKind.Absolute, out var url) && !url.IsLoopback && url.Scheme is "http" or "https"
            ? route.AbortAsync()
            : route.ContinueAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("[data-lexical-editor=\"true\"]").WaitForAsync(new() { Timeout = 60_000 });
        return page;
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var process in _processes)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                // Already gone.
            }

            process.Dispose();
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

    private void Start(string name, string file, string[] arguments, string workingDirectory, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        var log = new StreamWriter(Path.Combine(Artifacts, ArtifactPrefix + name + ".log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private async Task WaitForAsync(string url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_processes.FirstOrDefault(p => p.HasExited) is { } dead)
            {
                throw new InvalidOperationException($"A process exited early (code {dead.ExitCode}); see {Artifacts}.");
            }

            try
            {
                if ((await http.GetAsync(url)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer; try again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{url} did not answer within {timeout}; see the logs in {Artifacts}.");
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

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MentorBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MentorBot.sln not found.");
    }
}

[CollectionDefinition(Name)]
public sealed class PlaygroundCollection : ICollectionFixture<PlaygroundSession>
{
    public const string Name = "playground";
}
