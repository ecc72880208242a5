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
