using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bench.Host;

/// <summary>
/// A Bot Connector on loopback for the fan-out benchmark: <c>POST /v3/conversations/{id}/activities</c> answers 201
/// with an id, and counts what each conversation received. With limits on it enforces Teams' documented ones over
/// sliding windows (per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s; per tenant <see cref="TenantPerSecond"/> in 1 s)
/// and answers 429 with a Retry-After (whole seconds, as Teams sends it) past them. A refused send is not counted.
/// </summary>
internal sealed class LimitedConnector : IAsyncDisposable
{
    private static readonly (long Window, int Limit)[] ConversationLimits =
        [(Stopwatch.Frequency, 7), (2 * Stopwatch.Frequency, 8), (30 * Stopwatch.Frequency, 60)];

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<long>> _recent = new(StringComparer.Ordinal);
    private readonly Queue<long> _tenant = new();
    private long _requests;
    private long _throttled;
    private long _firstAccepted;
    private long _lastAccepted;

    private LimitedConnector(WebApplication app, int? tenantPerSecond)
    {
        _app = app;
        TenantPerSecond = tenantPerSecond;
    }

    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Null: no limits at all (the raw dispatch run).</summary>
    public int? TenantPerSecond { get; }

    /// <summary>Accepted sends per conversation.</summary>
    public ConcurrentDictionary<string, int> Delivered { get; } = new(StringComparer.Ordinal);

    public long Accepted => Delivered.Values.Sum(n => (long)n);

    public long Requests => Interlocked.Read(ref _requests);

    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>From the first accepted send to the last: the steady part of the fan-out.</summary>
    public TimeSpan AcceptingSpan => Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstAccepted), Interlocked.Read(ref _lastAccepted));

    public long FirstAcceptedTimestamp => Interlocked.Read(ref _firstAccepted);

    public long LastAcceptedTimestamp => Interlocked.Read(ref _lastAccepted);

    public static async Task<LimitedConnector> StartAsync(int? tenantPerSecond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new LimitedConnector(app, tenantPerSecond);
        app.MapPost("/v3/conversations/{conversation}/activities", connector.HandleAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First().TrimEnd('/') + "/";
        return connector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> HandleAsync(string conversation, HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        var now = Stopwatch.GetTimestamp();
        if (Admit(conversation, now) is { } wait)
        {
            Interlocked.Increment(ref _throttled);
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.Json(new { error = new { code = "TooManyRequests", message = "Too many requests." } }, statusCode: 429);
        }

        Delivered.AddOrUpdate(conversation, 1, (_, n) => n + 1);
        Interlocked.CompareExchange(ref _firstAccepted, now, 0);
        InterlockedMax(ref _lastAccepted, now);
        return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
    }

    /// <summary>Null when the send is within every limit (and is then counted against them); else how long until it would be.</summary>
    private TimeSpan? Admit(string conversation, long now)
    {
        if (TenantPerSecond is not { } tenantLimit)
        {
            return null;
        }

        lock (_gate)
        {
            if (!_recent.TryGetValue(conversation, out var sends))
            {
                _recent[conversation] = sends = new Queue<long>();
            }

            Trim(sends, now, 30 * Stopwatch.Frequency);
            Trim(_tenant, now, Stopwatch.Frequency);
            var wait = Wait(_tenant, now, Stopwatch.Frequency, tenantLimit);
            foreach (var (window, limit) in ConversationLimits)
            {
                wait = Max(wait, Wait(sends, now, window, limit));
            }

            if (wait is not null)
            {
                return wait;
            }

            sends.Enqueue(now);
            _tenant.Enqueue(now);
            return null;
        }
    }

    /// <summary>With <paramref name="limit"/> sends in the window already, the time until the oldest that counts leaves it.</summary>
    private static TimeSpan? Wait(Queue<long> sends, long now, long window, int limit)
    {
        var inWindow = sends.Count(t => now - t < window);
        if (inWindow < limit)
        {
            return null;
        }

        var blocking = sends.Where(t => now - t < window).ElementAt(inWindow - limit);
        return Stopwatch.GetElapsedTime(now, blocking + window);
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static void Trim(Queue<long> sends, long now, long window)
    {
        while (sends.TryPeek(out var oldest) && now - oldest >= window)
        {
            sends.Dequeue();
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
