using Microsoft.Extensions.Time.Testing;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The test host's clock: a <see cref="FakeTimeProvider"/> whose "now" the test sets and moves, while its timers and
/// elapsed times run on real time, so retries, pacing, polls and short caches inside the host keep working without the
/// test stepping them.
/// </summary>
internal sealed class HostClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override long TimestampFrequency => System.TimestampFrequency;

    public override long GetTimestamp() => System.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
