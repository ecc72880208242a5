using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MentorBot.Hosting.Telemetry;

/// <summary>
/// MentorBot's own instruments (meter <c>MentorBot</c>). Their tags are closed sets (an activity type, an outcome, a
/// job's name, a digest's scope kind): never a person, an id from the map, a conversation or anything anyone wrote.
/// </summary>
internal sealed class MentorBotMetrics
{
    public const string MeterName = "MentorBot";

    private readonly Counter<long> _activities;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _sends;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _jobDuration;
    private readonly Histogram<double> _digestBuild;

    private long _outboxDepth;
    private double _outboxOldestSeconds;

    public MentorBotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _activities = meter.CreateCounter<long>("mentorbot.activities", "{activity}", "Activities received from Teams, by type and outcome.");
        _turnDuration = meter.CreateHistogram<double>("mentorbot.activity.duration", "ms", "Time to answer an activity (an invoke's answer is its response), by type and outcome.", null, Buckets(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000));
        _sends = meter.CreateCounter<long>("mentorbot.sends", "{send}", "Calls to the Bot Connector, by outcome: sent, throttled, gone, failed, unavailable.");
        _throttled = meter.CreateCounter<long>("mentorbot.connector.throttled", "{response}", "429 answers from the Bot Connector, retries included.");
        _jobRuns = meter.CreateCounter<long>("mentorbot.jobs.runs", "{run}", "Scheduled job runs, by job and outcome.");
        _jobDuration = meter.CreateHistogram<double>("mentorbot.jobs.duration", "s", "How long a scheduled job ran, by job.", null, Buckets(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900));
        _digestBuild = meter.CreateHistogram<double>("mentorbot.digest.build.duration", "ms", "Time to compute a leader's digest, by scope kind.", null, Buckets(10, 25, 50, 100, 250, 500, 1000, 2000, 5000, 10000, 30000));
        meter.CreateObservableGauge("mentorbot.outbox.depth", () => Volatile.Read(ref _outboxDepth), "{item}", "Items waiting in the send queue (queued or being sent).");
        meter.CreateObservableGauge("mentorbot.outbox.oldest_age", () => Volatile.Read(ref _outboxOldestSeconds), "s", "Age of the oldest item waiting in the send queue.");
    }

    /// <summary>Bucket bounds in the histogram's own unit (the exporters' defaults are for milliseconds up to 10 s).</summary>
    private static InstrumentAdvice<double> Buckets(params double[] bounds) => new() { HistogramBucketBoundaries = bounds };

    public void Activity(string type, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "activity.type", type }, { "outcome", outcome } };
        _activities.Add(1, tags);
        _turnDuration.Record(duration.TotalMilliseconds, tags);
    }

    public void Send(string outcome) => _sends.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Throttled() => _throttled.Add(1);

    public void Job(string job, bool succeeded, TimeSpan duration)
    {
        _jobRuns.Add(1, new TagList { { "job", job }, { "outcome", succeeded ? "succeeded" : "failed" } });
        _jobDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("job", job));
    }

    /// <summary>The send queue as last sampled (<see cref="OutboxSnapshot"/>), for its gauges.</summary>
    public void Outbox(long depth, TimeSpan oldest)
    {
        Volatile.Write(ref _outboxDepth, depth);
        Volatile.Write(ref _outboxOldestSeconds, oldest.TotalSeconds);
    }

    public void DigestBuilt(string scopeKind, TimeSpan duration) =>
        _digestBuild.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("scope", scopeKind));
}
