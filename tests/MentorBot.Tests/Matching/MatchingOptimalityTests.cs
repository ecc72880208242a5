using MentorBot.Features.Map;
using MentorBot.Features.Matching;
using static MentorBot.Tests.Matching.MatchingFixtures;

namespace MentorBot.Tests.Matching;

public sealed class MatchingOptimalityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(MentorMatcher.StartingCandidates)]
    public void Small_random_pools_match_the_brute_force_optimum(int startingCandidates)
    {
        var random = new Random(8 + startingCandidates);
        for (var trial = 0; trial < 400; trial++)
        {
            var request = RandomPools.Create(random, random.Next(1, 8), random.Next(1, 5));

            var outcome = MentorMatcher.Match(request, startingCandidates);
            var best = BruteForceMatcher.Best(request);

            Assert.Equal(best.Matched, outcome.Suggestions.Count);
            Assert.Equal(best.Objective, outcome.Objective);
        }
    }

    [Fact]
    public void Every_suggestion_reports_the_score_the_rules_give_its_pair()
    {
        var random = new Random(31);
        for (var trial = 0; trial < 40; trial++)
        {
            var request = RandomPools.Create(random, 20, 8);
            var outcome = MentorMatcher.Match(request);

            foreach (var suggestion in outcome.Suggestions)
            {
                var mentee = request.Mentees.Single(m => m.Mentee.Id == suggestion.Mentee.Id);
                var mentor = request.Mentors.Single(m => m.Mentor.Id == suggestion.Mentor.Id);
                Assert.Equal(BruteForceMatcher.PairScore(request, mentee, mentor), suggestion.Score.Total - suggestion.Score.Load);
            }
        }
    }

    [Fact]
    public void Pricing_left_out_pairs_gives_the_same_optimum_as_the_whole_network()
    {
        var random = new Random(5);
        var repriced = 0;
        for (var trial = 0; trial < 12; trial++)
        {
            var request = RandomPools.Create(random, 150, 40);

            var whole = MentorMatcher.Match(request, int.MaxValue);
            var (_, rounds) = OptimalAssignment.Solve(new CandidatePool(request), 1);
            repriced += rounds > 1 ? 1 : 0;

            Assert.Equal(whole.Objective, MentorMatcher.Match(request, 1).Objective);
            Assert.Equal(whole.Objective, MentorMatcher.Match(request, 3).Objective);
            Assert.Equal(whole.Suggestions.Count, MentorMatcher.Match(request, 1).Suggestions.Count);
        }

        Assert.True(repriced > 6, $"only {repriced} of 12 pools needed pricing to reach the optimum from one candidate each");
    }

    [Fact]
    public void The_optimum_is_never_worse_than_greedy()
    {
        var random = new Random(77);
        for (var trial = 0; trial < 20; trial++)
        {
            var request = RandomPools.Create(random, 120, 25);

            var (optimal, greedy) = (MentorMatcher.Match(request), GreedyMatcher.Match(request));

            Assert.True(optimal.Suggestions.Count >= greedy.Suggestions.Count);
            Assert.True(optimal.Suggestions.Count > greedy.Suggestions.Count || optimal.Objective >= greedy.Objective);
        }
    }

    [Fact]
    public void Greedy_takes_the_best_pair_first_and_strands_a_mentee_the_optimum_places()
    {
        // Ana fits Xia best, but Ben can only have Xia; Yan can take Ana.
        var ana = Mentee(Person("ana"), "clinical-judgment", "documentation");
        var ben = Mentee(Person("ben"), "clinical-judgment");
        var xia = Mentor(Person("xia", Level.Lead, ["clinical-judgment", "documentation"], capacity: 1));
        var yan = Mentor(Person("yan", Level.Lead, ["documentation"], capacity: 1));
        var request = Request([ana, ben], [xia, yan]);

        var greedy = GreedyMatcher.Match(request);
        var optimal = MentorMatcher.Match(request);

        Assert.Single(greedy.Suggestions);
        Assert.Equal(("ana", "xia"), (greedy.Suggestions[0].Mentee.Id, greedy.Suggestions[0].Mentor.Id));
        Assert.Equal([("ana", "yan"), ("ben", "xia")], optimal.Suggestions.Select(s => (s.Mentee.Id, s.Mentor.Id)));
    }

    [Fact]
    public void More_mentees_matched_beats_a_higher_score()
    {
        // Xia with Ana alone scores far more than Ana with Yan plus Ben with Xia, but leaves Ben without a mentor.
        var ana = Mentee(Person("ana"), "clinical-judgment", "documentation");
        var ben = Mentee(Person("ben", unit: "ward-9", zone: "Australia/Sydney"), "family-communication");
        var xia = Mentor(Person("xia", Level.Lead, ["clinical-judgment", "documentation", "family-communication"], capacity: 1));
        var yan = Mentor(Person("yan", Level.Director, ["documentation"], capacity: 1, zone: "Australia/Sydney"));
        var request = Request([ana, ben], [xia, yan], units: UnitPreference.SameUnit);

        var outcome = MentorMatcher.Match(request);

        Assert.Equal([("ana", "yan"), ("ben", "xia")], outcome.Suggestions.Select(s => (s.Mentee.Id, s.Mentor.Id)));
        Assert.True(outcome.Objective < BruteForceMatcher.PairScore(request, ana, xia) + MatchScoring.Load(1, 0, 1));
    }

    [Fact]
    public void A_mentor_with_more_room_is_preferred_when_all_else_is_equal()
    {
        var ana = Mentee(Person("ana"), "documentation");
        var full = Mentor(Person("lee", Level.Lead, ["documentation"], capacity: 3), taken: 2);
        var free = Mentor(Person("mo", Level.Lead, ["documentation"], capacity: 3));

        var outcome = MentorMatcher.Match(Request([ana], [full, free]));

        Assert.Equal("mo", Assert.Single(outcome.Suggestions).Mentor.Id);
        Assert.Equal(-4, outcome.Suggestions[0].Score.Load);
    }

    [Fact]
    public void A_mentors_new_mentees_add_up_to_the_mentors_load()
    {
        var mentees = Enumerable.Range(0, 3).Select(i => Mentee(Person($"m{i}"), "documentation")).ToList();
        var lee = Mentor(Person("lee", Level.Lead, ["documentation"], capacity: 4), taken: 1);

        var outcome = MentorMatcher.Match(Request(mentees, [lee]));

        Assert.Equal([-6, -9, -12], outcome.Suggestions.Select(s => s.Score.Load));
    }
}
