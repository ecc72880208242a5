using MentorBot.Features.Map;
using MentorBot.Features.Matching;
using static MentorBot.Tests.Matching.MatchingFixtures;

namespace MentorBot.Tests.Matching;

public sealed class MatchReasonsTests
{
    private static readonly WorkingHours TwoAfternoons = new([DayOfWeek.Monday, DayOfWeek.Tuesday], new(14, 0), new(17, 0));

    [Fact]
    public void A_suggestion_says_why_in_plain_words()
    {
        var sam = Mentee(Person("sam"), "clinical-judgment", "documentation");
        var lee = Mentor(Person("lee", Level.Lead, ["documentation", "clinical-judgment"], capacity: 3, hours: TwoAfternoons), taken: 1);

        var suggestion = Assert.Single(MentorMatcher.Match(Request([sam], [lee], units: UnitPreference.SameUnit)).Suggestions);

        Assert.Equal(
            ["teaches clinical judgment and documentation", "one level above", "6 h of shared working hours a week", "same unit", "has 2 of 3 places free"],
            suggestion.Reasons);
        Assert.Equal(new MatchScore(LaneFit: 40, LevelFit: 20, SharedHours: 3, History: 0, Unit: 10, Load: -8), suggestion.Score);
        Assert.Equal(["clinical-judgment", "documentation"], suggestion.Lanes);
    }

    [Fact]
    public void A_partial_fit_names_what_is_missing_and_weights_count()
    {
        var sam = new MenteeRequest(Person("sam"), [new("clinical-judgment", 2), new("documentation", 1), new("family-communication", 1)]);
        var dana = Mentor(Person("dana", Level.Director, ["documentation"], capacity: 1, unit: "ward-2", zone: "Australia/Sydney"));

        var suggestion = Assert.Single(MentorMatcher.Match(Request([sam], [dana], units: UnitPreference.OtherUnit)).Suggestions);

        Assert.Equal(
            ["teaches documentation but not clinical judgment or family communication", "three levels above", "no shared working hours", "from another unit", "has 1 of 1 place free"],
            suggestion.Reasons);
        Assert.Equal(10, suggestion.Score.LaneFit);
        Assert.Equal(4, suggestion.Score.LevelFit);
    }

    [Theory]
    [InlineData(0, "no shared working hours")]
    [InlineData(45, "under an hour of shared working hours a week")]
    [InlineData(119, "1 h of shared working hours a week")]
    public void Shared_hours_read_naturally(int minutes, string expected) => Assert.Equal(expected, MatchReasons.Hours(minutes));

    [Fact]
    public void Lane_names_lose_their_capital_unless_it_starts_an_acronym()
    {
        var names = LaneNames.Of([new("sbar", "SBAR handover", ""), new("cj", "Clinical judgment", ""), new("doc", "Documentation", "")]);

        Assert.Equal("SBAR handover, clinical judgment and documentation", names.List(["sbar", "cj", "doc"]));
        Assert.Equal("unknown-lane", names.Name("unknown-lane"));
    }
}
