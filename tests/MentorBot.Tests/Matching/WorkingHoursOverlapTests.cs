using MentorBot.Features.Map;
using MentorBot.Features.Matching;

namespace MentorBot.Tests.Matching;

public sealed class WorkingHoursOverlapTests
{
    private static readonly WorkingHours NineToFive = WorkingHours.Default;
    private static readonly WorkingHours SaturdayNight = new([DayOfWeek.Saturday], new(22, 0), new(6, 0));
    private static readonly WorkingHours WeeknightsInLondon = new([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new(22, 0), new(6, 0));

    [Theory]
    [InlineData("2025-01-15", 15)] // both on standard time: New York is five hours behind
    [InlineData("2025-03-12", 20)] // the US moved its clocks on 9 March, the UK waits until 30 March: four hours apart
    [InlineData("2025-04-09", 15)] // both on summer time
    public void London_and_New_York_office_hours_overlap_by_the_gap_between_their_clocks_that_week(string week, int hours)
    {
        var shared = WorkingHoursOverlap.SharedMinutesPerWeek("Europe/London", NineToFive, "America/New_York", NineToFive, DateOnly.Parse(week, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(hours * 60, shared);
    }

    [Theory]
    [InlineData("2025-03-24", 7)] // clocks go forward at 01:00 on Sunday 30 March: the night is an hour short
    [InlineData("2025-10-20", 9)] // clocks go back at 02:00 on Sunday 26 October: the night is an hour long
    [InlineData("2025-06-02", 8)]
    public void A_night_shift_across_a_clock_change_is_as_long_as_the_night_really_is(string week, int hours)
    {
        var shifts = WorkingHoursOverlap.WeekInUtc("Europe/London", SaturdayNight, DateOnly.Parse(week, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.FromHours(hours), Assert.Single(shifts).Length);
    }

    [Fact]
    public void Sydney_days_meet_London_nights_across_the_date_line_and_the_week_boundary()
    {
        var week = new DateOnly(2025, 1, 13);

        // Sydney (UTC+11 in January) works 22:00–06:00 UTC the day before; London nights Monday to Thursday meet Sydney Tuesday to Friday.
        var shared = WorkingHoursOverlap.SharedMinutesPerWeek("Australia/Sydney", NineToFive, "Europe/London", WeeknightsInLondon, week);

        Assert.Equal(32 * 60, shared);
        Assert.Equal(shared, WorkingHoursOverlap.SharedMinutesPerWeek("Europe/London", WeeknightsInLondon, "Australia/Sydney", NineToFive, week));
        Assert.Equal(0, WorkingHoursOverlap.SharedMinutesPerWeek("Australia/Sydney", NineToFive, "Europe/London", NineToFive, week));
    }

    [Fact]
    public void The_same_hours_in_the_same_zone_overlap_completely_and_any_date_picks_its_monday()
    {
        Assert.Equal(40 * 60, WorkingHoursOverlap.SharedMinutesPerWeek("Asia/Kolkata", NineToFive, "Asia/Kolkata", NineToFive, new(2025, 1, 19)));
        Assert.Equal(40 * 60, WorkingHoursOverlap.SharedMinutesPerWeek("Europe/London", WeeknightsInLondon, "Europe/London", WeeknightsInLondon, new(2025, 1, 15)));
    }
}
