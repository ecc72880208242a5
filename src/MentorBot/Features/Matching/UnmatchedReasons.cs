using System.Globalization;
using MentorBot.Features.Map;

namespace MentorBot.Features.Matching;

/// <summary>
/// Why nobody was suggested for a mentee, checked in the order the rules apply: is a needed lane taught at all, by
/// someone at a level the pairing kind allows, who is not their manager or a recent pairing, with a place free.
/// When all of that holds the pool ran out: the mentors who could have taken them were better used by others.
/// </summary>
internal static class UnmatchedReasons
{
    public static UnmatchedMentee For(MatchRequest request, LaneNames names, MenteeRequest mentee)
    {
        var person = mentee.Mentee;
        var lanes = mentee.Needs.Select(n => n.LaneId).Distinct(StringComparer.Ordinal).ToList();
        var asked = names.List(lanes, "or");
        if (lanes.Count == 0)
        {
            return new(person, UnmatchedReason.NoMentorTeachesLane, "No lane was asked for, so no mentor could be chosen.");
        }

        var teachers = request.Mentors
            .Where(m => m.Mentor.Id != person.Id && m.Mentor.Teaches.Any(l => lanes.Contains(l, StringComparer.Ordinal)))
            .ToList();
        if (teachers.Count == 0)
        {
            return new(person, UnmatchedReason.NoMentorTeachesLane, $"No mentor in this round teaches {asked}.");
        }

        var atLevel = teachers.Where(m => MatchScoring.LevelsAllow(request.Options.Kind, m.Mentor.Level, person.Level)).ToList();
        if (atLevel.Count == 0)
        {
            return new(person, UnmatchedReason.NoMentorAtTheRightLevel, $"Everyone who teaches {asked} is {Wanted(request.Options.Kind)}.");
        }

        var manager = atLevel.Any(m => m.Mentor.Id == person.ManagerId);
        var open = atLevel.Where(m => m.Mentor.Id != person.ManagerId && !request.History.IsRecent(m.Mentor.Id, person.Id)).ToList();
        if (open.Count == 0)
        {
            var recently = string.Create(CultureInfo.InvariantCulture, $"paired with you in the last {request.History.WindowMonths} months");
            var explanation = (manager, atLevel.Count) switch
            {
                (true, 1) => $"The only mentor for {asked} is your manager.",
                (true, _) => $"The only mentors for {asked} are your manager and people {recently}.",
                (false, 1) => $"The only mentor for {asked} was {recently}.",
                _ => $"Every mentor for {asked} was {recently}.",
            };
            return new(person, UnmatchedReason.OnlyManagerOrRecentMentors, explanation);
        }

        var withRoom = open.Count(m => m.FreePlaces > 0);
        return withRoom == 0
            ? new(person, UnmatchedReason.EveryMentorIsFull, $"Every mentor who could take you for {asked} is full.")
            : new(person, UnmatchedReason.PoolExhausted, withRoom == 1
                ? $"The one mentor for {asked} with a place was needed for another mentee this round."
                : string.Create(CultureInfo.InvariantCulture, $"The {withRoom} mentors for {asked} with places were all needed for other mentees this round."));
    }

    private static string Wanted(MentorshipKind kind) => kind switch
    {
        MentorshipKind.Lane => "at or below your level; a lane mentor is at least one level above",
        MentorshipKind.Reverse => "at or above your level; a reverse mentor is below",
        _ => "at another level; a peer is at the same level",
    };
}
