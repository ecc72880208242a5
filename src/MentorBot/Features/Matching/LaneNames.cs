using MentorBot.Features.Map;

namespace MentorBot.Features.Matching;

/// <summary>Lane names as they read inside a sentence: "clinical judgment and documentation".</summary>
internal sealed class LaneNames(IReadOnlyDictionary<string, string> names)
{
    public static LaneNames Of(IReadOnlyList<Lane> lanes) =>
        new(lanes.DistinctBy(l => l.Id, StringComparer.Ordinal).ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal));

    /// <summary>A lane's name, lower-cased at the start unless it begins with an acronym; the id when the lane is unknown.</summary>
    public string Name(string laneId)
    {
        var name = names.GetValueOrDefault(laneId, laneId);
        return name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1])
            ? string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1))
            : name;
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public string List(IEnumerable<string> laneIds, string conjunction = "and")
    {
        var named = laneIds.Select(Name).ToList();
        return named.Count <= 1
            ? string.Concat(named)
            : $"{string.Join(", ", named.Take(named.Count - 1))} {conjunction} {named[^1]}";
    }
}
