using System.Net.Http.Json;
using Azure.Core;
using MentorBot.Outbox;
using MentorBot.Scheduling;
using MentorBot.Teams;
using MentorBot.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The whole MentorBot host in-process on a throwaway database, with a clock the test moves and every outbound
/// HTTP call intercepted. A call nobody expected fails the test when the host is disposed.
/// </summary>
internal sealed class MentorBotHost : WebApplicationFactory<Program>
{
    public const string ServiceUrl = "https://smba.test/amer/";
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly bool _ownsTokens;
    private readonly bool _ownsDatabase;
    private Action<IServiceCollection>? _services;
    private readonly System.Collections.Concurrent.ConcurrentBag<IServiceScope> _scopes = [];

    private MentorBotHost(TestDatabase database, string environment, IReadOnlyDictionary<string, string?> settings, TestTokenIssuer? tokens = null, bool ownsDatabase = true)
    {
        _ownsDatabase = ownsDatabase;
        Tokens = tokens ?? new TestTokenIssuer();
        _ownsTokens = tokens is null;
        _database = database;
        _environment = environment;
        _settings = settings;
        Connector.OnJson(HttpMethod.Post, ServiceUrl, """{"id":"bot-activity-1"}""");
        Connector.OnJson(HttpMethod.Put, ServiceUrl, """{"id":"bot-activity-1"}""");
        Connector.On(HttpMethod.Get, TestTokenIssuer.MetadataUrl, _ => RecordingHandler.Json(Tokens.MetadataJson));
        Connector.On(HttpMethod.Get, TestTokenIssuer.JwksUrl, _ => RecordingHandler.Json(Tokens.JwksJson));
    }

    public HostClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));

    public RecordingHandler Connector { get; } = new();

    public TestTokenIssuer Tokens { get; }

    public string Provider => _database.Provider;

    public string ConnectionString => _database.ConnectionString;

    /// <summary>Starts a host with development auth (no app id), as the README's run command does.</summary>
    public static Task<MentorBotHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync("Development", settings);

    /// <summary>A development host with some services replaced (a slow calendar, for instance).</summary>
    public static async Task<MentorBotHost> StartWithAsync(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection> services)
    {
        var database = await TestDatabase.CreateAsync();
        var host = new MentorBotHost(database, "Development", settings ?? new Dictionary<string, string?>()) { _services = services };
        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>Starts a host that authenticates every activity, as production does.</summary>
    public static Task<MentorBotHost> StartAuthenticatedAsync(IReadOnlyDictionary<string, string?>? settings = null, TestTokenIssuer? tokens = null) =>
        StartAuthenticatedWithAsync(settings, tokens, null);

    /// <summary>An authenticating host with some services replaced (the bot's real credential against a local authority, for instance).</summary>
    public static Task<MentorBotHost> StartAuthenticatedWithAsync(IReadOnlyDictionary<string, string?>? settings, TestTokenIssuer? tokens, Action<IServiceCollection>? services)
    {
        var all = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:TenantId"] = "bot-tenant",
            ["Bot:ClientSecret"] = "test-secret",
            ["Bot:OpenIdMetadataUrl"] = TestTokenIssuer.MetadataUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return StartAsync("Production", all, tokens, services);
    }

    /// <summary>A development host on a database the caller owns and keeps after this host is gone.</summary>
    public static async Task<MentorBotHost> StartOnAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var host = new MentorBotHost(database, "Development", settings ?? new Dictionary<string, string?>(), null, ownsDatabase: false) { _services = services };
        await host.WaitUntilHealthyAsync();
        return host;
    }

    public static async Task<MentorBotHost> StartAsync(string environment, IReadOnlyDictionary<string, string?>? settings, TestTokenIssuer? tokens = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync();
        var host = new MentorBotHost(database, environment, settings ?? new Dictionary<string, string?>(), tokens) { _services = services };
        await host.WaitUntilHealthyAsync();
        return host;
    }

    public async Task WaitUntilHealthyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync("/healthz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The host did not become healthy: " + await response.Content.ReadAsStringAsync());
            }

            await Task.Delay(25);
        }
    }

    /// <summary>The recurring jobs the features declare that look at what is due every few minutes.</summary>
    public static readonly string[] MetronomeJobs =
        ["checkins", "circle-debriefs", "calibration", "quarterly-reviews", "concerns", "pulses", "unreachable-report", "booking-recovery", "digests"];

    /// <summary>Runs one recurring job once, as Hangfire's worker would: through the runner, its lock and a scope of its own.</summary>
    public async Task RunJobAsync(string id)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduledJobRunner>().RunAsync(id, default);
    }

    /// <summary>One round of every job that opens what is due (check-ins, debriefs, reviews, digests and the rest).</summary>
    public async Task RunMetronomeAsync()
    {
        foreach (var id in MetronomeJobs)
        {
            await RunJobAsync(id);
        }
    }

    public async Task<HttpResponseMessage> PostActivityAsync(string json, string? bearerToken = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await client.SendAsync(request);
    }

    public string IssueToken(Action<System.Text.Json.Nodes.JsonObject>? payload = null, string serviceUrl = ServiceUrl) =>
        Tokens.Issue(AppId, serviceUrl, Clock.GetUtcNow(), payload);

    /// <summary>Requests that went to the connector (the service URL), in order.</summary>
    public IReadOnlyList<RecordedRequest> Sent => Connector.To(ServiceUrl);

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A scoped service (as a request or a job would get it), from a scope the host disposes at the end.</summary>
    public T Scoped<T>()
        where T : notnull
    {
        var scope = Services.CreateScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            scope.Dispose();
        }

        await base.DisposeAsync();
        if (_ownsTokens)
        {
            Tokens.Dispose();
        }

        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }

        Assert.True(Connector.Unexpected.IsEmpty, $"{Connector.Unexpected.Count} unexpected outbound calls, the first: " + string.Join(", ", Connector.Unexpected.Take(5)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Storage:Provider", _database.Provider);
        builder.UseSetting("Storage:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("MENTORBOT_TEST_LOGLEVEL") ?? "Warning");
        builder.UseSetting("Connector:BaseDelay", "00:00:00.010");
        builder.UseSetting("Map:SeedDemoMap", "true");
        builder.UseSetting("Demo:SeedHistory", "false");

        // Tests run jobs directly (RunJobAsync): Hangfire's server is off, and the outbox worker is slowed down so it
        // never races them. Tests of the scheduler itself turn the server on.
        builder.UseSetting("Outbox:PollInterval", "00:10:00");
        builder.UseSetting("Scheduling:RunServer", "false");

        // The demo pulse would otherwise open at start and reach the playground users every test talks to.
        builder.UseSetting("Pulse:LibraryEnabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => Connector));
            services.RemoveAll<BotCredential>();
            services.AddSingleton(new BotCredential(_settings.ContainsKey("Bot:AppId") ? new FakeCredential(Clock) : null));
            services.RemoveAll<MentorBot.Graph.GraphCredential>();
            services.AddSingleton(new MentorBot.Graph.GraphCredential(_settings.ContainsKey("Graph:ClientId") ? new FakeCredential(Clock) : null));
            _services?.Invoke(services);
        });
    }

    private sealed class FakeCredential(TimeProvider clock) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("outbound-test-token", clock.GetUtcNow().AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
