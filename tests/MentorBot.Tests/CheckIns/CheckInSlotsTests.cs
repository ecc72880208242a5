using System.Globalization;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;

namespace MentorBot.Tests.CheckIns;

public sealed class CheckInSlotsTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    public static TheoryData<string, string, string, string, string, string, string, string> Placements => new()
    {
        // zone, working days, start, end, quiet (start-end or ""), occurrence (local), expected (local), why
        { "America/Chicago", "weekdays", "07:00", "15:30", "21:00-06:30", "2026-11-24T10:00", "2026-11-24T10:00", "inside working hours" },
        { "America/Chicago", "weekdays", "07:00", "15:30", "21:00-06:30", "2026-11-24T05:00", "2026-11-24T07:00", "before the day starts" },
        { "America/Chicago", "weekdays", "07:00", "15:30", "21:00-06:30", "2026-11-24T16:00", "2026-11-25T07:00", "after the day ends" },
        { "America/Chicago", "weekdays", "07:00", "15:30", "21:00-06:30", "2026-11-28T10:00", "2026-11-30T07:00", "Saturday moves to Monday" },
        { "America/Chicago", "weekdays", "07:00", "15:30", "21:00-06:30", "2026-11-27T15:45", "2026-11-30T07:00", "Friday after hours moves to Monday" },
        { "America/Chicago", "everyday", "14:00", "22:30", "23:30-10:00", "2026-11-24T09:00", "2026-11-24T14:00", "evening shift" },
        { "America/Chicago", "weekdays", "08:00", "18:00", "12:00-13:00", "2026-11-24T12:15", "2026-11-24T13:00", "quiet lunch hour" },
        { "America/Chicago", "everyday", "02:00", "06:00", "", "2027-03-14T02:30", "2027-03-14T03:30", "spring-forward gap in Chicago" },
        { "America/Chicago", "everyday", "01:00", "06:00", "", "2026-11-01T01:30", "2026-11-01T01:30", "fall-back overlap in Chicago (first 01:30)" },
        { "Europe/Berlin", "everyday", "02:00", "06:00", "", "2027-03-28T02:30", "2027-03-28T03:30", "spring-forward gap in Berlin" },
        { "Australia/Sydney", "everyday", "02:00", "06:00", "", "2027-10-03T02:30", "2027-10-03T03:30", "spring-forward gap in Sydney (October)" },
        { "Asia/Kolkata", "weekdays", "09:30", "18:00", "", "2026-11-24T08:00", "2026-11-24T09:30", "half-hour zone, no DST" },
    };

    [Theory]
    [MemberData(nameof(Placements))]
    public void Occurrences_are_placed_inside_working_hours_and_outside_quiet_hours(string zone, string days, string start, string end, string quiet, string occurrence, string expected, string why)
    {
        var person = Person(zone, days == "weekdays" ? Weekdays : EveryDay, start, end, quiet);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);

        var placed = CheckInSlots.Place(Local(occurrence, tz), person);

        Assert.True(Local(expected, tz) == placed, $"{why}: expected {expected}, got {TimeZoneInfo.ConvertTime(placed, tz):yyyy-MM-ddTHH:mm zzz}");
    }

    [Fact]
    public void A_weekly_check_in_keeps_its_local_time_across_both_dst_changes()
    {
        var person = Person("America/Chicago", Weekdays, "07:00", "15:30", "21:00-06:30");
        var mentorship = Mentorship(CadenceFrequency.Weekly, DayOfWeek.Tuesday, "10:00", new DateOnly(2026, 1, 6));
        var tz = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var now = new DateTimeOffset(2026, 1, 6, 17, 0, 0, TimeSpan.Zero);
        var seen = new List<DateTimeOffset>();
        for (var week = 0; week < 52; week++)
        {
            var window = CheckInSlots.CurrentWindow(mentorship, person, now)!.Value;
            seen.Add(window.Current);
            Assert.Equal((DayOfWeek.Tuesday, 10, 0), (TimeZoneInfo.ConvertTime(window.Current, tz).DayOfWeek, TimeZoneInfo.ConvertTime(window.Current, tz).Hour, TimeZoneInfo.ConvertTime(window.Current, tz).Minute));
            Assert.Equal(window.Current.AddDays(7).UtcDateTime.Date, window.Next.UtcDateTime.Date);
            now = window.Next.AddMinutes(1);
        }

        Assert.Equal(52, seen.Distinct().Count());
    }

    [Fact]
    public void Nothing_is_due_before_the_first_occurrence_or_before_the_working_day_starts()
    {
        var person = Person("America/Chicago", Weekdays, "07:00", "15:30", "");
        var mentorship = Mentorship(CadenceFrequency.Weekly, DayOfWeek.Tuesday, "06:00", new DateOnly(2026, 11, 24));
        var tz = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

        Assert.Null(CheckInSlots.CurrentWindow(mentorship, person, Local("2026-11-23T12:00", tz)));
        Assert.Null(CheckInSlots.CurrentWindow(mentorship, person, Local("2026-11-24T06:30", tz)));
        Assert.Equal(Local("2026-11-24T07:00", tz), CheckInSlots.CurrentWindow(mentorship, person, Local("2026-11-24T07:05", tz))!.Value.Current);
    }

    [Fact]
    public void Biweekly_and_monthly_windows_span_to_the_next_occurrence()
    {
        var person = Person("America/New_York", Weekdays, "08:00", "17:00", "");
        var tz = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var biweekly = CheckInSlots.CurrentWindow(Mentorship(CadenceFrequency.Biweekly, DayOfWeek.Thursday, "13:00", new DateOnly(2026, 11, 5)), person, Local("2026-11-25T09:00", tz))!.Value;
        var monthly = CheckInSlots.CurrentWindow(Mentorship(CadenceFrequency.Monthly, DayOfWeek.Wednesday, "14:00", new DateOnly(2026, 1, 1)), person, Local("2026-11-25T09:00", tz))!.Value;

        Assert.Equal((Local("2026-11-19T13:00", tz), Local("2026-12-03T13:00", tz)), (biweekly.Current, biweekly.Next));
        Assert.Equal((Local("2026-11-04T14:00", tz), Local("2026-12-02T14:00", tz)), (monthly.Current, monthly.Next));
    }

    private static DateTimeOffset Local(string text, TimeZoneInfo zone)
    {
        var local = DateTime.ParseExact(text, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        return CadenceCalendar.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);
    }

    private static Person Person(string zone, IReadOnlyList<DayOfWeek> days, string start, string end, string quiet) => new(
        "p", "aad", "P", null, Level.Staff, null, null, zone, new WorkingHours(days, TimeOnly.Parse(start, CultureInfo.InvariantCulture), TimeOnly.Parse(end, CultureInfo.InvariantCulture)),
        quiet.Length == 0 ? null : new LocalTimeRange(TimeOnly.Parse(quiet[..5], CultureInfo.InvariantCulture), TimeOnly.Parse(quiet[6..], CultureInfo.InvariantCulture)),
        null, "en-US", 0, [], false);

    private static Mentorship Mentorship(CadenceFrequency every, DayOfWeek day, string time, DateOnly start) => new(
        "m", "mentor", "p", ["lane"], MentorshipKind.Lane, new Cadence(every, day, TimeOnly.Parse(time, CultureInfo.InvariantCulture)), start, MentorshipStatus.Active, null, null);
}
