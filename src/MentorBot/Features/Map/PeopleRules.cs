using MentorBot.Features.Map.File;

namespace MentorBot.Features.Map;

/// <summary>Validation of the people section, including reporting-line cycles.</summary>
internal static class PeopleRules
{
    public static List<Person> Validate(
        List<PersonEntry> entries, HashSet<string> laneIds, HashSet<string> unitIds, string programmeZone, Action<string, string> problem, HashSet<string>? stepIds = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenAad = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var allIds = entries.Select(e => e.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var people = new List<Person>();
        for (var i = 0; i < entries.Count; i++)
        {
            var person = ValidateOne(entries[i], $"$.people[{i}]", i, seen, seenAad, allIds, laneIds, unitIds, programmeZone, problem);
            if (person is not null && PersonGrowthRules.Read(entries[i], $"$.people[{i}]", stepIds ?? [], problem) is { } growth)
            {
                person = person with { StepId = growth.StepId, FirstShift = growth.FirstShift };
            }
            else
            {
                person = null;
            }

            if (person is not null)
            {
                people.Add(person);
            }
        }

        ReportCycles(entries, problem);
        return people;
    }

    private static Person? ValidateOne(
        PersonEntry e, string at, int index, HashSet<string> seen, Dictionary<string, int> seenAad, HashSet<string> allIds,
        HashSet<string> laneIds, HashSet<string> unitIds, string programmeZone, Action<string, string> problem)
    {
        var ok = MapValidator.CheckId(e.Id, at + ".id", seen, "person", problem);
        if (string.IsNullOrWhiteSpace(e.Name))
        {
            problem(at + ".name", "A person needs a name.");
            ok = false;
        }

        if (e.AadObjectId is { } aad)
        {
            if (!MapValues.IsObjectId(aad))
            {
                problem(at + ".aadObjectId", $"'{aad}' is not an Entra object id: letters, digits and hyphens, as Teams sends them.");
                ok = false;
            }
            else if (!seenAad.TryAdd(aad, index))
            {
                problem(at + ".aadObjectId", $"Duplicate aadObjectId: also used by $.people[{seenAad[aad]}].");
                ok = false;
            }
        }

        if (e.Email is { } email && !MapValues.IsEmail(email))
        {
            problem(at + ".email", $"'{email}' is not an email address.");
            ok = false;
        }

        if (!MapValues.TryLevel(e.Level, out var level))
        {
            problem(at + ".level", $"'{e.Level}' is not a level: use director, manager, lead or staff.");
            ok = false;
        }

        if (e.Unit is { } unit && !unitIds.Contains(unit))
        {
            problem(at + ".unit", $"Unknown unit '{unit}'.");
            ok = false;
        }

        if (e.Manager is { } manager)
        {
            if (manager == e.Id)
            {
                problem(at + ".manager", "A person cannot be their own manager.");
                ok = false;
            }
            else if (!allIds.Contains(manager))
            {
                problem(at + ".manager", $"Unknown person '{manager}'.");
                ok = false;
            }
        }

        var zone = e.TimeZone ?? programmeZone;
        if (!MapValues.IsTimeZone(zone))
        {
            problem(at + ".timeZone", $"'{zone}' is not an IANA time zone such as America/Chicago.");
            ok = false;
        }

        var hours = ReadWorkingHours(e.WorkingHours, at + ".workingHours", problem, ref ok);
        var quiet = ReadRange(e.QuietHours, at + ".quietHours", problem, ref ok);
        DateOnly? start = null;
        if (e.StartDate is not null)
        {
            if (MapValues.TryDate(e.StartDate, out var date))
            {
                start = date;
            }
            else
            {
                problem(at + ".startDate", $"'{e.StartDate}' is not a date: use yyyy-MM-dd.");
                ok = false;
            }
        }

        var locale = e.Locale ?? "en-US";
        if (!MapValues.IsLocale(locale))
        {
            problem(at + ".locale", $"'{locale}' is not a locale such as en-US or es-US.");
            ok = false;
        }

        if (e.MentorCapacity is < 0 or > 50)
        {
            problem(at + ".mentorCapacity", "mentorCapacity must be between 0 and 50.");
            ok = false;
        }

        var teaches = e.Teaches ?? [];
        for (var t = 0; t < teaches.Count; t++)
        {
            if (!laneIds.Contains(teaches[t]))
            {
                problem($"{at}.teaches[{t}]", $"Unknown lane '{teaches[t]}'.");
                ok = false;
            }
        }

        var needs = e.Needs ?? [];
        for (var n = 0; n < needs.Count; n++)
        {
            if (!laneIds.Contains(needs[n]))
            {
                problem($"{at}.needs[{n}]", $"Unknown lane '{needs[n]}'.");
                ok = false;
            }
        }

        var roles = e.Roles ?? [];
        for (var r = 0; r < roles.Count; r++)
        {
            if (!string.Equals(roles[r], "admin", StringComparison.OrdinalIgnoreCase))
            {
                problem($"{at}.roles[{r}]", $"Unknown role '{roles[r]}': the only extra role is admin (programme admin).");
                ok = false;
            }
        }

        return ok
            ? new Person(e.Id!, e.AadObjectId?.ToLowerInvariant(), e.Name!.Trim(), e.Email?.Trim(), level, e.Unit, e.Manager, zone, hours, quiet, start, locale,
                e.MentorCapacity ?? 0, [.. teaches.Distinct(StringComparer.Ordinal)], roles.Count > 0, [.. needs.Distinct(StringComparer.Ordinal)])
            : null;
    }

    private static WorkingHours ReadWorkingHours(WorkingHoursEntry? entry, string at, Action<string, string> problem, ref bool ok)
    {
        if (entry is null)
        {
            return WorkingHours.Default;
        }

        var days = new List<DayOfWeek>();
        var source = entry.Days ?? ["mon", "tue", "wed", "thu", "fri"];
        for (var d = 0; d < source.Count; d++)
        {
            if (MapValues.TryDay(source[d], out var day))
            {
                days.Add(day);
            }
            else
            {
                problem($"{at}.days[{d}]", $"'{source[d]}' is not a weekday: use mon, tue, wed, thu, fri, sat or sun.");
                ok = false;
            }
        }

        if (source.Count == 0)
        {
            problem(at + ".days", "Working hours need at least one day.");
            ok = false;
        }

        var range = ReadRange(new TimeRangeEntry { Start = entry.Start ?? "09:00", End = entry.End ?? "17:00" }, at, problem, ref ok);
        if (range is not null && range.Start >= range.End)
        {
            problem(at, "Working hours must start before they end on the same day.");
            ok = false;
        }

        return range is null ? WorkingHours.Default : new WorkingHours([.. days.Distinct().Order()], range.Start, range.End);
    }

    private static LocalTimeRange? ReadRange(TimeRangeEntry? entry, string at, Action<string, string> problem, ref bool ok)
    {
        if (entry is null)
        {
            return null;
        }

        var startOk = MapValues.TryTime(entry.Start, out var start);
        var endOk = MapValues.TryTime(entry.End, out var end);
        if (!startOk)
        {
            problem(at + ".start", $"'{entry.Start}' is not a time of day: use HH:mm.");
        }

        if (!endOk)
        {
            problem(at + ".end", $"'{entry.End}' is not a time of day: use HH:mm.");
        }

        ok &= startOk && endOk;
        return startOk && endOk ? new LocalTimeRange(start, end) : null;
    }

    /// <summary>Each reporting cycle is reported once, at the person who closes it, naming everyone in it.</summary>
    private static void ReportCycles(List<PersonEntry> entries, Action<string, string> problem)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Id is { } id)
            {
                index.TryAdd(id, i);
            }
        }

        var state = new int[entries.Count]; // 0 unvisited, 1 on the current path, 2 done
        for (var start = 0; start < entries.Count; start++)
        {
            var path = new List<int>();
            var current = start;
            while (current >= 0 && state[current] == 0)
            {
                state[current] = 1;
                path.Add(current);
                current = entries[current].Manager is { } manager && manager != entries[current].Id && index.TryGetValue(manager, out var next) ? next : -1;
            }

            if (current >= 0 && state[current] == 1)
            {
                var cycle = path.SkipWhile(p => p != current).ToList();
                problem($"$.people[{cycle.Min()}].manager", "Reporting lines form a cycle: " + string.Join(" → ", cycle.Append(current).Select(c => entries[c].Id)) + ".");
            }

            foreach (var visited in path)
            {
                state[visited] = 2;
            }
        }
    }
}
