using MentorBot.Features.Map;

namespace MentorBot.Features.Growth;

/// <summary>
/// Who may see and do what with a person's competencies, from the map alone (pure). Validation status is a workplace
/// record: the person, their mentors, the leads and managers of their unit and programme admins see it. Self-ratings
/// and validation notes stay between the person and their mentors. Validating follows the competency's own rule.
/// </summary>
internal static class GrowthAccess
{
    /// <summary>
    /// Active or paused lane pairings in which <paramref name="viewer"/> mentors <paramref name="subject"/>. An onboarding
    /// buddy, a peer or a reverse mentor is not a mentor here: they neither validate nor read self-ratings.
    /// </summary>
    public static IEnumerable<Mentorship> Mentoring(IEnumerable<Mentorship> pairings, string viewer, string subject) =>
        pairings.Where(m => m.Status != MentorshipStatus.Ended && m.Kind == MentorshipKind.Lane && m.MentorId == viewer && m.MenteeId == subject);

    public static bool LeadsUnitOf(Person viewer, Person subject) =>
        viewer.UnitId is not null && viewer.UnitId == subject.UnitId && viewer.Level is Level.Lead or Level.Manager && viewer.Id != subject.Id;

    public static bool MaySeeStatus(Person viewer, Person subject, IEnumerable<Mentorship> pairings) =>
        viewer.Id == subject.Id || viewer.IsAdmin || LeadsUnitOf(viewer, subject) || Mentoring(pairings, viewer.Id, subject.Id).Any();

    /// <summary>Self-ratings, notes and withdrawal reasons: the person and their mentors only.</summary>
    public static bool MaySeePrivate(Person viewer, Person subject, IEnumerable<Mentorship> pairings) =>
        viewer.Id == subject.Id || Mentoring(pairings, viewer.Id, subject.Id).Any();

    public static bool MayValidate(Person viewer, Person subject, Competency competency, IEnumerable<Mentorship> pairings)
    {
        if (viewer.Id == subject.Id)
        {
            return false;
        }

        return competency.Validators.Any(role => role switch
        {
            ValidatorRole.Mentors => Mentoring(pairings, viewer.Id, subject.Id).Any(m => m.Lanes.Contains(competency.LaneId, StringComparer.Ordinal)),
            ValidatorRole.UnitLeads => viewer.Level == Level.Lead && viewer.UnitId is not null && viewer.UnitId == subject.UnitId,
            ValidatorRole.UnitManagers => viewer.Level == Level.Manager && viewer.UnitId is not null && viewer.UnitId == subject.UnitId,
            _ => false,
        });
    }
}
