using System.Globalization;
using MentorBot.Features.Map;

namespace MentorBot.Features.Matching;

/// <summary>The short, plain reasons shown with a suggestion, one per part of the score that says something.</summary>
internal static class MatchReasons
{
    public static IReadOnlyList<string> For(
        MatchRequest request, LaneNames names, MenteeRequest mentee, MentorOffer mentor, IReadOnlyList<string> covered, int sharedMinutes, bool pairedBefore)
    {
        var missing = mentee.Needs.Select(n => n.LaneId).Distinct(StringComparer.Ordinal).Except(covered, StringComparer.Ordinal).ToList();
        var reasons = new List<string>
        {
            missing.Count == 0
                ? $"teaches {names.List(covered)}"
                : $"teaches {names.List(covered)} but not {names.List(missing, "or")}",
            Level(mentor.Mentor.Level - mentee.Mentee.Level),
            Hours(sharedMinutes),
        };

        if (Unit(request.Options.Units, mentee.Mentee.UnitId, mentor.Mentor.UnitId) is { } unit)
        {
            reasons.Add(unit);
        }

        if (pairedBefore)
        {
            reasons.Add(Invariant($"paired before, more than {request.History.WindowMonths} months ago"));
        }

        var places = mentor.Mentor.MentorCapacity;
        reasons.Add(Invariant($"has {mentor.FreePlaces} of {places} {(places == 1 ? "place" : "places")} free"));
        return reasons;
    }

    public static string Level(int above) => above switch
    {
        0 => "same level",
        1 => "one level above",
        2 => "two levels above",
        3 => "three levels above",
        -1 => "one level below",
        -2 => "two levels below",
        _ => "three levels below",
    };

    public static string Hours(int sharedMinutes) => sharedMinutes switch
    {
        0 => "no shared working hours",
        < 60 => "under an hour of shared working hours a week",
        _ => Invariant($"{sharedMinutes / 60} h of shared working hours a week"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? Unit(UnitPreference preference, string? menteeUnit, string? mentorUnit) =>
        preference == UnitPreference.DontCare || menteeUnit is null || mentorUnit is null
            ? null
            : menteeUnit == mentorUnit ? "same unit" : "from another unit";
}
