using System.Collections.Concurrent;

namespace MentorBot.IntegrationTests;

/// <summary>
/// A clock whose timers fire at once and move "now" forward by what they waited, recording each wait. A retry that
/// honours Retry-After then takes no real time, and the test can still see exactly how long it would have waited.
/// </summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return new FiredTimer();
        }

        Waits.Enqueue(dueTime);
        lock (_gate)
        {
            _now += dueTime;
        }

        // Fire after CreateTimer has returned, as a real timer would.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
