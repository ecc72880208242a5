using System.Collections.Concurrent;
using System.Diagnostics;
using MentorBot.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace MentorBot.IntegrationTests;

/// <summary>
/// An outbound call's trace, as the bot's real telemetry set-up records it (HttpClient's own instrumentation with
/// MentorBot's enrichment): the URL keeps its shape and loses its ids. The call goes to a closed port on loopback.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryRedactionTests
{
    [Fact]
    public async Task An_outbound_calls_trace_names_no_mailbox_or_conversation()
    {
        var seen = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => seen.Enqueue(activity.GetTagItem("url.full")?.ToString() ?? string.Empty),
        };
        ActivitySource.AddActivityListener(listener);
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Telemetry:Traces"] = "true"; // as when an exporter is configured
        builder.AddMentorBotTelemetry();
        await using var app = builder.Build();
        _ = app.Services.GetRequiredService<TracerProvider>();
        using var http = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient("redaction");

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("http://127.0.0.1:9/v1.0/users/00000000-0000-0000-0000-0000000000020/calendar/getSchedule?$select=alex"));

        Assert.Contains("http://127.0.0.1:9/v1.0/users/{id}/calendar/getSchedule", seen);
        Assert.DoesNotContain(seen, url => url.Contains("0000000000020", StringComparison.Ordinal) || url.Contains("alex", StringComparison.Ordinal));
    }
}

/// <summary>Tests that listen to every activity and meter in the process run alone, so no other test's traffic is counted.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
