using MentorBot.Features.Booking;
using MentorBot.Features.Map;

namespace MentorBot.Tests.Booking;

public sealed class SlotFinderTests
{
    private static readonly WorkingHours Weekdays9To5 = WorkingHours.Default;
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    private static SlotAttendee Chicago(params BusyBlock[] busy) => new("America/Chicago", Weekdays9To5, null, busy);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static string Local(Slot slot, string zone) =>
        TimeZoneInfo.ConvertTime(slot.Start, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("ddd MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Three_slots_on_three_days_at_the_start_of_the_shared_day()
    {
        // Monday 23 November 2026, 08:00 in Chicago (14:00 UTC).
        var search = new SlotSearch(Utc(11, 23, 14), Utc(12, 7, 14), HalfHour);

        var slots = SlotFinder.Find(search, [Chicago(), Chicago()], "America/Chicago");

        Assert.Equal(["Mon 11-23 09:00", "Tue 11-24 09:00", "Wed 11-25 09:00"], slots.Select(s => Local(s, "America/Chicago")));
        Assert.All(slots, s => Assert.Equal(HalfHour, s.End - s.Start));
    }

    [Fact]
    public void Busy_tentative_and_out_of_office_block_time_but_working_elsewhere_does_not()
    {
        var search = new SlotSearch(Utc(11, 23, 14), Utc(11, 24, 6), HalfHour, Count: 1);
        var mondayMorning = new BusyBlock(Utc(11, 23, 15), Utc(11, 23, 16), BusyKind.Busy);          // 09:00–10:00
        var tentative = new BusyBlock(Utc(11, 23, 16), Utc(11, 23, 16, 30), BusyKind.Tentative);     // 10:00–10:30
        var away = new BusyBlock(Utc(11, 23, 16, 30), Utc(11, 23, 17), BusyKind.OutOfOffice);        // 10:30–11:00
        var elsewhere = new BusyBlock(Utc(11, 23, 17), Utc(11, 23, 18), BusyKind.WorkingElsewhere);  // 11:00–12:00

        var slots = SlotFinder.Find(search, [Chicago(mondayMorning, tentative), Chicago(away, elsewhere)], "America/Chicago");

        Assert.Equal(["Mon 11-23 11:00"], slots.Select(s => Local(s, "America/Chicago")));
    }

    [Fact]
    public void Different_zones_meet_only_where_both_working_days_overlap()
    {
        // London 09:00–17:00 and Chicago 09:00–17:00 overlap 15:00–17:00 UTC in winter (09:00–11:00 Chicago).
        var london = new SlotAttendee("Europe/London", Weekdays9To5, null, []);
        var search = new SlotSearch(Utc(11, 23, 0), Utc(11, 26, 0), TimeSpan.FromMinutes(60));

        var slots = SlotFinder.Find(search, [Chicago(), london], "America/Chicago");

        Assert.Equal(["Mon 11-23 09:00", "Tue 11-24 09:00", "Wed 11-25 09:00"], slots.Select(s => Local(s, "America/Chicago")));
        Assert.All(slots, s => Assert.InRange(s.Start.Hour, 15, 16));
    }

    [Fact]
    public void Days_with_no_overlap_are_skipped_and_slots_fill_the_days_that_have_some()
    {
        // An evening-shift colleague works Monday and Wednesday 14:00–22:30: only those two afternoons are shared.
        var evening = new SlotAttendee("America/Chicago", new WorkingHours([DayOfWeek.Monday, DayOfWeek.Wednesday], new(14, 0), new(22, 30)), null, []);
        var search = new SlotSearch(Utc(11, 23, 0), Utc(11, 28, 0), HalfHour);

        var slots = SlotFinder.Find(search, [Chicago(), evening], "America/Chicago");

        Assert.Equal(["Mon 11-23 14:00", "Mon 11-23 14:30", "Wed 11-25 14:00"], slots.Select(s => Local(s, "America/Chicago")));
    }

    [Fact]
    public void No_overlap_at_all_gives_no_slots()
    {
        var weekend = new SlotAttendee("America/Chicago", new WorkingHours([DayOfWeek.Saturday, DayOfWeek.Sunday], new(7, 0), new(15, 30)), null, []);

        var slots = SlotFinder.Find(new SlotSearch(Utc(11, 23, 14), Utc(12, 7, 14), HalfHour), [Chicago(), weekend], "America/Chicago");

        Assert.Empty(slots);
    }

    [Fact]
    public void Quiet_hours_and_lunch_are_never_proposed()
    {
        var lateQuiet = new SlotAttendee("America/Chicago", Weekdays9To5, new LocalTimeRange(new(9, 0), new(11, 0)), []);
        var search = new SlotSearch(Utc(11, 23, 0), Utc(11, 24, 0), HalfHour, Lunch: new LocalTimeRange(new(12, 0), new(13, 0)), Count: 10);

        var slots = SlotFinder.Find(search, [Chicago(), lateQuiet], "America/Chicago");

        var times = slots.Select(s => Local(s, "America/Chicago")).ToList();
        Assert.Equal("Mon 11-23 11:00", times[0]);
        Assert.DoesNotContain(times, t => t.EndsWith("12:00", StringComparison.Ordinal) || t.EndsWith("12:30", StringComparison.Ordinal));
        Assert.DoesNotContain(times, t => string.CompareOrdinal(t[^5..], "11:00") < 0);
    }

    [Theory]
    // Spring forward in the US (8 March 2026): Chicago moves from UTC-6 to UTC-5, so 09:00 local is 14:00 UTC after, 15:00 before.
    [InlineData(3, 6, "Fri 03-06 09:00", 15)]
    [InlineData(3, 9, "Mon 03-09 09:00", 14)]
    // Fall back (1 November 2026): UTC-5 to UTC-6.
    [InlineData(10, 30, "Fri 10-30 09:00", 14)]
    [InlineData(11, 2, "Mon 11-02 09:00", 15)]
    public void Working_hours_follow_daylight_saving_time(int month, int day, string expectedLocal, int expectedUtcHour)
    {
        var search = new SlotSearch(Utc(month, day, 0), Utc(month, day, 23), HalfHour, Count: 1);

        var slot = Assert.Single(SlotFinder.Find(search, [Chicago(), Chicago()], "America/Chicago"));

        Assert.Equal(expectedLocal, Local(slot, "America/Chicago"));
        Assert.Equal(expectedUtcHour, slot.Start.UtcDateTime.Hour);
    }

    [Fact]
    public void When_Europe_and_the_US_change_clocks_on_different_weeks_the_overlap_moves()
    {
        // 9–20 March 2026 the US is on summer time and London not yet: the overlap is 13:00–17:00 UTC (08:00–12:00 Chicago → 09:00 start).
        var london = new SlotAttendee("Europe/London", Weekdays9To5, null, []);
        var search = new SlotSearch(Utc(3, 10, 0), Utc(3, 11, 0), HalfHour, Count: 1);

        var slot = Assert.Single(SlotFinder.Find(search, [london, Chicago()], "Europe/London"));

        Assert.Equal("Tue 03-10 14:00", Local(slot, "Europe/London"));
        Assert.Equal("Tue 03-10 09:00", Local(slot, "America/Chicago"));
    }

    [Fact]
    public void A_night_shift_that_crosses_midnight_counts_as_one_working_span()
    {
        var nights = new SlotAttendee("America/Chicago", new WorkingHours([DayOfWeek.Monday], new(22, 0), new(6, 0)), null, []);
        var search = new SlotSearch(Utc(11, 23, 0), Utc(11, 26, 0), HalfHour, Count: 3);

        var slots = SlotFinder.Find(search, [nights, nights], "America/Chicago");

        Assert.Equal(new[] { "Mon 11-23 22:00", "Tue 11-24 00:00", "Mon 11-23 22:30" }.Order(StringComparer.Ordinal), slots.Select(s => Local(s, "America/Chicago")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_window_start_is_rounded_up_to_a_quarter_hour()
    {
        var search = new SlotSearch(Utc(11, 23, 15, 7), Utc(11, 23, 23), HalfHour, Count: 1);

        var slot = Assert.Single(SlotFinder.Find(search, [Chicago(), Chicago()], "America/Chicago"));

        Assert.Equal("Mon 11-23 09:15", Local(slot, "America/Chicago"));
    }

    [Fact]
    public void Slots_never_overlap_a_busy_block_or_each_other_on_random_calendars()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var busy = Enumerable.Range(0, random.Next(0, 30)).Select(_ =>
            {
                var start = Utc(11, 23, 0).AddMinutes(random.Next(0, 14 * 24 * 4) * 15);
                return new BusyBlock(start, start.AddMinutes(random.Next(1, 12) * 15), (BusyKind)random.Next(0, 3));
            }).ToArray();
            var search = new SlotSearch(Utc(11, 23, 0), Utc(12, 7, 0), TimeSpan.FromMinutes(15 * random.Next(1, 5)), Count: 3);

            var slots = SlotFinder.Find(search, [Chicago(busy[..(busy.Length / 2)]), new SlotAttendee("America/New_York", Weekdays9To5, null, busy[(busy.Length / 2)..])], "America/Chicago");

            foreach (var slot in slots)
            {
                Assert.DoesNotContain(busy, b => b.Start < slot.End && slot.Start < b.End);
                Assert.Equal(search.Duration, slot.End - slot.Start);
                Assert.InRange(slot.Start, search.From, search.To - search.Duration);
            }

            Assert.Equal(slots.Count, slots.Select(s => s.Start).Distinct().Count());
            Assert.True(slots.Zip(slots.Skip(1)).All(p => p.First.End <= p.Second.Start));
        }
    }
}
