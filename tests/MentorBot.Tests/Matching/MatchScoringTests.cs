using MentorBot.Features.Matching;

namespace MentorBot.Tests.Matching;

public sealed class MatchScoringTests
{
    [Fact]
    public void Each_further_place_costs_at_least_as_much_as_the_one_before_so_places_fill_in_order()
    {
        for (var places = 1; places <= 12; places++)
        {
            for (var taken = 0; taken < places; taken++)
            {
                for (var k = 2; taken + k <= places; k++)
                {
                    Assert.True(MatchScoring.Load(places, taken, k) <= MatchScoring.Load(places, taken, k - 1));
                }

                Assert.InRange(MatchScoring.Load(places, taken, 1), -MatchScoring.LoadMax, 0);
            }
        }
    }

    [Fact]
    public void Lane_fit_is_the_covered_share_of_forty_and_level_fit_falls_with_distance()
    {
        Assert.Equal([40, 20, 13, 27, 0], new[] { (3, 3), (1, 2), (1, 3), (2, 3), (0, 3) }.Select(x => MatchScoring.LaneFit(x.Item1, x.Item2)));
        Assert.Equal([20, 20, 10, 4], Enumerable.Range(0, 4).Select(MatchScoring.LevelFit));
        Assert.Equal([0, 1, 20, 20], new[] { 119, 120, 40 * 60, 50 * 60 }.Select(MatchScoring.SharedHours));
    }

    [Fact]
    public void History_splits_at_the_window_and_a_pair_is_a_pair_either_way_round()
    {
        var today = new DateOnly(2025, 6, 15);
        var history = PairingHistory.Split([new("lee", "sam", new(2024, 12, 15)), new("mo", "sam", new(2024, 12, 14))], today, 6);

        Assert.True(history.IsRecent("lee", "sam"));
        Assert.True(history.IsRecent("sam", "lee"));
        Assert.False(history.IsRecent("mo", "sam"));
        Assert.True(history.IsEarlier("sam", "mo"));
        Assert.False(history.IsEarlier("lee", "sam"));
    }
}
