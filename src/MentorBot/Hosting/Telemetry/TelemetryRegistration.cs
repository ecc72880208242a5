using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MentorBot.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry: MentorBot's metrics (<see cref="MentorBotMetrics"/>), ASP.NET Core's and HttpClient's, and traces of
/// requests, outbound calls and PostgreSQL. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, to Azure
/// Monitor when an Application Insights connection string is, and scraped at <c>/metrics</c> (Prometheus format) in
/// Development or with <c>Telemetry:PrometheusEndpoint</c>. Outbound URLs are recorded with their ids replaced, so no
/// trace names a conversation, a mailbox or a person.
/// </summary>
internal static partial class TelemetryRegistration
{
    public const string ApplicationInsightsVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static WebApplicationBuilder AddMentorBotTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<MentorBotMetrics>();
        services.AddHostedService<OutboxSnapshot>();

        // HttpClient's own log lines and scopes carry whole URLs (conversation ids, mailboxes): MentorBot logs its calls itself.
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());

        var configuration = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var azureMonitor = configuration[ApplicationInsightsVariable] is { Length: > 0 } connectionString ? connectionString : null;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("MentorBot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MentorBotMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (PrometheusEndpoint(builder))
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });

        // Traces cost every request and statement something, so they are recorded only when something receives them.
        if (otlp || azureMonitor is not null || configuration.GetValue<bool>("Telemetry:Traces"))
        {
            telemetry.WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/metrics");
                        // The tab's query strings name people (?person=…) and searches (?q=…): a trace keeps the route, not them.
                        o.EnrichWithHttpRequest = (activity, request) =>
                        {
                            if (request.Path.StartsWithSegments("/tab"))
                            {
                                activity.SetTag("url.query", null);
                            }
                        };
                    })
                    .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) => Redact(activity, request.RequestUri))
                    .AddNpgsql();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        }

        if (azureMonitor is not null)
        {
            telemetry.UseAzureMonitor(o => o.ConnectionString = azureMonitor);
        }

        return builder;
    }

    public static WebApplication MapMentorBotTelemetry(this WebApplication app)
    {
        if (PrometheusEndpoint(app))
        {
            app.MapPrometheusScrapingEndpoint();
        }

        return app;
    }

    private static bool PrometheusEndpoint(IHostApplicationBuilder builder) =>
        builder.Configuration.GetValue<bool?>("Telemetry:PrometheusEndpoint") ?? builder.Environment.IsDevelopment();

    private static bool PrometheusEndpoint(WebApplication app) =>
        app.Configuration.GetValue<bool?>("Telemetry:PrometheusEndpoint") ?? app.Environment.IsDevelopment();

    /// <summary>An outbound URL as a trace keeps it: scheme, host and path, with every segment that identifies something replaced.</summary>
    internal static void Redact(Activity activity, Uri? uri)
    {
        if (uri is null)
        {
            return;
        }

        var path = string.Join('/', uri.AbsolutePath.Split('/').Select(segment => Identifier().IsMatch(Uri.UnescapeDataString(segment)) ? "{id}" : segment));
        activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}{path}");
        activity.SetTag("url.path", path);
    }

    /// <summary>A path segment that names something rather than a resource kind: ':', '@', '=', '|', a run of digits, or longer than a word.</summary>
    [GeneratedRegex(@"[:@=;|]|[0-9]{4,}|^.{20,}$")]
    private static partial Regex Identifier();
}
