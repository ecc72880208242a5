namespace MentorBot.E2E;

/// <summary>
/// A second playground session whose bot starts at the next Monday, 10:00 in the demo's time zone (the demo clock), so
/// that everything gated by working hours (a coaching prompt after a check-in, a shared note) arrives while the test
/// waits, whatever day the suite runs. The coaching prompt follows a check-in after seconds instead of days.
/// </summary>
public sealed class MondayMorningSession : PlaygroundSession
{
    protected override string ArtifactPrefix => "monday-";

    protected override IReadOnlyDictionary<string, string> BotEnvironment { get; } = new Dictionary<string, string>
    {
        ["Demo__ClockStartsAt"] = NextMondayMorning().ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        ["Coaching__DelayAfterCheckIn"] = "00:00:03",
        ["Outbox__PollInterval"] = "00:00:02",
    };

    /// <summary>The next Monday, 10:00 in Chicago: inside every demo person's working hours, whatever day the suite runs.</summary>
    internal static DateTimeOffset NextMondayMorning()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        do
        {
            local = local.AddDays(1);
        }
        while (local.DayOfWeek != DayOfWeek.Monday);

        var at = local.AddHours(10);
        return new DateTimeOffset(at, zone.GetUtcOffset(at));
    }
}

[CollectionDefinition(Name)]
public sealed class MondayMorningCollection : ICollectionFixture<MondayMorningSession>
{
    public const string Name = "monday-morning";
}
