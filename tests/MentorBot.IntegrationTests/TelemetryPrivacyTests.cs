using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using MentorBot.Features.CheckIns;
using MentorBot.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static MentorBot.IntegrationTests.Speaker;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Telemetry tells an operator how MentorBot runs and nothing about anyone: over a whole check-in (Alex opens and sends
/// it with words of his own, Megan gets her card and replies), every metric tag, every trace attribute and every log
/// scope is checked for names, ids from the map, Entra object ids and the words typed.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryPrivacyTests : IAsyncLifetime
{
    private const string Learned = "PRIVATE-WORDS reading the fluid chart";
    private const string Reply = "PRIVATE-REPLY lets talk it through";
    private readonly ConcurrentQueue<(string Source, string Name, string Key, string Value)> _seen = new();
    private readonly LogCapture _logs = new();
    private MeterListener _meters = null!;
    private ActivityListener _traces = null!;
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _meters = new MeterListener { InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument) };
        _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, _, tags, _) => Record(instrument, tags));
        _meters.Start();
        _traces = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                _seen.Enqueue(("trace", activity.OperationName, "display name", activity.DisplayName));
                foreach (var (key, value) in activity.TagObjects)
                {
                    _seen.Enqueue(("trace", activity.OperationName, key, value?.ToString() ?? string.Empty));
                }
            },
        };
        ActivitySource.AddActivityListener(_traces);
        _host = await MentorBotHost.StartWithAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug", ["Telemetry:Traces"] = "true" }, services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _meters.Dispose();
        _traces.Dispose();
    }

    [Fact]
    public async Task No_metric_trace_or_log_scope_names_anyone_or_carries_their_words()
    {
        await _host.PostActivityAsync(Megan.Message("help"));
        await _host.PostActivityAsync(Alex.Message("check in"));
        var period = Sent.ActionData(JsonNode.Parse(Sent.CardText(_host.Sent[^1]))!, "period");
        await _host.PostActivityAsync(Alex.Execute(CheckInVerbs.Submit, new JsonObject { ["period"] = period, ["learned"] = Learned, ["confidence"] = "2", ["load"] = "4" }));
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        await _host.PostActivityAsync(TeamsActivities.ExecuteFrom(21, "Megan Bowen", MentorReplyFields.Verb, new JsonObject { ["period"] = period, [MentorReplyFields.Reply] = Reply }));
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);

        // The tab, signed in as Megan: her mentee's growth, and a search by name.
        using (var tab = _host.CreateClient())
        {
            var signIn = await tab.PostAsync("/tab/dev/sign-in", new StringContent("{\"person\":\"megan-bowen\"}", System.Text.Encoding.UTF8, "application/json"));
            var token = (string)JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!["token"]!;
            foreach (var route in new[] { "/tab/views/growth?person=alex-wilber", "/tab/views/map?q=Wilber", "/tab/views/mentees" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, route);
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                Assert.Equal(System.Net.HttpStatusCode.OK, (await tab.SendAsync(request)).StatusCode);
            }
        }

        _meters.RecordObservableInstruments();

        // What an operator needs is there ...
        Assert.Contains(_seen, s => s.Name == "mentorbot.activities" && s.Key == "activity.type" && s.Value == "invoke");
        Assert.Contains(_seen, s => s.Name == "mentorbot.sends" && s.Key == "outcome" && s.Value == "sent");
        Assert.Contains(_seen, s => s.Source == "trace" && s.Key == "http.route" && s.Value == "/api/messages");
        Assert.Contains(_seen, s => s.Source == "trace" && s.Key == "http.route" && s.Value == "/tab/views/growth");

        // ... and nobody is.
        // Names, ids from the map (people, pairings, check-ins), Entra object ids, and the words typed. (Teams' opaque
        // conversation id is no person's id: a turn's log scope keeps it, as before, so support can follow one turn.)
        string[] forbidden =
        [
            "Alex Wilber", "Megan Bowen", "Wilber", "Bowen", "alex-wilber", "megan-bowen", "m-001",
            TeamsActivities.AlexAad, "00000000-0000-0000-0000-0000000000021", period, "PRIVATE-WORDS", "PRIVATE-REPLY", "fluid chart",
        ];
        var leaks = _seen.Where(s => forbidden.Any(f => s.Value.Contains(f, StringComparison.OrdinalIgnoreCase)))
            .Select(s => $"{s.Source} {s.Name} {s.Key}={s.Value}")
            .Concat(_logs.Lines.Where(l => forbidden.Any(f => l.Scopes.Contains(f, StringComparison.OrdinalIgnoreCase) || l.Message.Contains(f, StringComparison.OrdinalIgnoreCase)))
                .Select(l => $"log {l.Category}: {l.Message} [{l.Scopes}]"))
            .Distinct()
            .ToList();
        Assert.True(leaks.Count == 0, "Telemetry carries personal data:\n" + string.Join('\n', leaks.Take(20)));
    }

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var (key, value) in tags)
        {
            _seen.Enqueue(("metric", instrument.Name, key, value?.ToString() ?? string.Empty));
        }
    }
}
