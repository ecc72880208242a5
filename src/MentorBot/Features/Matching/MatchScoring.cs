using MentorBot.Features.Map;

namespace MentorBot.Features.Matching;

/// <summary>
/// The score of a pair, in whole points, from parts that each answer one question:
/// <list type="bullet">
/// <item>lane fit, 0–40: the share of the mentee's (weighted) lanes the mentor teaches;</item>
/// <item>level fit, 4–20: one level above is ideal (the same level for peers), two levels 10, three 4;</item>
/// <item>shared hours, 0–20: a point per two hours a week both are at work, up to forty hours;</item>
/// <item>history, 0 or −10: paired before, longer ago than the window (pairs within it are never suggested);</item>
/// <item>unit, 0 or 10: the run's unit preference is met;</item>
/// <item>load, 0 to −12 per mentee: how full the mentor becomes, so mentors with more room come first.</item>
/// </list>
/// Load is a cost per place: the k-th new mentee of a mentor costs 12 × (taken + k) / places, which never falls as k
/// grows, so filling the cheapest places first is always optimal and the flow can model it with one arc per place.
/// </summary>
internal static class MatchScoring
{
    public const int LaneFitMax = 40;
    public const int LevelFitIdeal = 20;
    public const int SharedHoursMax = 20;
    public const int SharedHoursCap = 40;
    public const int PairedBeforePenalty = -10;
    public const int UnitBonus = 10;
    public const int LoadMax = 12;

    /// <summary>The best a pair can score before load.</summary>
    public const int PairMax = LaneFitMax + LevelFitIdeal + SharedHoursMax + UnitBonus;

    /// <summary>The worst a pair can score before load.</summary>
    public const int PairMin = PairedBeforePenalty;

    public static int LaneFit(int coveredWeight, int neededWeight) =>
        neededWeight <= 0 ? 0 : ((2 * LaneFitMax * coveredWeight) + neededWeight) / (2 * neededWeight);

    /// <summary>Points for the distance in levels: 0 (peers) or 1 is ideal.</summary>
    public static int LevelFit(int levelDistance) => levelDistance switch
    {
        0 or 1 => LevelFitIdeal,
        2 => 10,
        _ => 4,
    };

    public static int SharedHours(int sharedMinutes) => Math.Min(sharedMinutes, SharedHoursCap * 60) / 120;

    public static int History(bool pairedBefore) => pairedBefore ? PairedBeforePenalty : 0;

    public static int Unit(UnitPreference preference, string? menteeUnit, string? mentorUnit) => preference switch
    {
        UnitPreference.SameUnit when menteeUnit is not null && menteeUnit == mentorUnit => UnitBonus,
        UnitPreference.OtherUnit when menteeUnit is not null && mentorUnit is not null && menteeUnit != mentorUnit => UnitBonus,
        _ => 0,
    };

    /// <summary>The (negative) load part for a mentor's <paramref name="newMentee"/>-th new mentee this run, counting from 1.</summary>
    public static int Load(int places, int taken, int newMentee) =>
        places <= 0 ? -LoadMax : -(((2 * LoadMax * Math.Min(taken + newMentee, places)) + places) / (2 * places));

    /// <summary>Whether the levels allow the pairing kind: lane mentors are above, peers level, reverse mentors below.</summary>
    public static bool LevelsAllow(MentorshipKind kind, Level mentor, Level mentee) => kind switch
    {
        MentorshipKind.Lane => mentor > mentee,
        MentorshipKind.Reverse => mentor < mentee,
        _ => mentor == mentee,
    };
}
