using MentorBot.Features.Map;

namespace MentorBot.Features.Concerns;

/// <summary>Why someone receives a concern, so the card can say it in plain words.</summary>
internal enum ConcernRole
{
    Mentor,
    Designated,
    Manager,
    Admin,
}

/// <summary>Someone a concern can reach, and in which role (for a mentor, the kind of pairing: a buddy is named a buddy).</summary>
internal sealed record ConcernContact(string PersonId, string Name, ConcernRole Role, MentorshipKind? Kind = null);

/// <summary>One choice on the concern card: who receives it, and who it goes to if they do not acknowledge it in time.</summary>
internal sealed record ConcernChoice(string Value, string Target, ConcernContact Recipient, IReadOnlyList<ConcernContact> Backups);

/// <summary>
/// Pure routing rules. A person may send a concern to any of their current mentors, or to their unit's designated
/// person (the map's <c>escalationContact</c>). If nobody acknowledges it in time, it also goes to a backup contact:
/// <list type="bullet">
/// <item>sent to a mentor: the unit's designated person; else the mentor's manager; else the programme admins;</item>
/// <item>sent to the designated person: their manager; else the programme admins.</item>
/// </list>
/// Nobody is ever their own backup, and the sender never receives their own concern.
/// </summary>
internal static class ConcernRouting
{
    public static IReadOnlyList<ConcernChoice> ChoicesFor(MentorshipMap map, Person sender)
    {
        var people = map.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var choices = new List<ConcernChoice>();
        var mentors = map.Mentorships
            .Where(m => m.MenteeId == sender.Id && m.Status != MentorshipStatus.Ended && m.MentorId != sender.Id)
            .OrderBy(m => m.Kind == MentorshipKind.Lane ? 0 : 1).ThenBy(m => m.StartDate)
            .DistinctBy(m => m.MentorId, StringComparer.Ordinal);
        foreach (var pairing in mentors)
        {
            if (people.TryGetValue(pairing.MentorId, out var mentor))
            {
                choices.Add(new ConcernChoice(ConcernFields.MentorChoice(mentor.Id), ConcernTarget.Mentor, new(mentor.Id, mentor.Name, ConcernRole.Mentor, pairing.Kind),
                    Backups(map, ConcernTarget.Mentor, mentor.Id, sender.UnitId, sender.Id)));
            }
        }

        if (DesignatedFor(map, sender.UnitId) is { } designated && designated.Id != sender.Id)
        {
            choices.Add(new ConcernChoice(ConcernTarget.Designated, ConcernTarget.Designated, new(designated.Id, designated.Name, ConcernRole.Designated),
                Backups(map, ConcernTarget.Designated, designated.Id, sender.UnitId, sender.Id)));
        }

        return choices;
    }

    /// <summary>Who a concern goes to when its recipient has not acknowledged it in time.</summary>
    public static IReadOnlyList<ConcernContact> Backups(MentorshipMap map, string target, string recipientId, string? unitId, string? senderId)
    {
        var people = map.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        bool Eligible(Person? p) => p is not null && p.Id != recipientId && p.Id != senderId;

        if (target == ConcernTarget.Mentor && DesignatedFor(map, unitId) is { } designated && Eligible(designated))
        {
            return [new(designated.Id, designated.Name, ConcernRole.Designated)];
        }

        if (people.TryGetValue(recipientId, out var recipient) && recipient.ManagerId is { } managerId
            && people.TryGetValue(managerId, out var manager) && Eligible(manager))
        {
            return [new(manager.Id, manager.Name, ConcernRole.Manager)];
        }

        return [.. map.People.Where(p => p.IsAdmin && Eligible(p)).Select(p => new ConcernContact(p.Id, p.Name, ConcernRole.Admin))];
    }

    /// <summary>The unit's designated person, when the unit has one and they are in the map.</summary>
    public static Person? DesignatedFor(MentorshipMap map, string? unitId) =>
        map.Units.FirstOrDefault(u => u.Id == unitId)?.EscalationContactId is { } contactId
            ? map.People.FirstOrDefault(p => p.Id == contactId)
            : null;
}
