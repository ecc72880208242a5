using MentorBot.Features.Map;

namespace MentorBot.Features.Digest;

/// <summary>
/// Raw counts for one unit in one week, straight from SQL: never shown as they are (see <see cref="DigestFigures"/>).
/// A person's answers count once per week: their confidence and load are averaged first, so someone with three
/// pairings weighs as much as someone with one. Only scores the person shared with their mentor are counted. The lowest
/// and highest person's average are there to spot a unanimous group, whose average would give everyone's score away.
/// </summary>
internal sealed record UnitWeek(
    string UnitId,
    int Week,
    int PeopleSent,
    int Sent,
    int Answered,
    int Respondents,
    int Scorers,
    double ConfidenceSum,
    double LoadSum,
    int AskedTime,
    double ConfidenceLowest = 0,
    double ConfidenceHighest = 0,
    double LoadLowest = 0,
    double LoadHighest = 0);

/// <summary>How many people named a lane in a shared "need" or "stuck" answer: this week, and in the four weeks before.</summary>
internal sealed record LaneCount(string LaneId, int ThisWeek, int Before);

/// <summary>
/// Everything a digest is computed from, for one scope and one instant. Counts only: no text, no names.
/// <see cref="PublishedUnitSets"/> are the unit sets other leaders' digests cover (unit scopes only), whose totals are
/// therefore published too: the unit breakdown protects its hidden units against them as well.
/// </summary>
internal sealed record DigestData(
    DateTimeOffset AsOf,
    IReadOnlyDictionary<string, int> PeopleByUnit,
    IReadOnlyList<UnitWeek> UnitWeeks,
    IReadOnlyList<int> SessionsByWeek,
    IReadOnlyList<LaneCount> Lanes,
    int CalibrationRespondents,
    int LowCalibrations,
    int Mentors,
    int MentorsAtCapacity,
    IReadOnlyList<DateOnly> RecentStarts,
    int Unreachable,
    IReadOnlyDictionary<string, string> UnitNames,
    IReadOnlyDictionary<string, string> LaneNames,
    IReadOnlyList<IReadOnlyList<string>> PublishedUnitSets,
    int ConcernsOpen = 0,
    int ConcernsResolved = 0)
{
    public int People => PeopleByUnit.Values.Sum();
}

/// <summary>The digest's window: this week and the four before it, each seven days ending at the digest's instant.</summary>
internal static class DigestWindow
{
    public const int Weeks = 5;

    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>Week 0 is (asOf − 7 days, asOf]; week 1 the seven days before; and so on.</summary>
    public static DateTimeOffset StartOf(int week, DateTimeOffset asOf) => asOf - (Week * (week + 1));
}

/// <summary>
/// Counts the lanes named in "need" and "stuck" answers, reading each answer once and keeping only which lanes it
/// named: the text itself is dropped at once, never stored, logged or returned.
/// </summary>
internal sealed class LaneTally(IReadOnlyList<Lane> lanes)
{
    private readonly Coaching.LaneFinder _finder = Coaching.LaneMentions.For(lanes);
    private readonly Dictionary<string, HashSet<string>> _thisWeek = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _before = new(StringComparer.Ordinal);

    public void Add(string personId, int week, string? need, string? stuck)
    {
        if (week is < 0 or >= DigestWindow.Weeks || (string.IsNullOrWhiteSpace(need) && string.IsNullOrWhiteSpace(stuck)))
        {
            return;
        }

        var target = week == 0 ? _thisWeek : _before;
        foreach (var lane in _finder.Find([need, stuck]))
        {
            if (!target.TryGetValue(lane, out var people))
            {
                target[lane] = people = new HashSet<string>(StringComparer.Ordinal);
            }

            people.Add(personId);
        }
    }

    public IReadOnlyList<LaneCount> Counts() =>
        [.. _thisWeek.Keys.Union(_before.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(lane => new LaneCount(lane, _thisWeek.GetValueOrDefault(lane)?.Count ?? 0, _before.GetValueOrDefault(lane)?.Count ?? 0))];
}
