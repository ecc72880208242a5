using MentorBot.Features.Map;
using MentorBot.Features.Matching;

namespace MentorBot.Tests.Matching;

public sealed class MatchingConstraintTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_rule_holds_on_larger_random_pools(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 6; trial++)
        {
            var request = RandomPools.Create(random, 400, 80);

            foreach (var outcome in new[] { MentorMatcher.Match(request), GreedyMatcher.Match(request) })
            {
                AssertKeepsTheRules(request, outcome);
            }
        }
    }

    [Fact]
    public void Nobody_is_their_own_mentor_even_among_peers()
    {
        var pat = MatchingFixtures.Person("pat", Level.Lead, ["documentation"], capacity: 2);
        var kim = MatchingFixtures.Person("kim", Level.Lead, ["documentation"], capacity: 2);
        var request = MatchingFixtures.Request(
            [MatchingFixtures.Mentee(pat, "documentation"), MatchingFixtures.Mentee(kim, "documentation")],
            [MatchingFixtures.Mentor(pat), MatchingFixtures.Mentor(kim)],
            kind: MentorshipKind.Peer);

        var outcome = MentorMatcher.Match(request);

        Assert.Equal([("pat", "kim"), ("kim", "pat")], outcome.Suggestions.Select(s => (s.Mentee.Id, s.Mentor.Id)));
        Assert.All(outcome.Suggestions, s => Assert.Contains("same level", s.Reasons));
    }

    [Fact]
    public void A_reverse_mentor_is_below_the_mentee()
    {
        var mo = MatchingFixtures.Person("mo", Level.Manager);
        var request = MatchingFixtures.Request(
            [MatchingFixtures.Mentee(mo, "documentation")],
            [MatchingFixtures.Mentor(MatchingFixtures.Person("dana", Level.Director, ["documentation"], 1)), MatchingFixtures.Mentor(MatchingFixtures.Person("pat", Level.Staff, ["documentation"], 1))],
            kind: MentorshipKind.Reverse);

        var suggestion = Assert.Single(MentorMatcher.Match(request).Suggestions);

        Assert.Equal("pat", suggestion.Mentor.Id);
        Assert.Contains("two levels below", suggestion.Reasons);
    }

    private static void AssertKeepsTheRules(MatchRequest request, MatchOutcome outcome)
    {
        var placed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in outcome.Suggestions)
        {
            var mentee = request.Mentees.Single(m => m.Mentee.Id == s.Mentee.Id);
            var mentor = request.Mentors.Single(m => m.Mentor.Id == s.Mentor.Id);
            Assert.NotEqual(s.Mentee.Id, s.Mentor.Id);
            Assert.NotEqual(s.Mentee.ManagerId, s.Mentor.Id);
            Assert.False(request.History.IsRecent(s.Mentor.Id, s.Mentee.Id));
            Assert.True(request.Options.Kind == MentorshipKind.Lane ? s.Mentor.Level > s.Mentee.Level : s.Mentor.Level == s.Mentee.Level);
            Assert.NotEmpty(s.Lanes);
            Assert.All(s.Lanes, l => Assert.Contains(l, s.Mentor.Teaches));
            Assert.All(s.Lanes, l => Assert.Contains(mentee.Needs, n => n.LaneId == l));
            placed[s.Mentor.Id] = placed.GetValueOrDefault(s.Mentor.Id) + 1;
            Assert.True(placed[s.Mentor.Id] <= mentor.FreePlaces, $"{s.Mentor.Id} is over capacity");
        }

        var suggested = outcome.Suggestions.Select(s => s.Mentee.Id).ToList();
        Assert.Equal(suggested.Count, suggested.Distinct().Count());
        Assert.Equal(
            request.Mentees.Select(m => m.Mentee.Id).Order(),
            suggested.Concat(outcome.Unmatched.Select(u => u.Mentee.Id)).Order());
    }
}
