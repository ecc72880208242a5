using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.Reflections;

/// <summary>Turns stored notes into what a reader sees: answers under their questions, dates in the reader's zone.</summary>
internal static class NoteViews
{
    public static NoteView From(MentorNote note, ReflectionTemplate? template, string authorName, string menteeName, string readerTimeZone, Language l) => new(
        note.Id,
        authorName,
        menteeName,
        TimeText.When(note.CreatedAt, readerTimeZone, l),
        template?.Name ?? note.TemplateId,
        note.Shared,
        template is null
            ? [.. note.Answers.Select(a => (a.Key, a.Value))]
            : [.. template.Fields.Where(f => note.Answers.ContainsKey(f.Id)).Select(f => (f.Label, note.Answers[f.Id]))]);

    /// <summary>The caller's own current (active or paused) mentees, once each.</summary>
    public static IReadOnlyList<NotePerson> MenteesOf(PersonMap map) =>
        [.. map.AsMentor.Select(m => m.MenteeId).Distinct(StringComparer.Ordinal).Select(id => new NotePerson(id, map.NameOf(id)))];
}
