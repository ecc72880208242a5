using MentorBot.Features.Map;
using MentorBot.Features.Matching;

namespace MentorBot.Tests.Matching;

/// <summary>
/// The reference answer for tiny pools: try every assignment that keeps the rules (written out again here, not taken
/// from the matcher) and keep the one with the most mentees matched, then the highest total score.
/// </summary>
internal static class BruteForceMatcher
{
    public static (int Matched, long Objective) Best(MatchRequest request)
    {
        var (n, m) = (request.Mentees.Count, request.Mentors.Count);
        var pair = new int?[n, m];
        for (var u = 0; u < n; u++)
        {
            for (var v = 0; v < m; v++)
            {
                pair[u, v] = Allowed(request, request.Mentees[u], request.Mentors[v]) ? PairScore(request, request.Mentees[u], request.Mentors[v]) : null;
            }
        }

        var used = new int[m];
        var best = (Matched: -1, Objective: long.MinValue);
        void Try(int u, int matched, long score)
        {
            if (u == n)
            {
                var total = score;
                for (var v = 0; v < m; v++)
                {
                    for (var k = 1; k <= used[v]; k++)
                    {
                        total += MatchScoring.Load(request.Mentors[v].Mentor.MentorCapacity, request.Mentors[v].PlacesTaken, k);
                    }
                }

                if (matched > best.Matched || (matched == best.Matched && total > best.Objective))
                {
                    best = (matched, total);
                }

                return;
            }

            Try(u + 1, matched, score);
            for (var v = 0; v < m; v++)
            {
                if (pair[u, v] is { } value && used[v] < request.Mentors[v].FreePlaces)
                {
                    used[v]++;
                    Try(u + 1, matched + 1, score + value);
                    used[v]--;
                }
            }
        }

        Try(0, 0, 0);
        return best;
    }

    public static bool Allowed(MatchRequest request, MenteeRequest mentee, MentorOffer mentor)
    {
        var (e, r) = (mentee.Mentee, mentor.Mentor);
        var levels = request.Options.Kind == MentorshipKind.Lane ? r.Level > e.Level : r.Level == e.Level;
        return levels
            && r.Id != e.Id
            && e.ManagerId != r.Id
            && !request.History.IsRecent(r.Id, e.Id)
            && mentee.Needs.Any(n => r.Teaches.Contains(n.LaneId));
    }

    public static int PairScore(MatchRequest request, MenteeRequest mentee, MentorOffer mentor)
    {
        var (e, r) = (mentee.Mentee, mentor.Mentor);
        var covered = mentee.Needs.Where(n => r.Teaches.Contains(n.LaneId)).Sum(n => n.Weight);
        var shared = WorkingHoursOverlap.SharedMinutesPerWeek(e.TimeZone, e.WorkingHours, r.TimeZone, r.WorkingHours, request.Options.Week);
        return MatchScoring.LaneFit(covered, mentee.Needs.Sum(n => n.Weight))
            + MatchScoring.LevelFit(Math.Abs(r.Level - e.Level))
            + MatchScoring.SharedHours(shared)
            + MatchScoring.History(request.History.IsEarlier(r.Id, e.Id))
            + MatchScoring.Unit(request.Options.Units, e.UnitId, r.UnitId);
    }
}
