using MentorBot.Hosting;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Tests.Hosting;

public sealed class DemoClockTests
{
    [Fact]
    public void Without_a_start_the_clock_is_the_system_clock()
    {
        Assert.Same(TimeProvider.System, DemoClock.For(new DemoOptions()));
    }

    [Fact]
    public void A_demo_clock_starts_at_the_configured_instant_and_then_runs_in_real_time()
    {
        var start = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(-6));

        var clock = DemoClock.For(new DemoOptions { ClockStartsAt = start });

        var now = clock.GetUtcNow();
        Assert.InRange(now - start, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.True(clock.GetUtcNow() >= now);
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    public void Only_Development_may_move_the_clock(string environment, bool allowed)
    {
        var validator = new DemoOptionsValidator(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment });

        var result = validator.Validate(null, new DemoOptions { ClockStartsAt = DateTimeOffset.UnixEpoch });

        Assert.Equal(allowed, result.Succeeded);
        Assert.True(validator.Validate(null, new DemoOptions()).Succeeded);
    }
}
