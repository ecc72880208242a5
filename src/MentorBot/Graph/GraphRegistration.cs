using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Polly;
using Polly.Timeout;

namespace MentorBot.Graph;

internal static partial class GraphRegistration
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);

    /// <summary>The Graph client, its options and credential. Nothing calls Graph unless it is configured.</summary>
    public static IServiceCollection AddGraph(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.ClientCertificatePath) || File.Exists(o.ClientCertificatePath), "Graph:ClientCertificatePath names a file that does not exist.")
            .Validate(o => string.IsNullOrEmpty(o.ClientCertificatePassword) || !string.IsNullOrWhiteSpace(o.ClientCertificatePath), "Graph:ClientCertificatePassword is set but Graph:ClientCertificatePath is not.")
            .ValidateOnStart();
        services.AddSingleton(sp => GraphCredential.From(sp.GetRequiredService<IOptions<GraphOptions>>()));
        services.AddSingleton<GraphClient>();

        // The SDK's own middleware, except its RetryHandler (real-time waits, a fixed 3 retries): the resilience handler
        // below retries instead, on the injected TimeProvider. Graph URLs name people, so the factory logs none of them.
        services.AddHttpClient(GraphClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
            {
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler))
                {
                    handlers.Add(handler);
                }
            })
            .AddResilienceHandler("graph", (pipeline, context) => Resilience(pipeline, context.ServiceProvider));
        return services;
    }

    /// <summary>
    /// Retries 429, 503, 504, network failures and attempt timeouts (every Graph call MentorBot makes is safe to send
    /// twice: reads, PATCH and DELETE by nature, installedApps because a second install answers 409, and an event POST
    /// because it carries a transactionId). The wait is Retry-After when Graph gives one (at most 2 minutes), else
    /// 2, 4, 8… s. The overall cap is held only while a request is on the wire.
    /// </summary>
    private static void Resilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<GraphOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILogger<GraphClient>>();
        if (options.MaxAttempts > 1)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = TimeSpan.FromSeconds(2),
                MaxDelay = MaxWait,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException or TimeoutRejectedException
                    || args.Outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result?.Headers.RetryAfter, time)),
                OnRetry = args =>
                {
                    Log.Retrying(logger, args.AttemptNumber + 1, args.Outcome.Exception?.GetType().Name ?? ((int)args.Outcome.Result!.StatusCode).ToString(CultureInfo.InvariantCulture), args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddConcurrencyLimiter(options.MaxTotalConcurrency, int.MaxValue);

        // An attempt's deadline is network time, as HttpClient.Timeout is; the injected clock governs only MentorBot's own waits.
        pipeline.AddPipeline(new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = TimeProvider.System }.AddTimeout(TimeSpan.FromSeconds(60)).Build());
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time) =>
        (header?.Delta ?? header?.Date - time.GetUtcNow()) is { } wait ? TimeSpan.FromTicks(Math.Clamp(wait.Ticks, 0, MaxWait.Ticks)) : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Graph attempt {Attempt} ended with {Outcome}; retrying after {Seconds} s.")]
        public static partial void Retrying(ILogger logger, int attempt, string outcome, double seconds);
    }
}
