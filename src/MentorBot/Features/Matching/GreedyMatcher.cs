namespace MentorBot.Features.Matching;

/// <summary>
/// The baseline the optimal matcher is measured against: take pairs best score first while both sides are free. Fast
/// and often close, but one early pick can block two better ones, and it may match fewer mentees.
/// </summary>
internal static class GreedyMatcher
{
    public static MatchOutcome Match(MatchRequest request)
    {
        var pool = new CandidatePool(request);
        return MatchExplainer.Explain(pool, Assign(pool));
    }

    public static int[] Assign(CandidatePool pool)
    {
        var pairs = new List<(int Score, int Mentee, int Mentor)>(pool.EdgeCount);
        for (var u = 0; u < pool.MenteeCount; u++)
        {
            var mentors = pool.MentorsOf(u);
            var scores = pool.ScoresOf(u);
            for (var i = 0; i < mentors.Length; i++)
            {
                pairs.Add((-scores[i], u, mentors[i]));
            }
        }

        pairs.Sort();
        var mentorOf = new int[pool.MenteeCount];
        Array.Fill(mentorOf, -1);
        var placed = new int[pool.MentorCount];
        foreach (var (_, u, v) in pairs)
        {
            if (mentorOf[u] < 0 && placed[v] < pool.FreePlaces(v))
            {
                mentorOf[u] = v;
                placed[v]++;
            }
        }

        return mentorOf;
    }
}
