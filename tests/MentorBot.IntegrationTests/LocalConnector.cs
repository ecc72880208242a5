using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MentorBot.IntegrationTests;

/// <summary>
/// A Bot Connector on loopback that records every activity it receives, per conversation. With limits on, it answers
/// 429 with Retry-After when a conversation gets more than 7 sends in a second or the tenant more than
/// <see cref="TenantPerSecond"/> (50, as Teams does; a test may raise it to keep a large fan-out short).
/// </summary>
internal sealed class LocalConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<long>> _recent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<long> _tenant = new();

    private LocalConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<(string Conversation, JsonObject Activity)> Received { get; } = new();

    public int Throttled;

    public bool EnforceLimits { get; set; }

    /// <summary>The tenant's sends per sliding second when limits are enforced; the per-conversation 7 never changes.</summary>
    public int TenantPerSecond { get; set; } = 50;

    /// <summary>Decides a fault for each request to a conversation (the reliability suite's faulty connector).</summary>
    public Func<string, ConnectorFault>? Faults { get; set; }

    public ConcurrentDictionary<ConnectorFault, int> FaultCounts { get; } = new();

    /// <summary>
    /// Asked before an activity is accepted, with how many were accepted so far. False refuses it with a 503 and does
    /// not record it: a test uses this to kill the sender between two sends.
    /// </summary>
    public Func<int, bool>? Admit { get; set; }

    /// <summary>Starts a connector; on <paramref name="port"/> when given (one that came back after an outage), else on a free port.</summary>
    public static async Task<LocalConnector> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var connector = new LocalConnector(app);
        app.MapPost("/v3/conversations/{conversation}/activities", async (string conversation, HttpContext context) =>
        {
            var fault = connector.Faults?.Invoke(conversation) ?? ConnectorFault.None;
            if (fault != ConnectorFault.None)
            {
                connector.FaultCounts.AddOrUpdate(fault, 1, (_, n) => n + 1);
                switch (fault)
                {
                    case ConnectorFault.Throttle:
                        context.Response.Headers.RetryAfter = "1";
                        return Results.Json(new { error = new { code = "TooManyRequests" } }, statusCode: 429);
                    case ConnectorFault.Unavailable:
                        return Results.StatusCode(503);
                    case ConnectorFault.Blocked:
                        return Results.Json(new { error = new { code = "MessageWritesBlocked", message = "Thread is blocked." } }, statusCode: 403);
                    default:
                        // A timeout: nothing is recorded and no answer comes before the client gives up.
                        await Task.Delay(TimeSpan.FromSeconds(6), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                        context.Abort();
                        return Results.Empty;
                }
            }

            if (connector.EnforceLimits && connector.OverLimit(conversation))
            {
                Interlocked.Increment(ref connector.Throttled);
                context.Response.Headers.RetryAfter = "1";
                return Results.Json(new { error = new { code = "TooManyRequests" } }, statusCode: 429);
            }

            var activity = (await System.Text.Json.JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body))!;
            lock (connector.Received)
            {
                if (connector.Admit is { } admit && !admit(connector.Received.Count))
                {
                    return Results.StatusCode(503);
                }

                connector.Received.Enqueue((conversation, activity));
            }

            return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
        });
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First().TrimEnd('/') + "/";
        return connector;
    }

    public IReadOnlyList<JsonObject> To(string conversation) => [.. Received.Where(r => r.Conversation == conversation).Select(r => r.Activity)];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private bool OverLimit(string conversation)
    {
        var now = Environment.TickCount64;
        lock (_tenant)
        {
            var recent = _recent.GetOrAdd(conversation, _ => new ConcurrentQueue<long>());
            Trim(recent, now);
            Trim(_tenant, now);
            if (recent.Count >= 7 || _tenant.Count >= TenantPerSecond)
            {
                return true;
            }

            recent.Enqueue(now);
            _tenant.Enqueue(now);
            return false;
        }
    }

    private static void Trim(ConcurrentQueue<long> queue, long now)
    {
        while (queue.TryPeek(out var oldest) && now - oldest >= 1000)
        {
            queue.TryDequeue(out _);
        }
    }
}

internal enum ConnectorFault
{
    None,
    Throttle,
    Unavailable,
    Timeout,
    Blocked,
}
