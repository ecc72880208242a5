using MentorBot.Features.Digest;

namespace MentorBot.Tests.Digest;

public sealed class DigestSlotsTests
{
    private static readonly DateTimeOffset LongAgo = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-23T13:59:00Z", null)]
    [InlineData("2026-11-23T14:00:00Z", "2026-W48")]
    [InlineData("2026-11-24T13:59:00Z", "2026-W48")]
    [InlineData("2026-11-24T14:00:00Z", null)]
    [InlineData("2026-11-30T14:00:00Z", "2026-W49")]
    public void Monday_at_eight_in_chicago_is_due_for_a_day(string now, string? week) =>
        Assert.Equal(week, DigestSlots.Due(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), "America/Chicago", DayOfWeek.Monday, new TimeOnly(8, 0), LongAgo)?.Week);

    [Theory]
    [InlineData("America/Chicago", "2026-03-09T13:00:00Z")] // after the spring change: CDT, UTC−5
    [InlineData("America/Chicago", "2026-11-02T14:00:00Z")] // after the autumn change: CST, UTC−6
    [InlineData("Europe/Madrid", "2026-03-30T06:00:00Z")]
    [InlineData("Asia/Kolkata", "2026-03-09T02:30:00Z")]
    public void The_slot_follows_the_leaders_zone_across_daylight_saving(string zone, string slot)
    {
        var at = DateTimeOffset.Parse(slot, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Null(DigestSlots.Due(at.AddMinutes(-1), zone, DayOfWeek.Monday, new TimeOnly(8, 0), LongAgo));
        Assert.NotNull(DigestSlots.Due(at, zone, DayOfWeek.Monday, new TimeOnly(8, 0), LongAgo));
    }

    [Fact]
    public void A_leader_first_seen_after_this_weeks_slot_waits_for_next_week()
    {
        var now = new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

        Assert.Null(DigestSlots.Due(now, "America/Chicago", DayOfWeek.Monday, new TimeOnly(8, 0), since: new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026-W48", DigestSlots.Due(now, "America/Chicago", DayOfWeek.Monday, new TimeOnly(8, 0), since: new DateTimeOffset(2026, 11, 23, 13, 59, 0, TimeSpan.Zero))?.Week);
    }

    [Fact]
    public void A_sunday_evening_slot_is_still_due_just_after_midnight_in_the_next_iso_week()
    {
        var mondayNight = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero); // 01:00 Monday in Chicago

        Assert.Equal("2026-W48", DigestSlots.Due(mondayNight, "America/Chicago", DayOfWeek.Sunday, new TimeOnly(20, 0), LongAgo)?.Week);
    }

    [Fact]
    public void The_next_slot_is_this_weeks_until_it_passes()
    {
        var before = new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero), DigestSlots.Next(before, "America/Chicago", DayOfWeek.Monday, new TimeOnly(8, 0)));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero), DigestSlots.Next(before.AddHours(1), "America/Chicago", DayOfWeek.Monday, new TimeOnly(8, 0)));
    }
}
