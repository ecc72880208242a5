using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Tests.Scheduling;

public sealed class SendRateLimiterTests
{
    private readonly FrozenClock _clock = new();

    [Fact]
    public async Task Sends_to_one_tenant_are_spaced_evenly_just_under_the_tenant_limit()
    {
        var limiter = Limiter(tenantPerSecond: 50);

        for (var i = 0; i < 5; i++)
        {
            await limiter.WaitAsync("tenant", "conversation-" + i, default);
        }

        var step = 1 / (50 * SendRateLimiter.Headroom);
        Assert.Equal([step, 2 * step, 3 * step, 4 * step], _clock.Waits.Select(w => w.TotalSeconds), new Tolerance(0.001)); // timers take whole milliseconds
    }

    [Fact]
    public async Task A_second_send_into_one_conversation_waits_for_the_conversation_limit_and_other_tenants_do_not_wait()
    {
        var limiter = Limiter(tenantPerSecond: 50);

        await limiter.WaitAsync("tenant", "a", default);
        await limiter.WaitAsync("other tenant", "b", default);
        await limiter.WaitAsync("tenant", "a", default);

        var wait = Assert.Single(_clock.Waits);
        Assert.Equal(1 / (7 * SendRateLimiter.Headroom), wait.TotalSeconds, 0.001);
    }

    [Fact]
    public async Task A_very_high_limit_hardly_paces_at_all()
    {
        var limiter = Limiter(tenantPerSecond: 100_000);

        for (var i = 0; i < 1000; i++)
        {
            await limiter.WaitAsync("tenant", "conversation-" + i, default);
        }

        Assert.True(_clock.Waits.Max() < TimeSpan.FromMilliseconds(11), $"waited up to {_clock.Waits.Max()}");
    }

    private SendRateLimiter Limiter(int tenantPerSecond) =>
        new(Options.Create(new OutboxOptions { TenantPerSecond = tenantPerSecond, ConversationPerSecond = 7 }), _clock);

    /// <summary>A monotonic clock that stands still; its timers fire at once and record what they were asked to wait.</summary>
    private sealed class FrozenClock : TimeProvider
    {
        public List<TimeSpan> Waits { get; } = [];

        public override long TimestampFrequency => 1_000_000_000;

        public override long GetTimestamp() => 1_000_000_000;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Waits.Add(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state)); // after CreateTimer returns, as a real timer fires
            return new Fired();
        }

        private sealed class Fired : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed class Tolerance(double within) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < within;

        public int GetHashCode(double obj) => 0;
    }
}
