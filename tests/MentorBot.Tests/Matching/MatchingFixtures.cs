using MentorBot.Features.Map;
using MentorBot.Features.Matching;

namespace MentorBot.Tests.Matching;

/// <summary>People, lanes and requests for matching tests, built with only the fields a test cares about.</summary>
internal static class MatchingFixtures
{
    public static readonly DateOnly Week = new(2025, 1, 13);

    public static IReadOnlyList<Lane> Lanes { get; } =
    [
        new("clinical-judgment", "Clinical judgment", ""),
        new("documentation", "Documentation", ""),
        new("family-communication", "Family communication", ""),
    ];

    public static Person Person(
        string id,
        Level level = Level.Staff,
        IReadOnlyList<string>? teaches = null,
        int capacity = 0,
        string? unit = "ward-1",
        string? manager = null,
        string zone = "Europe/London",
        WorkingHours? hours = null) =>
        new(id, null, id, null, level, unit, manager, zone, hours ?? WorkingHours.Default, null, null, "en-GB", capacity, teaches ?? [], false);

    public static MenteeRequest Mentee(Person person, params string[] lanes) => new(person, [.. lanes.Select(l => new LaneNeed(l))]);

    public static MentorOffer Mentor(Person person, int taken = 0) => new(person, taken);

    public static MatchRequest Request(
        IReadOnlyList<MenteeRequest> mentees,
        IReadOnlyList<MentorOffer> mentors,
        PairingHistory? history = null,
        UnitPreference units = UnitPreference.DontCare,
        MentorshipKind kind = MentorshipKind.Lane) =>
        new(mentees, mentors, history ?? PairingHistory.None, new(Week, kind, units), Lanes);
}
