using System.Text.RegularExpressions;

namespace MentorBot.Features.Map.File;

/// <summary>
/// Merges a CSV roster into the current map: listed people are added or updated; with <c>endMissing</c>, people
/// not on the roster leave the map (and their pairings end). Problems on roster people are located by CSV line.
/// </summary>
internal static partial class RosterMerge
{
    public static (MentorshipMap? Map, IReadOnlyList<MapProblem> Problems) Merge(MentorshipMap current, IReadOnlyList<PersonEntry> roster, IReadOnlyList<int> lines, bool endMissing)
    {
        var document = MapDocumentWriter.From(current);
        var existing = document.People!.ToDictionary(p => p.Id!, StringComparer.Ordinal);
        roster = [.. roster.Select(r => r.Id is not null && existing.TryGetValue(r.Id, out var known) ? Overlay(known, r) : r)];
        var listed = roster.Select(p => p.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var kept = document.People!.Where(p => !listed.Contains(p.Id!) && !endMissing).ToList();
        var removed = endMissing ? document.People!.Select(p => p.Id!).Where(id => !listed.Contains(id)).ToHashSet(StringComparer.Ordinal) : [];
        document.People = [.. roster, .. kept];
        if (removed.Count > 0)
        {
            document.Mentorships = [.. document.Mentorships!.Where(m => !removed.Contains(m.Mentor!) && !removed.Contains(m.Mentee!))];
            foreach (var circle in document.Circles!)
            {
                circle.Members = [.. circle.Members!.Where(m => !removed.Contains(m))];
            }

            document.LeaderScopes = [.. document.LeaderScopes!.Where(s => !removed.Contains(s.Leader!))];
        }

        var (map, problems) = MapValidator.Validate(document);
        return (map, [.. problems.Select(p => p with { Location = Locate(p.Location, lines) })]);
    }

    /// <summary>A roster row updates what it states; blank cells and absent columns keep the current value.</summary>
    private static PersonEntry Overlay(PersonEntry current, PersonEntry row) => new()
    {
        Id = current.Id,
        Name = row.Name ?? current.Name,
        Email = row.Email ?? current.Email,
        AadObjectId = row.AadObjectId ?? current.AadObjectId,
        Level = row.Level ?? current.Level,
        Unit = row.Unit ?? current.Unit,
        Manager = row.Manager ?? current.Manager,
        TimeZone = row.TimeZone ?? current.TimeZone,
        WorkingHours = row.WorkingHours is null ? current.WorkingHours : new WorkingHoursEntry
        {
            Days = row.WorkingHours.Days ?? current.WorkingHours?.Days,
            Start = row.WorkingHours.Start ?? current.WorkingHours?.Start,
            End = row.WorkingHours.End ?? current.WorkingHours?.End,
        },
        QuietHours = row.QuietHours is null ? current.QuietHours : new TimeRangeEntry { Start = row.QuietHours.Start ?? current.QuietHours?.Start, End = row.QuietHours.End ?? current.QuietHours?.End },
        StartDate = row.StartDate ?? current.StartDate,
        Locale = row.Locale ?? current.Locale,
        MentorCapacity = row.MentorCapacity ?? current.MentorCapacity,
        Teaches = row.Teaches ?? current.Teaches,
        Roles = row.Roles ?? current.Roles,
    };

    private static string Locate(string location, IReadOnlyList<int> lines)
    {
        var match = PersonPath().Match(location);
        if (match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var index && index < lines.Count)
        {
            var field = match.Groups[2].Value.TrimStart('.');
            return field.Length == 0 ? $"line {lines[index]}" : $"line {lines[index]}, {field}";
        }

        return "current map " + location;
    }

    [GeneratedRegex(@"^\$\.people\[(\d+)\](.*)$")]
    private static partial Regex PersonPath();
}
