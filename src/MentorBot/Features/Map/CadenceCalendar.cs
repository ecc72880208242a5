namespace MentorBot.Features.Map;

/// <summary>
/// Pure calendar arithmetic for cadences: weekday + local time in an IANA zone, anchored at a start date.
/// Local times that do not exist (the spring-forward gap) move forward by the gap; ambiguous ones (fall-back)
/// take the earlier instant, so a check-in never happens twice.
/// </summary>
internal static class CadenceCalendar
{
    /// <summary>Circles have no start date; a fixed anchor keeps their alternate weeks stable.</summary>
    public static readonly DateOnly CircleAnchor = new(2024, 1, 1);

    /// <summary>The first occurrence strictly after <paramref name="after"/>, never before the anchor date.</summary>
    /// <summary>
    /// A pairing's next check-in after <paramref name="now"/>, in the mentee's zone: its cadence counted from its start,
    /// or from the day a pause ended.
    /// </summary>
    public static DateTimeOffset NextCheckIn(Mentorship mentorship, TimeZoneInfo menteeZone, DateTimeOffset now)
    {
        var anchor = mentorship.PausedUntil is { } resume && resume > mentorship.StartDate ? resume : mentorship.StartDate;
        return NextOccurrence(mentorship.Cadence, anchor, menteeZone, now);
    }

    public static DateTimeOffset NextOccurrence(Cadence cadence, DateOnly anchor, TimeZoneInfo zone, DateTimeOffset after)
    {
        var localAfter = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        var date = localAfter < anchor ? anchor : localAfter;
        var first = FirstOnOrAfter(anchor, cadence.Day);
        for (var guard = 0; guard < 400; guard++)
        {
            var candidate = NextDate(cadence, first, date);
            var instant = ToInstant(candidate, cadence.Time, zone);
            if (instant > after)
            {
                return instant;
            }

            date = candidate.AddDays(1);
        }

        throw new InvalidOperationException("No cadence occurrence within 400 steps; the cadence is malformed.");
    }

    /// <summary>The date of the first occurrence on or after <paramref name="from"/>.</summary>
    internal static DateOnly NextDate(Cadence cadence, DateOnly firstOccurrence, DateOnly from)
    {
        if (from < firstOccurrence)
        {
            from = firstOccurrence;
        }

        switch (cadence.Every)
        {
            case CadenceFrequency.Weekly:
                return FirstOnOrAfter(from, cadence.Day);
            case CadenceFrequency.Biweekly:
                var candidate = FirstOnOrAfter(from, cadence.Day);
                var weeks = (candidate.DayNumber - firstOccurrence.DayNumber) / 7;
                return weeks % 2 == 0 ? candidate : candidate.AddDays(7);
            default:
                var monthly = FirstOnOrAfter(new DateOnly(from.Year, from.Month, 1), cadence.Day);
                return monthly >= from ? monthly : FirstOnOrAfter(new DateOnly(from.Year, from.Month, 1).AddMonths(1), cadence.Day);
        }
    }

    /// <summary>Turns a local date and time in a zone into an instant, resolving DST gaps and overlaps.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var gap = zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= local && r.DateEnd >= local)?.DaylightDelta ?? TimeSpan.FromHours(1);
            local = local.Add(gap);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek day) => date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
}
