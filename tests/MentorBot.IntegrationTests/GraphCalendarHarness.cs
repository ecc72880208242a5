using System.Collections.Concurrent;
using Azure.Core;
using MentorBot.Features.Booking;
using MentorBot.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MentorBot.IntegrationTests;

/// <summary>
/// A <see cref="GraphCalendarProvider"/> over a real <see cref="GraphClient"/> talking to <see cref="FakeGraphServer"/>
/// on loopback, with a <see cref="SteppingClock"/> (retries wait no real time) and every log line kept, so tests can
/// check nothing personal was written. No host and no database: these tests are the same on SQLite and PostgreSQL.
/// </summary>
internal sealed class GraphCalendarHarness : IAsyncDisposable
{
    public const string AlexAad = "00000000-0000-0000-0000-0000000000020";
    public const string MeganAad = "00000000-0000-0000-0000-0000000000021";
    public const string AlexEmail = "alex.wilber@riversidecare.example";
    public const string MeganEmail = "megan.bowen@riversidecare.example";

    private readonly ServiceProvider _services;

    private GraphCalendarHarness(FakeGraphServer graph, string? baseUrl, int maxAttempts)
    {
        Graph = graph;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = baseUrl ?? graph.BaseUrl,
            ["Graph:TenantId"] = "tenant",
            ["Graph:ClientId"] = "client",
            ["Graph:ClientSecret"] = "secret",
            ["Graph:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();

        // The same registration as the host (the SDK's middleware, retries on the injected clock), with the stepping clock.
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Clock)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(Logs)))
            .AddGraph()
            .Replace(ServiceDescriptor.Singleton(new GraphCredential(new StaticToken())))
            .BuildServiceProvider();
        Client = _services.GetRequiredService<GraphClient>();
        Provider = new GraphCalendarProvider(Client, _services.GetRequiredService<ILogger<GraphCalendarProvider>>());
    }

    public FakeGraphServer Graph { get; }

    public SteppingClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));

    public GraphClient Client { get; }

    public GraphCalendarProvider Provider { get; }

    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>The mentor: Alex, whose calendar keeps Pacific working hours (Graph names the zone the Windows way).</summary>
    public static CalendarPerson Alex { get; } = new("alex-wilber", AlexAad, AlexEmail, "Alex Wilber");

    public static CalendarPerson Megan { get; } = new("megan-bowen", MeganAad, MeganEmail, "Megan Bowen");

    public FakeCalendar AlexCalendar { get; private set; } = null!;

    public FakeCalendar MeganCalendar { get; private set; } = null!;

    /// <summary>Starts a fake Graph with Alex's and Megan's calendars; <paramref name="baseUrl"/> points the client elsewhere.</summary>
    public static async Task<GraphCalendarHarness> StartAsync(int maxAttempts = 5, string? baseUrl = null)
    {
        var graph = await FakeGraphServer.StartAsync();
        var harness = new GraphCalendarHarness(graph, baseUrl, maxAttempts)
        {
            AlexCalendar = graph.AddCalendar(AlexAad, AlexEmail).WorkingHours("Pacific Standard Time", "07:00:00.0000000", "15:30:00.0000000"),
            MeganCalendar = graph.AddCalendar(MeganAad, MeganEmail).WorkingHours("Europe/Madrid"),
        };
        return harness;
    }

    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    public static MeetingDraft Draft(DateTimeOffset start, string transactionId = "booking-1-attempt-1") =>
        new(Alex, Megan, start, start.AddMinutes(30), "Mentoring: Alex and Megan", transactionId);

    public async Task<IReadOnlyList<Availability>> ReadAsync(DateTimeOffset from, DateTimeOffset to, params CalendarPerson[] people)
    {
        var outcome = await Provider.GetAvailabilityAsync(people.Length == 0 ? [Alex, Megan] : people, from, to, default);
        return Assert.IsType<AvailabilityOutcome.Read>(outcome).People;
    }

    public async ValueTask DisposeAsync()
    {
        await Graph.DisposeAsync();
        await _services.DisposeAsync();
        foreach (var line in Logs)
        {
            Assert.DoesNotContain("@", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Megan", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Alex", line, StringComparison.Ordinal);
        }
    }

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("graph-test-token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{eventId.Id} {formatter(state, exception)}");
    }
}
