using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace MentorBot.Teams;

/// <summary>
/// How calls to the Bot Connector are retried, with Microsoft.Extensions.Http.Resilience: 429, 412, 502, 503, 504,
/// network faults and per-attempt timeouts are tried again up to <see cref="ConnectorOptions.MaxAttempts"/> times,
/// after Retry-After when the connector gives one, else with exponential back-off and jitter, timed by the
/// <see cref="TimeProvider"/>. A Retry-After longer than <see cref="ConnectorOptions.MaxInlineDelay"/> is not waited in
/// line: the answer goes back to the caller, which reschedules. A paced call waits for its pace (the outbox's rate
/// limiter and lease check) before every attempt, retries included.
/// </summary>
internal static partial class ConnectorResilience
{
    public static IHttpClientBuilder AddConnectorClient(this IServiceCollection services)
    {
        var client = services.AddHttpClient<ConnectorClient>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("connector", (pipeline, context) =>
        {
            var settings = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var logger = context.ServiceProvider.GetRequiredService<ILogger<ConnectorClient>>();
            if (settings.MaxAttempts > 1)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    ShouldRetryAfterHeader = true,
                    MaxRetryAttempts = settings.MaxAttempts - 1,
                    Delay = settings.BaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, settings.MaxInlineDelay, time)),
                    OnRetry = args =>
                    {
                        if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
                        {
                            Log.Throttled(logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                        }

                        return ValueTask.CompletedTask;
                    },
                });
            }

            pipeline.AddTimeout(settings.RequestTimeout);
        });

        // Added after the resilience handler, so inside it: it runs once per attempt.
        return client.AddHttpMessageHandler(services => new PacedAttempts(services.GetRequiredService<Hosting.Telemetry.MentorBotMetrics>()));
    }

    /// <summary>Whether an attempt's outcome is worth another: transient, and not throttled for longer than MentorBot waits in line.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxInlineDelay, TimeProvider time) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } when IsTransient(response.StatusCode) => RetryAfter(response, time) is not { } wait || wait <= maxInlineDelay,
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>
    /// Runs a call's pace (<see cref="Pace"/>) before each attempt: inside the retries, so a retry waits for it too. Counts
    /// every 429, retried or not.
    /// </summary>
    internal sealed class PacedAttempts(Hosting.Telemetry.MentorBotMetrics metrics) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Options.TryGetValue(Pace, out var pace))
            {
                await pace(cancellationToken);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                metrics.Throttled();
            }

            return response;
        }
    }

    /// <summary>What a call waits for before each attempt.</summary>
    public static readonly HttpRequestOptionsKey<Func<CancellationToken, Task>> Pace = new("MentorBot.ConnectorPace");

    private static partial class Log
    {
        [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Connector throttled the bot (attempt {Attempt}, retry in {RetryAfterMs} ms).")]
        public static partial void Throttled(ILogger logger, int attempt, double retryAfterMs);
    }
}
