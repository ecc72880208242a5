namespace MentorBot.Features.Matching;

/// <summary>
/// The assignment that first matches as many mentees as possible and then has the highest total score, found as a
/// minimum-cost flow: source → mentee (1 place) → mentor (cost <c>PairMax − pair score</c>) → sink through one arc per
/// free place (cost: that place's load). Each mentee also has an arc straight to the sink, "unmatched", costing more
/// than any set of real pairs can, so the cheapest flow leaves as few mentees unmatched as possible.
/// <para>
/// To stay fast the network starts with each mentee's best few candidates. The potentials of the finished flow then
/// price every pair that was left out: if none has a negative reduced cost, no improving exchange exists in the full
/// network either (linear-programming duality), so the answer is optimal. Otherwise the pairs with a negative reduced
/// cost join the network and it is solved again. Pairs only ever join, so this ends, at worst with every pair in.
/// </para>
/// </summary>
internal static class OptimalAssignment
{
    /// <summary>The mentor index for each mentee, or −1; and how many flows it took to prove optimality.</summary>
    public static (int[] MentorOf, int Rounds) Solve(CandidatePool pool, int startingCandidates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startingCandidates, 1);
        var included = new bool[pool.EdgeCount];
        for (var u = 0; u < pool.MenteeCount; u++)
        {
            included.AsSpan(pool.FirstEdge(u), Math.Min(startingCandidates, pool.MentorsOf(u).Length)).Fill(true);
        }

        for (var round = 1; ; round++)
        {
            var (flow, arcOf) = Build(pool, included);
            flow.Solve(pool.MenteeCount + pool.MentorCount, pool.MenteeCount + pool.MentorCount + 1);
            if (!Price(pool, flow, included))
            {
                return (Assignment(pool, flow, arcOf), round);
            }
        }
    }

    private static (MinCostFlow Flow, int[] ArcOf) Build(CandidatePool pool, bool[] included)
    {
        var (n, m) = (pool.MenteeCount, pool.MentorCount);
        var (source, sink) = (n + m, n + m + 1);
        var unmatched = ((long)n * (MatchScoring.PairMax - MatchScoring.PairMin + MatchScoring.LoadMax)) + 1;
        var flow = new MinCostFlow(n + m + 2);
        var arcOf = new int[pool.EdgeCount];
        for (var u = 0; u < n; u++)
        {
            flow.AddArc(source, u, 1, 0);
            flow.AddArc(u, sink, 1, unmatched);
            var mentors = pool.MentorsOf(u);
            var scores = pool.ScoresOf(u);
            for (int i = 0, e = pool.FirstEdge(u); i < mentors.Length; i++, e++)
            {
                arcOf[e] = included[e] ? flow.AddArc(u, n + mentors[i], 1, MatchScoring.PairMax - scores[i]) : -1;
            }
        }

        for (var v = 0; v < m; v++)
        {
            for (var k = 1; k <= pool.FreePlaces(v); k++)
            {
                flow.AddArc(n + v, sink, 1, -pool.Load(v, k));
            }
        }

        return (flow, arcOf);
    }

    /// <summary>Prices every left-out pair and lets in those with a negative reduced cost. True when any did.</summary>
    private static bool Price(CandidatePool pool, MinCostFlow flow, bool[] included)
    {
        var joined = false;
        for (var u = 0; u < pool.MenteeCount; u++)
        {
            var mentors = pool.MentorsOf(u);
            var scores = pool.ScoresOf(u);
            for (int i = 0, e = pool.FirstEdge(u); i < mentors.Length; i++, e++)
            {
                if (!included[e] && flow.ReducedCost(u, pool.MenteeCount + mentors[i], MatchScoring.PairMax - scores[i]) < 0)
                {
                    included[e] = joined = true;
                }
            }
        }

        return joined;
    }

    private static int[] Assignment(CandidatePool pool, MinCostFlow flow, int[] arcOf)
    {
        var mentorOf = new int[pool.MenteeCount];
        for (var u = 0; u < mentorOf.Length; u++)
        {
            mentorOf[u] = -1;
            var mentors = pool.MentorsOf(u);
            for (int i = 0, e = pool.FirstEdge(u); i < mentors.Length; i++, e++)
            {
                if (arcOf[e] >= 0 && flow.Flow(arcOf[e]) > 0)
                {
                    mentorOf[u] = mentors[i];
                }
            }
        }

        return mentorOf;
    }
}
