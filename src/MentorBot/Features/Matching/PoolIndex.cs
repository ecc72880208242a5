using MentorBot.Features.Map;

namespace MentorBot.Features.Matching;

/// <summary>What the matcher needs to know about a mentee, with people and lanes turned into numbers.</summary>
internal sealed record MenteeProfile(
    int Level, string? Unit, int Schedule, IReadOnlyList<LaneNeed> Needs, int[] NeedLanes, int NeededWeight, int Self, int Manager, IReadOnlySet<int> Recent, IReadOnlySet<int> Earlier);

/// <summary>What the matcher needs to know about a mentor.</summary>
internal sealed record MentorProfile(int Level, string? Unit, int Schedule, int Places, int Taken, int Free);

/// <summary>
/// The request turned into numbered profiles, plus an index of mentors with free places by lane and level, so a
/// mentee's candidates come from the few lists for the lanes they need and the levels the pairing kind allows.
/// </summary>
internal sealed class PoolIndex
{
    private readonly List<int>[][] byLaneAndLevel;
    private readonly bool[] levelAllowed;
    private readonly int levelCount;

    public PoolIndex(MatchRequest request)
    {
        Schedules = new ScheduleTable(request.Options.Week);
        var mentorIds = Numbered(request.Mentors.Select(m => m.Mentor.Id), "mentor");
        var menteeIds = Numbered(request.Mentees.Select(m => m.Mentee.Id), "mentee");
        var laneIds = Numbered(request.Mentors.SelectMany(m => m.Mentor.Teaches).Distinct(StringComparer.Ordinal), "lane");
        levelCount = Enum.GetValues<Level>().Length;
        Mentors = [.. request.Mentors.Select(m => new MentorProfile(
            (int)m.Mentor.Level, m.Mentor.UnitId, Schedules.Add(m.Mentor.TimeZone, m.Mentor.WorkingHours), m.Mentor.MentorCapacity, m.PlacesTaken, m.FreePlaces))];
        byLaneAndLevel = [.. laneIds.Select(_ => Enumerable.Range(0, levelCount).Select(_ => new List<int>()).ToArray())];
        for (var v = 0; v < Mentors.Length; v++)
        {
            foreach (var lane in request.Mentors[v].Mentor.Teaches.Distinct(StringComparer.Ordinal).Where(_ => Mentors[v].Free > 0))
            {
                byLaneAndLevel[laneIds[lane]][Mentors[v].Level].Add(v);
            }
        }

        var recent = Pairs(request.History.Recent, menteeIds, mentorIds);
        var earlier = Pairs(request.History.Earlier, menteeIds, mentorIds);
        Mentees = [.. request.Mentees.Select((r, u) => Profile(r, recent[u], earlier[u], laneIds, mentorIds))];
        levelAllowed = new bool[levelCount * levelCount];
        for (var mentee = 0; mentee < levelCount; mentee++)
        {
            for (var mentor = 0; mentor < levelCount; mentor++)
            {
                levelAllowed[(mentee * levelCount) + mentor] = MatchScoring.LevelsAllow(request.Options.Kind, (Level)mentor, (Level)mentee);
            }
        }
    }

    public MenteeProfile[] Mentees { get; }

    public MentorProfile[] Mentors { get; }

    public ScheduleTable Schedules { get; }

    /// <summary>
    /// Adds to <paramref name="into"/> each mentor with a free place who teaches a needed lane at an allowed level and
    /// is not ruled out (the mentee, their manager, paired recently), summing in <paramref name="covered"/> the weight of
    /// needed lanes each teaches. <paramref name="seen"/> must hold no value of mentee + 1 before the call.
    /// </summary>
    public void Candidates(int mentee, int[] seen, int[] covered, List<int> into)
    {
        var profile = Mentees[mentee];
        var stamp = mentee + 1;
        for (var i = 0; i < profile.NeedLanes.Length; i++)
        {
            if (profile.NeedLanes[i] < 0)
            {
                continue;
            }

            var lists = byLaneAndLevel[profile.NeedLanes[i]];
            for (var level = 0; level < levelCount; level++)
            {
                if (!levelAllowed[(profile.Level * levelCount) + level])
                {
                    continue;
                }

                foreach (var v in lists[level])
                {
                    if (seen[v] != stamp)
                    {
                        (seen[v], covered[v]) = (stamp, 0);
                        if (v != profile.Self && v != profile.Manager && !profile.Recent.Contains(v))
                        {
                            into.Add(v);
                        }
                    }

                    covered[v] += profile.Needs[i].Weight;
                }
            }
        }
    }

    private MenteeProfile Profile(MenteeRequest request, HashSet<int> recent, HashSet<int> earlier, Dictionary<string, int> laneIds, Dictionary<string, int> mentorIds)
    {
        var needs = request.Needs
            .GroupBy(n => n.LaneId, StringComparer.Ordinal)
            .Select(g => new LaneNeed(g.Key, g.Max(n => n.Weight)))
            .ToList();
        if (needs.Any(n => n.Weight < 1))
        {
            throw new ArgumentException($"Lane weights must be at least 1; {request.Mentee.Id} has a smaller one.", nameof(request));
        }

        var person = request.Mentee;
        return new(
            (int)person.Level,
            person.UnitId,
            Schedules.Add(person.TimeZone, person.WorkingHours),
            needs,
            [.. needs.Select(n => laneIds.GetValueOrDefault(n.LaneId, -1))],
            needs.Sum(n => n.Weight),
            mentorIds.GetValueOrDefault(person.Id, -1),
            person.ManagerId is { } manager ? mentorIds.GetValueOrDefault(manager, -1) : -1,
            recent,
            earlier);
    }

    private static HashSet<int>[] Pairs(IReadOnlyCollection<(string A, string B)> pairs, Dictionary<string, int> menteeIds, Dictionary<string, int> mentorIds)
    {
        var result = new HashSet<int>[menteeIds.Count];
        for (var u = 0; u < result.Length; u++)
        {
            result[u] = [];
        }

        foreach (var (a, b) in pairs)
        {
            if (menteeIds.TryGetValue(a, out var u) && mentorIds.TryGetValue(b, out var v))
            {
                result[u].Add(v);
            }

            if (menteeIds.TryGetValue(b, out u) && mentorIds.TryGetValue(a, out v))
            {
                result[u].Add(v);
            }
        }

        return result;
    }

    private static Dictionary<string, int> Numbered(IEnumerable<string> ids, string what)
    {
        var numbered = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!numbered.TryAdd(id, numbered.Count))
            {
                throw new ArgumentException($"The {what} {id} appears twice in one matching run.", nameof(ids));
            }
        }

        return numbered;
    }
}
