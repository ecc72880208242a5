using System.Diagnostics;
using System.Globalization;
using MentorBot.Features.Matching;

namespace MentorBot.Bench;

/// <summary>
/// Times the optimal matcher against the greedy baseline on growing pools: one warm-up run, then one timed run of
/// each, and a markdown table of time, objective (total score) and mentees matched.
/// </summary>
internal static class MatchingBenchmark
{
    // The last pool has fewer free places than mentees, so some must go unmatched and it matters which.
    private static readonly (int Mentees, int Mentors)[] Sizes = [(500, 100), (1_000, 200), (2_000, 400), (5_000, 1_000), (5_000, 800)];

    public static async Task RunAsync(TextWriter output)
    {
        var warmUp = MatchingPools.Create(1_000, 200, seed: 1);
        _ = MentorMatcher.Match(warmUp);
        _ = GreedyMatcher.Match(warmUp);

        await output.WriteLineAsync("| Pool (mentees × mentors) | Free places | Candidate pairs | Flows | Optimal ms | Optimal objective | Optimal matched | Greedy ms | Greedy objective | Greedy matched |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (mentees, mentors) in Sizes)
        {
            var request = MatchingPools.Create(mentees, mentors, seed: 42);
            var pool = new CandidatePool(request);
            var rounds = OptimalAssignment.Solve(pool, MentorMatcher.StartingCandidates).Rounds;
            var (optimal, optimalMs) = Timed(() => MentorMatcher.Match(request));
            var (greedy, greedyMs) = Timed(() => GreedyMatcher.Match(request));
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"| {mentees:N0} × {mentors:N0} | {request.Mentors.Sum(m => m.FreePlaces):N0} | {pool.EdgeCount:N0} | {rounds} | {optimalMs:N0} | {optimal.Objective:N0} | {optimal.Suggestions.Count:N0} | {greedyMs:N0} | {greedy.Objective:N0} | {greedy.Suggestions.Count:N0} |"));
        }
    }

    private static (MatchOutcome Outcome, double Milliseconds) Timed(Func<MatchOutcome> run)
    {
        var clock = Stopwatch.StartNew();
        var outcome = run();
        return (outcome, clock.Elapsed.TotalMilliseconds);
    }
}
