using MentorBot.Features.Map;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// Pure scheduling rules: a cadence occurrence is moved into the person's working day and hours and out of their
/// quiet hours, in their own time zone. An occurrence before the working day starts waits for the start; one after it
/// ends, on a day off or in quiet hours moves to the start of the next working day.
/// </summary>
internal static class CheckInSlots
{
    public static DateTimeOffset Place(DateTimeOffset occurrence, Person person)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(person.TimeZone);
        var hours = person.WorkingHours;
        var local = TimeZoneInfo.ConvertTime(occurrence, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        for (var guard = 0; guard < 14; guard++)
        {
            if (hours.Days.Contains(date.DayOfWeek))
            {
                var candidate = time < hours.Start ? hours.Start : time;
                if (candidate < hours.End && !(person.QuietHours?.Contains(candidate) ?? false))
                {
                    return CadenceCalendar.ToInstant(date, candidate, zone);
                }

                if (candidate < hours.End && person.QuietHours is { } quiet && quiet.End > candidate && quiet.End < hours.End)
                {
                    return CadenceCalendar.ToInstant(date, quiet.End, zone);
                }
            }

            date = date.AddDays(1);
            time = hours.Start;
        }

        return occurrence;
    }

    /// <summary>The scheduled slot of the latest occurrence at or before <paramref name="now"/>, and of the one after it.</summary>
    public static (DateTimeOffset Current, DateTimeOffset Next)? CurrentWindow(Mentorship mentorship, Person mentee, DateTimeOffset now)
    {
        var anchor = mentorship.PausedUntil is { } resume && resume > mentorship.StartDate ? resume : mentorship.StartDate;
        return CurrentWindow(mentorship.Cadence, anchor, mentee, now);
    }

    /// <summary>The same for any cadence (a circle's, say), placed in <paramref name="person"/>'s zone and working hours.</summary>
    public static (DateTimeOffset Current, DateTimeOffset Next)? CurrentWindow(Cadence cadence, DateOnly anchor, Person person, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(person.TimeZone);
        var step = cadence.Every switch
        {
            CadenceFrequency.Weekly => TimeSpan.FromDays(8),
            CadenceFrequency.Biweekly => TimeSpan.FromDays(15),
            _ => TimeSpan.FromDays(36),
        };

        // The latest occurrence at or before now: the next one after (now - one period), stepping forward.
        var occurrence = CadenceCalendar.NextOccurrence(cadence, anchor, zone, now - step);
        if (occurrence > now)
        {
            return null;
        }

        var next = CadenceCalendar.NextOccurrence(cadence, anchor, zone, occurrence);
        while (next <= now)
        {
            occurrence = next;
            next = CadenceCalendar.NextOccurrence(cadence, anchor, zone, occurrence);
        }

        var current = Place(occurrence, person);
        return current > now ? null : (current, Place(next, person));
    }
}
