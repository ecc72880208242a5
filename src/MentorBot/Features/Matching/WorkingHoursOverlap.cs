using MentorBot.Features.Map;

namespace MentorBot.Features.Matching;

/// <summary>A span of UTC time, start inclusive and end exclusive.</summary>
internal readonly record struct UtcSpan(DateTime Start, DateTime End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>
/// How much of a week two people both spend at work, whatever their time zones. A week is the seven UTC days from the
/// Monday of the given date; each person's shifts are placed in their own zone (so DST counts on the real dates, and a
/// shift that ends before it starts runs past midnight) and clipped to that UTC week, so overlap across its edges
/// is counted once, as it would be in a repeating week.
/// </summary>
internal static class WorkingHoursOverlap
{
    public static int SharedMinutesPerWeek(string zoneA, WorkingHours a, string zoneB, WorkingHours b, DateOnly week) =>
        SharedMinutes(WeekInUtc(zoneA, a, week), WeekInUtc(zoneB, b, week));

    /// <summary>A person's shifts in the UTC week starting on the Monday of <paramref name="week"/>, sorted, clipped to that week.</summary>
    public static IReadOnlyList<UtcSpan> WeekInUtc(string zoneId, WorkingHours hours, DateOnly week)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var monday = week.AddDays(-(((int)week.DayOfWeek + 6) % 7));
        var weekStart = monday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var weekEnd = weekStart.AddDays(7);
        var spans = new List<UtcSpan>();

        // Local days from the Sunday before to the Monday after cover every shift that can touch the UTC week.
        for (var date = monday.AddDays(-2); date <= monday.AddDays(8); date = date.AddDays(1))
        {
            if (!hours.Days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var start = CadenceCalendar.ToInstant(date, hours.Start, zone).UtcDateTime;
            var endDate = hours.End > hours.Start ? date : date.AddDays(1);
            var end = CadenceCalendar.ToInstant(endDate, hours.End, zone).UtcDateTime;
            var clipped = new UtcSpan(Max(start, weekStart), Min(end, weekEnd));
            if (clipped.End > clipped.Start)
            {
                spans.Add(clipped);
            }
        }

        return spans;
    }

    /// <summary>Minutes inside both lists of sorted spans.</summary>
    public static int SharedMinutes(IReadOnlyList<UtcSpan> a, IReadOnlyList<UtcSpan> b)
    {
        var shared = TimeSpan.Zero;
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var start = Max(a[i].Start, b[j].Start);
            var end = Min(a[i].End, b[j].End);
            if (end > start)
            {
                shared += end - start;
            }

            if (a[i].End <= b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (int)shared.TotalMinutes;
    }

    private static DateTime Max(DateTime x, DateTime y) => x > y ? x : y;

    private static DateTime Min(DateTime x, DateTime y) => x < y ? x : y;
}
