namespace MentorBot.Hosting;

/// <summary>
/// The <c>Demo</c> section. <c>Demo:ClockStartsAt</c> lets a demo or a training session start on a chosen instant
/// (say, next Monday 09:00) so that working hours, cadences and digests can be shown on a Saturday. Development only:
/// production refuses to start with it.
/// </summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public DateTimeOffset? ClockStartsAt { get; set; }

    /// <summary>Fill an empty check-in history with five weeks of made-up check-ins for the demo map, so digests have something to show.</summary>
    public bool SeedHistory { get; set; }
}

/// <summary>The system clock moved by a fixed offset, so that the process starts at <see cref="DemoOptions.ClockStartsAt"/> and then runs in real time.</summary>
internal sealed class DemoClock(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset => offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>The clock the composition root registers: the system clock, or a demo clock when one is configured.</summary>
    public static TimeProvider For(DemoOptions options) =>
        options.ClockStartsAt is { } start ? new DemoClock(start - System.GetUtcNow()) : System;
}

/// <summary>Refuses a demo clock or made-up history outside Development, where they would touch real people's check-ins.</summary>
internal sealed class DemoOptionsValidator(IHostEnvironment environment) : Microsoft.Extensions.Options.IValidateOptions<DemoOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, DemoOptions options) =>
        options.ClockStartsAt is not null && !environment.IsDevelopment()
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail("Demo:ClockStartsAt moves the clock for demos and is only allowed in Development. Remove it from this environment's configuration.")
            : options.SeedHistory && !environment.IsDevelopment()
                ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail("Demo:SeedHistory writes made-up check-ins and is only allowed in Development. Remove it from this environment's configuration.")
                : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
