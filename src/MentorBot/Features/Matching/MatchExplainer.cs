namespace MentorBot.Features.Matching;

/// <summary>
/// Turns an assignment (a mentor index per mentee, or −1) into suggestions with their score parts and reasons, and
/// unmatched mentees with theirs. A mentor's new mentees take their places in the order the mentees were given, so
/// the load parts of their suggestions add up to the mentor's load.
/// </summary>
internal static class MatchExplainer
{
    public static MatchOutcome Explain(CandidatePool pool, int[] mentorOf)
    {
        var request = pool.Request;
        var names = LaneNames.Of(request.Lanes);
        var placed = new int[pool.MentorCount];
        var suggestions = new List<MatchSuggestion>();
        var unmatched = new List<UnmatchedMentee>();
        for (var u = 0; u < mentorOf.Length; u++)
        {
            var mentee = request.Mentees[u];
            var v = mentorOf[u];
            if (v < 0)
            {
                unmatched.Add(UnmatchedReasons.For(request, names, mentee));
                continue;
            }

            var mentor = request.Mentors[v];
            var covered = pool.CoveredLanes(u, v);
            var score = pool.Parts(u, v) with { Load = pool.Load(v, ++placed[v]) };
            var reasons = MatchReasons.For(request, names, mentee, mentor, covered, pool.SharedMinutes(u, v), pool.PairedBefore(u, v));
            suggestions.Add(new(mentee.Mentee, mentor.Mentor, covered, score, reasons));
        }

        return new(suggestions, unmatched);
    }
}
