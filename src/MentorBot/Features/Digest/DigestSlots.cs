using System.Globalization;
using MentorBot.Features.Map;

namespace MentorBot.Features.Digest;

/// <summary>
/// Pure weekly timing: a leader's digest is due at their weekday and local time in the ISO week (Monday to Sunday, in
/// their zone), keyed by that week (<c>2026-W48</c>) so each week is queued once. A slot more than a day old is not
/// sent late (the next week's comes), and no slot before the leader was first seen is sent at all.
/// </summary>
internal static class DigestSlots
{
    public static readonly TimeSpan CatchUp = TimeSpan.FromDays(1);

    /// <summary>The slot that is due now, if any.</summary>
    public static (string Week, DateTimeOffset At)? Due(DateTimeOffset now, string timeZone, DayOfWeek day, TimeOnly at, DateTimeOffset since)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var today = LocalDate(now, zone);
        foreach (var date in new[] { today, today.AddDays(-7) })
        {
            var slot = SlotIn(date, day, at, zone);
            if (slot.At <= now && now - slot.At < CatchUp && slot.At > since)
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>The next slot strictly after now.</summary>
    public static DateTimeOffset Next(DateTimeOffset now, string timeZone, DayOfWeek day, TimeOnly at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var today = LocalDate(now, zone);
        var slot = SlotIn(today, day, at, zone).At;
        return slot > now ? slot : SlotIn(today.AddDays(7), day, at, zone).At;
    }

    public static string WeekKey(DateOnly date)
    {
        var noon = date.ToDateTime(new TimeOnly(12, 0));
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(noon)}-W{ISOWeek.GetWeekOfYear(noon):00}");
    }

    /// <summary>The slot in the ISO week holding <paramref name="date"/>.</summary>
    private static (string Week, DateTimeOffset At) SlotIn(DateOnly date, DayOfWeek day, TimeOnly at, TimeZoneInfo zone)
    {
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        var slotDate = monday.AddDays(((int)day + 6) % 7);
        return (WeekKey(slotDate), CadenceCalendar.ToInstant(slotDate, at, zone));
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
