using System.Globalization;

namespace MentorBot.Features.Map.File;

/// <summary>
/// Reads a people roster from CSV. Columns, by header name in any order (only id, name and level are required):
/// id, name, email, aadObjectId, level, unit, manager, timeZone, workingDays ("mon tue wed"), workStart, workEnd,
/// quietStart, quietEnd, startDate, locale, mentorCapacity, teaches ("lane-a lane-b"), roles, step, firstShift, and for someone
/// who has left, leftOn and leftReason (left-organisation, moved-unit or other).
/// </summary>
internal static class RosterCsvReader
{
    public static readonly string[] Required = ["id", "name", "level"];

    public static (List<PersonEntry> People, List<int> Lines, IReadOnlyList<MapProblem> Problems) Read(TextReader text)
    {
        var people = new List<PersonEntry>();
        var lines = new List<int>();
        var problems = new List<MapProblem>();
        using var records = CsvRecords.Read(text).GetEnumerator();
        if (!records.MoveNext())
        {
            return (people, lines, [new MapProblem("line 1", "The roster is empty: it needs a header line with at least id, name and level.")]);
        }

        var header = records.Current.Fields.Select((name, index) => (Name: name.Trim().ToLowerInvariant(), index))
            .GroupBy(h => h.Name).ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
        foreach (var missing in Required.Where(r => !header.ContainsKey(r)))
        {
            problems.Add(new MapProblem("line 1", $"Missing column '{missing}'."));
        }

        if (problems.Count > 0)
        {
            return (people, lines, problems);
        }

        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            string? Field(string name) => header.TryGetValue(name.ToLowerInvariant(), out var i) && i < fields.Count && fields[i].Trim() is { Length: > 0 } v ? v : null;
            List<string>? Words(string name) => Field(name)?.Split([' ', ';', '|'], StringSplitOptions.RemoveEmptyEntries).ToList();
            if (fields.Count > header.Count)
            {
                problems.Add(new MapProblem($"line {line}", $"{fields.Count} fields for {header.Count} columns (check the commas and quotes)."));
            }

            int? capacity = null;
            if (Field("mentorCapacity") is { } text2)
            {
                if (int.TryParse(text2, NumberStyles.None, CultureInfo.InvariantCulture, out var c))
                {
                    capacity = c;
                }
                else
                {
                    problems.Add(new MapProblem($"line {line}, mentorCapacity", $"'{text2}' is not a whole number."));
                }
            }

            people.Add(new PersonEntry
            {
                Id = Field("id"), Name = Field("name"), Email = Field("email"), AadObjectId = Field("aadObjectId"), Level = Field("level"), Unit = Field("unit"),
                Manager = Field("manager"), TimeZone = Field("timeZone"), StartDate = Field("startDate"), Locale = Field("locale"), MentorCapacity = capacity,
                Teaches = Words("teaches"), Roles = Words("roles"), Step = Field("step"), FirstShift = Field("firstShift"),
                Left = Field("leftOn") is null && Field("leftReason") is null ? null : new LeftEntry { On = Field("leftOn"), Reason = Field("leftReason") },
                WorkingHours = Field("workingDays") is null && Field("workStart") is null && Field("workEnd") is null
                    ? null
                    : new WorkingHoursEntry { Days = Words("workingDays"), Start = Field("workStart"), End = Field("workEnd") },
                QuietHours = Field("quietStart") is null && Field("quietEnd") is null ? null : new TimeRangeEntry { Start = Field("quietStart"), End = Field("quietEnd") },
            });
            lines.Add(line);
        }

        return (people, lines, problems);
    }
}
