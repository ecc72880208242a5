namespace MentorBot.Features.Matching;

/// <summary>
/// Suggests lane mentors for a pool of mentees: as many matched as the rules allow, and among those the highest total
/// score (see <see cref="MatchScoring"/>). Every rule in <see cref="CandidatePool"/> is a hard one: a level the kind
/// allows, never the mentee themself or their manager, never a pair from the recent window, never past a mentor's
/// free places, and at least one needed lane taught.
/// </summary>
internal static class MentorMatcher
{
    /// <summary>How many of each mentee's best candidates the first flow holds; pricing adds more when needed.</summary>
    public const int StartingCandidates = 16;

    public static MatchOutcome Match(MatchRequest request) => Match(request, StartingCandidates);

    public static MatchOutcome Match(MatchRequest request, int startingCandidates)
    {
        var pool = new CandidatePool(request);
        return MatchExplainer.Explain(pool, OptimalAssignment.Solve(pool, startingCandidates).MentorOf);
    }
}
