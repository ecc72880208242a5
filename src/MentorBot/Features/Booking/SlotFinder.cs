using MentorBot.Features.Map;

namespace MentorBot.Features.Booking;

/// <summary>One person's side of a slot search: their zone, hours, quiet hours and what their calendar says.</summary>
internal sealed record SlotAttendee(string TimeZone, WorkingHours Hours, LocalTimeRange? QuietHours, IReadOnlyList<BusyBlock> Busy);

/// <summary>What to look for: a window in UTC, the meeting length, and an optional lunch break in each person's local time.</summary>
internal sealed record SlotSearch(DateTimeOffset From, DateTimeOffset To, TimeSpan Duration, LocalTimeRange? Lunch = null, int Count = 3);

/// <summary>A proposed meeting time, in UTC.</summary>
internal sealed record Slot(DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// Finds the earliest mutual meeting times: inside both people's working hours (each in their own zone, across DST),
/// outside quiet hours and lunch, clear of busy, tentative and out-of-office blocks; the earliest slot of each day
/// first, so that three proposals fall on three days when the calendars allow it. Pure: the same input always gives
/// the same slots.
/// </summary>
internal static class SlotFinder
{
    /// <summary>Slots start on quarter hours.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<Slot> Find(SlotSearch search, IReadOnlyList<SlotAttendee> attendees, string dayZone)
    {
        if (attendees.Count == 0 || search.Duration <= TimeSpan.Zero || search.To <= search.From)
        {
            return [];
        }

        var free = new List<Interval> { new(search.From, search.To) };
        foreach (var attendee in attendees)
        {
            free = Intersect(free, FreeTime(attendee, search));
        }

        var candidates = new List<Slot>();
        foreach (var interval in free)
        {
            for (var start = RoundUp(interval.Start); start + search.Duration <= interval.End; start += Step)
            {
                candidates.Add(new Slot(start, start + search.Duration));
            }
        }

        return Spread(candidates, search.Count, TimeZoneInfo.FindSystemTimeZoneById(dayZone));
    }

    /// <summary>The earliest slot of each day (in <paramref name="zone"/>) first; then, if days run out, the earliest slots left that overlap none chosen.</summary>
    private static List<Slot> Spread(List<Slot> candidates, int count, TimeZoneInfo zone)
    {
        var chosen = new List<Slot>();
        var days = new HashSet<DateOnly>();
        foreach (var slot in candidates)
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (days.Add(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(slot.Start, zone).DateTime)))
            {
                chosen.Add(slot);
            }
        }

        foreach (var slot in candidates)
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (!chosen.Any(c => c.Start < slot.End && slot.Start < c.End))
            {
                chosen.Add(slot);
            }
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    /// <summary>The person's working time over the window, minus quiet hours, lunch and blocking calendar entries.</summary>
    private static List<Interval> FreeTime(SlotAttendee attendee, SlotSearch search)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(attendee.TimeZone);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(search.From, zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(search.To, zone).DateTime).AddDays(1);
        var working = new List<Interval>();
        var blocked = new List<Interval>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (attendee.Hours.Days.Contains(day.DayOfWeek))
            {
                working.Add(Local(day, attendee.Hours.Start, attendee.Hours.End, zone));
            }

            if (attendee.QuietHours is { } quiet)
            {
                blocked.Add(Local(day, quiet.Start, quiet.End, zone));
            }

            if (search.Lunch is { } lunch)
            {
                blocked.Add(Local(day, lunch.Start, lunch.End, zone));
            }
        }

        blocked.AddRange(attendee.Busy.Where(b => b.Blocks && b.End > b.Start).Select(b => new Interval(b.Start, b.End)));
        return Subtract(Normalise(working), Normalise(blocked));
    }

    /// <summary>A local span on a day in a zone, as UTC; an end at or before the start runs into the next day (a night shift).</summary>
    private static Interval Local(DateOnly day, TimeOnly start, TimeOnly end, TimeZoneInfo zone)
    {
        var from = ToUtc(day.ToDateTime(start), zone);
        var to = ToUtc((end <= start ? day.AddDays(1) : day).ToDateTime(end), zone);
        return new Interval(from, to);
    }

    /// <summary>Local wall time to UTC. A time that DST skips moves forward past the gap; a repeated time takes its first occurrence.</summary>
    internal static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static DateTimeOffset RoundUp(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        var remainder = ticks % Step.Ticks;
        return remainder == 0 ? instant.ToUniversalTime() : new DateTimeOffset(ticks - remainder + Step.Ticks, TimeSpan.Zero);
    }

    private static List<Interval> Normalise(List<Interval> intervals)
    {
        var sorted = intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start).ToList();
        var merged = new List<Interval>();
        foreach (var interval in sorted)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = interval.End > merged[^1].End ? interval.End : merged[^1].End };
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }

    private static List<Interval> Subtract(List<Interval> from, List<Interval> remove)
    {
        var result = new List<Interval>();
        foreach (var interval in from)
        {
            var start = interval.Start;
            foreach (var hole in remove)
            {
                if (hole.End <= start || hole.Start >= interval.End)
                {
                    continue;
                }

                if (hole.Start > start)
                {
                    result.Add(new Interval(start, hole.Start));
                }

                start = hole.End > start ? hole.End : start;
            }

            if (start < interval.End)
            {
                result.Add(new Interval(start, interval.End));
            }
        }

        return result;
    }

    private static List<Interval> Intersect(List<Interval> a, List<Interval> b)
    {
        var result = new List<Interval>();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var start = a[i].Start > b[j].Start ? a[i].Start : b[j].Start;
            var end = a[i].End < b[j].End ? a[i].End : b[j].End;
            if (start < end)
            {
                result.Add(new Interval(start, end));
            }

            if (a[i].End < b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return result;
    }

    private readonly record struct Interval(DateTimeOffset Start, DateTimeOffset End);
}
