using MentorBot.Features.Map;
using MentorBot.Features.Matching;
using static MentorBot.Tests.Matching.MatchingFixtures;

namespace MentorBot.Tests.Matching;

public sealed class UnmatchedReasonTests
{
    private static readonly Person Sam = Person("sam", manager: "mo");

    [Fact]
    public void Nobody_teaches_the_lane()
    {
        var unmatched = Only(Request([Mentee(Sam, "family-communication")], [Mentor(Person("lee", Level.Lead, ["documentation"], 2))]));

        Assert.Equal(UnmatchedReason.NoMentorTeachesLane, unmatched.Reason);
        Assert.Equal("No mentor in this round teaches family communication.", unmatched.Explanation);
    }

    [Fact]
    public void Only_people_at_the_same_level_teach_it()
    {
        var unmatched = Only(Request([Mentee(Sam, "documentation")], [Mentor(Person("pat", Level.Staff, ["documentation"], 2))]));

        Assert.Equal(UnmatchedReason.NoMentorAtTheRightLevel, unmatched.Reason);
        Assert.Contains("a lane mentor is at least one level above", unmatched.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_only_mentor_is_the_manager()
    {
        var unmatched = Only(Request([Mentee(Sam, "documentation")], [Mentor(Person("mo", Level.Manager, ["documentation"], 2))]));

        Assert.Equal(UnmatchedReason.OnlyManagerOrRecentMentors, unmatched.Reason);
        Assert.Equal("The only mentor for documentation is your manager.", unmatched.Explanation);
    }

    [Fact]
    public void The_others_were_paired_recently()
    {
        var history = PairingHistory.Split([new("lee", "sam", Week.AddMonths(-2))], Week, 6);
        var request = Request(
            [Mentee(Sam, "documentation", "clinical-judgment")],
            [Mentor(Person("mo", Level.Manager, ["documentation"], 2)), Mentor(Person("lee", Level.Lead, ["clinical-judgment"], 2))],
            history);

        var unmatched = Only(request);

        Assert.Equal(UnmatchedReason.OnlyManagerOrRecentMentors, unmatched.Reason);
        Assert.Equal("The only mentors for documentation or clinical judgment are your manager and people paired with you in the last 6 months.", unmatched.Explanation);
    }

    [Fact]
    public void A_pairing_from_before_the_window_is_allowed_with_a_reason()
    {
        var history = PairingHistory.Split([new("lee", "sam", Week.AddMonths(-7))], Week, 6);

        var outcome = MentorMatcher.Match(Request([Mentee(Sam, "documentation")], [Mentor(Person("lee", Level.Lead, ["documentation"], 2))], history));

        var suggestion = Assert.Single(outcome.Suggestions);
        Assert.Equal(MatchScoring.PairedBeforePenalty, suggestion.Score.History);
        Assert.Contains("paired before, more than 6 months ago", suggestion.Reasons);
    }

    [Fact]
    public void Every_mentor_who_teaches_it_is_full()
    {
        var unmatched = Only(Request([Mentee(Sam, "documentation")], [Mentor(Person("lee", Level.Lead, ["documentation"], 2), taken: 2)]));

        Assert.Equal(UnmatchedReason.EveryMentorIsFull, unmatched.Reason);
        Assert.Equal("Every mentor who could take you for documentation is full.", unmatched.Explanation);
    }

    [Fact]
    public void The_places_went_to_others()
    {
        var request = Request(
            [Mentee(Person("ana"), "documentation"), Mentee(Sam with { TimeZone = "Australia/Sydney" }, "documentation")],
            [Mentor(Person("lee", Level.Lead, ["documentation"], 1))]);

        var outcome = MentorMatcher.Match(request);

        Assert.Equal("ana", Assert.Single(outcome.Suggestions).Mentee.Id);
        var unmatched = Assert.Single(outcome.Unmatched);
        Assert.Equal(UnmatchedReason.PoolExhausted, unmatched.Reason);
        Assert.Equal("The one mentor for documentation with a place was needed for another mentee this round.", unmatched.Explanation);
    }

    [Fact]
    public void Several_mentors_with_places_went_to_others_and_asking_for_no_lane_is_said_plainly()
    {
        var request = Request(
            [Mentee(Person("ana"), "documentation"), Mentee(Person("bo"), "documentation"), Mentee(Sam with { TimeZone = "Australia/Sydney" }, "documentation"), Mentee(Person("cy"))],
            [Mentor(Person("lee", Level.Lead, ["documentation"], 1)), Mentor(Person("kit", Level.Lead, ["documentation"], 1))]);

        var outcome = MentorMatcher.Match(request);

        Assert.Equal(
            ["The 2 mentors for documentation with places were all needed for other mentees this round.", "No lane was asked for, so no mentor could be chosen."],
            outcome.Unmatched.Select(u => u.Explanation));
    }

    private static UnmatchedMentee Only(MatchRequest request)
    {
        var outcome = MentorMatcher.Match(request);
        Assert.Empty(outcome.Suggestions);
        return Assert.Single(outcome.Unmatched);
    }
}
