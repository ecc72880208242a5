using MentorBot.Features.CheckIns;
using MentorBot.Features.Growth;
using MentorBot.Features.Map;
using MentorBot.Features.Reflections;

namespace MentorBot.Web.Mentees;

/// <summary>A shared check-in as the mentor received it: only what the mentee chose to share.</summary>
internal sealed record SharedLine(DateTimeOffset At, SharedCheckIn Shared);

internal sealed record MenteeSection(
    string Id,
    string Name,
    string Relation,
    string Lanes,
    DateTimeOffset? Next,
    IReadOnlyList<SharedLine> Shared,
    IReadOnlyList<CompetencyLine> Waiting,
    int MayValidate,
    IReadOnlyList<NoteView> Notes);

/// <summary>
/// A mentor's page: each current mentee with what they shared (never more), the competencies they rated "on my own"
/// that the mentor may validate and has not, and the mentor's own notes, private and shared marked as in chat.
/// </summary>
internal sealed class MenteesPage(CheckInStore checkIns, GrowthService growth, MentorNoteStore notes, ReflectionTemplates templates)
{
    public const int SharedShown = 3;

    public async Task<IReadOnlyList<MenteeSection>> BuildAsync(TabReader reader, CancellationToken cancellationToken)
    {
        var me = reader.Person;
        var people = reader.Map.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var lanes = reader.Map.Lanes.ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
        var sections = new List<MenteeSection>();
        foreach (var group in reader.Pairings.Where(m => m.MentorId == me.Id).GroupBy(m => m.MenteeId).OrderBy(g => people.GetValueOrDefault(g.Key)?.Name, StringComparer.CurrentCulture))
        {
            if (!people.TryGetValue(group.Key, out var mentee))
            {
                continue;
            }

            var first = group.First();
            var shared = (await checkIns.LatestForMentorAsync(mentee.Id, me.Id, SharedShown, cancellationToken))
                .Select(a => new SharedLine(a.SubmittedAt, a.SharedView())).Where(s => !s.Shared.IsEmpty).ToList();
            var ladder = await growth.ViewAsync(reader.Map, me, mentee, cancellationToken);
            var mine = (await notes.ByAuthorAsync(me.Id, mentee.Id, cancellationToken))
                .Select(n => NoteViews.From(n, templates.Find(n.TemplateId), me.Name, mentee.Name, me.TimeZone, reader.Language)).ToList();
            var active = group.Where(m => m.Status == MentorshipStatus.Active).ToList();
            sections.Add(new MenteeSection(
                mentee.Id,
                mentee.Name,
                Relationships.MenteeShort(first.Kind, reader.Language),
                string.Join(", ", group.SelectMany(m => m.Lanes).Distinct(StringComparer.Ordinal).Select(l => lanes.GetValueOrDefault(l, l))),
                active.Count == 0 ? null : active.Min(m => CadenceCalendar.NextCheckIn(m, TimeZoneInfo.FindSystemTimeZoneById(mentee.TimeZone), reader.Now)),
                shared,
                [.. ladder.Lines.Where(l => l.MayValidate && l.State.Status != CompetencyStatus.Validated && l.State.SelfRating == SelfRating.OnMyOwn)],
                ladder.Lines.Count(l => l.MayValidate && l.State.Status != CompetencyStatus.Validated),
                mine));
        }

        return sections;
    }
}
