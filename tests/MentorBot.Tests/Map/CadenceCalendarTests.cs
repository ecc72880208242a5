using MentorBot.Features.Map;

namespace MentorBot.Tests.Map;

public sealed class CadenceCalendarTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    public static TheoryData<string, string, string, string, string, string> Cases => new()
    {
        // every, day, time, anchor, after (UTC), expected (UTC)
        { "weekly", "tue", "10:00", "2026-11-02", "2026-11-23T12:00:00Z", "2026-11-24T16:00:00Z" },
        { "weekly", "tue", "10:00", "2026-11-02", "2026-11-24T16:00:00Z", "2026-12-01T16:00:00Z" },
        { "weekly", "tue", "10:00", "2026-12-10", "2026-11-23T12:00:00Z", "2026-12-15T16:00:00Z" },
        { "biweekly", "thu", "13:00", "2026-11-02", "2026-11-06T00:00:00Z", "2026-11-19T19:00:00Z" },
        { "biweekly", "thu", "13:00", "2026-11-02", "2026-11-19T19:00:00Z", "2026-12-03T19:00:00Z" },
        { "monthly", "wed", "14:00", "2026-01-01", "2026-11-05T00:00:00Z", "2026-12-02T20:00:00Z" },
        { "monthly", "mon", "09:00", "2026-01-01", "2026-10-31T00:00:00Z", "2026-11-02T15:00:00Z" },
        // DST: Chicago springs forward 2027-03-14 02:00 → 03:00; falls back 2026-11-01 02:00 → 01:00.
        { "weekly", "sun", "02:30", "2027-01-01", "2027-03-13T12:00:00Z", "2027-03-14T08:30:00Z" },
        { "weekly", "sun", "01:30", "2026-10-01", "2026-10-31T12:00:00Z", "2026-11-01T06:30:00Z" },
        { "weekly", "mon", "09:00", "2027-01-01", "2027-03-10T00:00:00Z", "2027-03-15T14:00:00Z" },
        { "weekly", "mon", "09:00", "2027-01-01", "2027-03-01T00:00:00Z", "2027-03-01T15:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Next_occurrence_in_chicago(string every, string day, string time, string anchor, string after, string expected)
    {
        var cadence = Cadence(every, day, time);

        var next = CadenceCalendar.NextOccurrence(cadence, DateOnly.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture), Chicago, DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void A_time_in_the_spring_forward_gap_moves_forward_by_the_gap()
    {
        var instant = CadenceCalendar.ToInstant(new DateOnly(2027, 3, 28), new TimeOnly(2, 30), Berlin);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 30, 0, TimeSpan.FromHours(2)), instant);
    }

    [Fact]
    public void An_ambiguous_fall_back_time_takes_the_earlier_instant_so_nothing_happens_twice()
    {
        var instant = CadenceCalendar.ToInstant(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), Berlin);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), instant);
    }

    [Fact]
    public void Zones_without_dst_and_with_half_hour_offsets_work()
    {
        var next = CadenceCalendar.NextOccurrence(Cadence("weekly", "mon", "09:00"), new DateOnly(2026, 1, 1), Kolkata, new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 3, 30, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void A_weekly_cadence_across_a_year_stays_on_its_local_time()
    {
        var cadence = Cadence("weekly", "wed", "08:15");
        var after = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 52; i++)
        {
            after = CadenceCalendar.NextOccurrence(cadence, new DateOnly(2026, 1, 1), Chicago, after);
            var local = TimeZoneInfo.ConvertTime(after, Chicago);
            Assert.Equal((DayOfWeek.Wednesday, 8, 15), (local.DayOfWeek, local.Hour, local.Minute));
        }
    }

    [Theory]
    [InlineData("2026-11-02", "2026-11-02", "Observe", 1)]
    [InlineData("2026-11-02", "2026-11-29", "Observe", 4)]
    [InlineData("2026-11-02", "2026-11-30", "PractiseWithSupport", 5)]
    [InlineData("2026-11-02", "2026-12-28", "PractiseIndependently", 9)]
    [InlineData("2026-11-02", "2027-01-31", "PractiseIndependently", 13)]
    [InlineData("2026-11-02", "2027-02-01", "None", 0)]
    [InlineData("2026-11-02", "2026-11-01", "None", 0)]
    public void Onboarding_phases_follow_the_90_day_path(string start, string today, string phase, int week)
    {
        var result = Onboarding.PhaseOn(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((Enum.Parse<OnboardingPhase>(phase), week), result);
    }

    private static Cadence Cadence(string every, string day, string time)
    {
        Assert.True(MapValues.TryFrequency(every, out var e));
        Assert.True(MapValues.TryDay(day, out var d));
        Assert.True(MapValues.TryTime(time, out var t));
        return new Cadence(e, d, t);
    }
}
