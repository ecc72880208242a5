namespace MentorBot.Features.Matching;

/// <summary>
/// Every pair that may be matched, with its score before load, found through an index of mentors by lane and level
/// so that only mentors teaching a needed lane at an allowed level are ever looked at. A mentee's candidates are
/// sorted best first. Mentors with no free place are left out: they cannot take anyone.
/// </summary>
internal sealed class CandidatePool
{
    private readonly MatchRequest request;
    private readonly MenteeProfile[] mentees;
    private readonly MentorProfile[] mentors;
    private readonly ScheduleTable schedules;
    private readonly int[] start;
    private readonly int[] candidate;
    private readonly int[] score;

    public CandidatePool(MatchRequest request)
    {
        this.request = request;
        var index = new PoolIndex(request);
        (mentees, mentors, schedules) = (index.Mentees, index.Mentors, index.Schedules);
        start = new int[mentees.Length + 1];
        var near = new List<int>();
        var found = new List<long>();
        var all = new List<long>(mentees.Length * 16);
        var covered = new int[mentors.Length];
        var seen = new int[mentors.Length];
        for (var u = 0; u < mentees.Length; u++)
        {
            near.Clear();
            found.Clear();
            index.Candidates(u, seen, covered, near);

            // Best first: a key of (PairMax − score, mentor) sorts by score down, then mentor number up.
            foreach (var v in near)
            {
                var pair = Parts(u, v, covered[v], mentees[u].Earlier.Contains(v)).Total;
                found.Add(((long)(MatchScoring.PairMax - pair) << 32) | (uint)v);
            }

            found.Sort();
            all.AddRange(found);
            start[u + 1] = all.Count;
        }

        candidate = new int[all.Count];
        score = new int[all.Count];
        for (var e = 0; e < all.Count; e++)
        {
            (candidate[e], score[e]) = ((int)(all[e] & uint.MaxValue), MatchScoring.PairMax - (int)(all[e] >> 32));
        }
    }

    public int MenteeCount => mentees.Length;

    public int MentorCount => mentors.Length;

    public int EdgeCount => candidate.Length;

    public MatchRequest Request => request;

    /// <summary>Where the mentee's candidates start in the numbering of all candidate pairs.</summary>
    public int FirstEdge(int mentee) => start[mentee];

    /// <summary>The mentee's candidate mentors, best first.</summary>
    public ReadOnlySpan<int> MentorsOf(int mentee) => candidate.AsSpan(start[mentee], start[mentee + 1] - start[mentee]);

    /// <summary>The scores before load, in the order of <see cref="MentorsOf"/>.</summary>
    public ReadOnlySpan<int> ScoresOf(int mentee) => score.AsSpan(start[mentee], start[mentee + 1] - start[mentee]);

    public int FreePlaces(int mentor) => mentors[mentor].Free;

    /// <summary>The load part for the mentor's k-th new mentee this run, counting from 1.</summary>
    public int Load(int mentor, int k) => MatchScoring.Load(mentors[mentor].Places, mentors[mentor].Taken, k);

    public MatchScore Parts(int mentee, int mentor) => Parts(mentee, mentor, CoveredWeight(mentee, mentor), PairedBefore(mentee, mentor));

    public int SharedMinutes(int mentee, int mentor) => schedules.SharedMinutes(mentees[mentee].Schedule, mentors[mentor].Schedule);

    /// <summary>The needed lanes the mentor teaches, in the mentee's order.</summary>
    public IReadOnlyList<string> CoveredLanes(int mentee, int mentor)
    {
        var teaches = request.Mentors[mentor].Mentor.Teaches;
        return [.. mentees[mentee].Needs.Select(n => n.LaneId).Where(l => teaches.Contains(l, StringComparer.Ordinal))];
    }

    public bool PairedBefore(int mentee, int mentor) => mentees[mentee].Earlier.Contains(mentor);

    private MatchScore Parts(int u, int v, int coveredWeight, bool pairedBefore)
    {
        var (mentee, mentor) = (mentees[u], mentors[v]);
        return new(
            MatchScoring.LaneFit(coveredWeight, mentee.NeededWeight),
            MatchScoring.LevelFit(Math.Abs(mentor.Level - mentee.Level)),
            MatchScoring.SharedHours(schedules.SharedMinutes(mentee.Schedule, mentor.Schedule)),
            MatchScoring.History(pairedBefore),
            MatchScoring.Unit(request.Options.Units, mentee.Unit, mentor.Unit),
            0);
    }

    private int CoveredWeight(int mentee, int mentor)
    {
        var teaches = request.Mentors[mentor].Mentor.Teaches;
        return mentees[mentee].Needs.Where(n => teaches.Contains(n.LaneId, StringComparer.Ordinal)).Sum(n => n.Weight);
    }
}
