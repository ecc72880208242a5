using MentorBot.Features.Map.File;

namespace MentorBot.Features.Map;

internal static class CadenceRules
{
    /// <summary>Reads a cadence; a missing one is an error unless a default frequency applies (circles meet monthly).</summary>
    public static Cadence? Read(CadenceEntry? entry, string at, Action<string, string> problem, CadenceFrequency? defaultEvery = null)
    {
        if (entry is null)
        {
            if (defaultEvery is { } every)
            {
                return new Cadence(every, DayOfWeek.Thursday, new TimeOnly(14, 0));
            }

            problem(at, "A cadence is needed: every (weekly, biweekly or monthly), day (mon–sun) and time (HH:mm).");
            return null;
        }

        var ok = true;
        CadenceFrequency frequency = default;
        if (entry.Every is null && defaultEvery is { } d)
        {
            frequency = d;
        }
        else if (!MapValues.TryFrequency(entry.Every, out frequency))
        {
            problem(at + ".every", $"'{entry.Every}' is not a cadence: use weekly, biweekly or monthly.");
            ok = false;
        }

        if (!MapValues.TryDay(entry.Day, out var day))
        {
            problem(at + ".day", $"'{entry.Day}' is not a weekday: use mon, tue, wed, thu, fri, sat or sun.");
            ok = false;
        }

        if (!MapValues.TryTime(entry.Time, out var time))
        {
            problem(at + ".time", $"'{entry.Time}' is not a time of day: use HH:mm, for example 10:30.");
            ok = false;
        }

        return ok ? new Cadence(frequency, day, time) : null;
    }
}
