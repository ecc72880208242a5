using MentorBot.Features.Map;

namespace MentorBot.Features.Matching;

/// <summary>A lane a mentee asks for; a heavier lane counts for more when mentors cover only some of them.</summary>
internal sealed record LaneNeed(string LaneId, int Weight = 1);

/// <summary>Someone looking for a mentor, and the lanes they need.</summary>
internal sealed record MenteeRequest(Person Mentee, IReadOnlyList<LaneNeed> Needs);

/// <summary>Someone who can mentor: their places are <see cref="Person.MentorCapacity"/>, of which some are already taken.</summary>
internal sealed record MentorOffer(Person Mentor, int PlacesTaken)
{
    public int FreePlaces => Math.Max(0, Mentor.MentorCapacity - PlacesTaken);
}

/// <summary>How a run treats units. A preference only: it adds to the score, it never rules a pair out.</summary>
internal enum UnitPreference
{
    DontCare,
    SameUnit,
    OtherUnit,
}

/// <param name="Week">Any date in the week whose working hours are compared (DST makes weeks differ); the week starts on its Monday.</param>
/// <param name="Kind">Lane: the mentor is above the mentee. Peer and onboarding buddy: the same level. Reverse: the mentor is below.</param>
internal sealed record MatchOptions(DateOnly Week, MentorshipKind Kind = MentorshipKind.Lane, UnitPreference Units = UnitPreference.DontCare);

/// <summary>Everything one matching run looks at. <paramref name="Lanes"/> only gives lanes their names in reasons.</summary>
internal sealed record MatchRequest(
    IReadOnlyList<MenteeRequest> Mentees,
    IReadOnlyList<MentorOffer> Mentors,
    PairingHistory History,
    MatchOptions Options,
    IReadOnlyList<Lane> Lanes);

/// <summary>The parts of a suggestion's score; <see cref="Total"/> is what the matcher maximises.</summary>
internal readonly record struct MatchScore(int LaneFit, int LevelFit, int SharedHours, int History, int Unit, int Load)
{
    public int Total => LaneFit + LevelFit + SharedHours + History + Unit + Load;
}

/// <summary>One proposed pairing and why.</summary>
internal sealed record MatchSuggestion(Person Mentee, Person Mentor, IReadOnlyList<string> Lanes, MatchScore Score, IReadOnlyList<string> Reasons);

internal enum UnmatchedReason
{
    NoMentorTeachesLane,
    NoMentorAtTheRightLevel,
    OnlyManagerOrRecentMentors,
    EveryMentorIsFull,
    PoolExhausted,
}

/// <summary>A mentee nobody could take this run, and why.</summary>
internal sealed record UnmatchedMentee(Person Mentee, UnmatchedReason Reason, string Explanation);

/// <summary>The result of a run: <see cref="Objective"/> is the sum of the suggestions' scores.</summary>
internal sealed record MatchOutcome(IReadOnlyList<MatchSuggestion> Suggestions, IReadOnlyList<UnmatchedMentee> Unmatched)
{
    public long Objective => Suggestions.Sum(s => (long)s.Score.Total);
}
