using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;

namespace MentorBot.Features.Reflections;

/// <summary>
/// Reading notes: a mentor reads their own notes about their own mentees; anyone reads the notes shared with them.
/// Nobody ever reads another mentor's private note.
/// </summary>
internal sealed class NoteReader(MapDirectory directory, MentorNoteStore store, ReflectionTemplates templates)
{
    /// <summary><c>notes [mentee]</c>. Null when the caller is not in the map.</summary>
    public async Task<AdaptiveCard?> ShowAsync(Caller caller, string arguments, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(caller.AadObjectId, cancellationToken);
        if (map is null)
        {
            return null;
        }

        var mentees = NoteViews.MenteesOf(map);
        var wanted = arguments.Trim();
        if (wanted.Length > 0 && Match(mentees, wanted) is { } mentee)
        {
            return await ForMenteeAsync(map, mentee, cancellationToken);
        }

        return await OverviewAsync(map, mentees, cancellationToken);
    }

    public async Task<CardActionOutcome> ShowMenteeAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken);
        var l = ReflectionService.LanguageOf(map, turn.Caller);
        if (map is null)
        {
            return ReflectionService.NotInMap(l);
        }

        return NoteViews.MenteesOf(map).FirstOrDefault(m => m.Id == turn.Get(ReflectionFields.Mentee)) is { } mentee
            ? new CardActionOutcome.ReplaceCard(await ForMenteeAsync(map, mentee, cancellationToken))
            : ReflectionService.NotYourMentee(l);
    }

    /// <summary>The mentee's copy of a shared note, at send time; null once it is private again or about someone else.</summary>
    public async Task<AdaptiveCard?> RenderSharedAsync(string reference, string personId, CancellationToken cancellationToken)
    {
        var separator = reference.LastIndexOf(':');
        var note = separator > 0 ? await store.FindAsync(reference[..separator], cancellationToken) : null;
        if (note is null || !note.Shared || note.MenteeId != personId || await directory.FindByIdAsync(personId, cancellationToken) is not { } mentee)
        {
            return null;
        }

        var l = Languages.From(mentee.Locale);
        var author = (await directory.FindByIdAsync(note.AuthorId, cancellationToken))?.Name ?? l.Pick("your mentor", "tu mentor");
        return MentorNoteCard.SharedCopy(NoteViews.From(note, templates.Find(note.TemplateId), author, mentee.Name, mentee.TimeZone, l), l);
    }

    private static NotePerson? Match(IReadOnlyList<NotePerson> mentees, string wanted) =>
        mentees.FirstOrDefault(m => string.Equals(m.Name, wanted, StringComparison.OrdinalIgnoreCase))
        ?? mentees.FirstOrDefault(m => string.Equals(m.Name.Split(' ')[0], wanted, StringComparison.OrdinalIgnoreCase))
        ?? mentees.FirstOrDefault(m => m.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase));

    private async Task<AdaptiveCard> ForMenteeAsync(PersonMap map, NotePerson mentee, CancellationToken cancellationToken)
    {
        var l = Languages.From(map.Person.Locale);
        var notes = await store.ByAuthorAsync(map.Person.Id, mentee.Id, cancellationToken);
        return MentorNotesCard.ForMentee(mentee.Name, [.. notes.Select(n => NoteViews.From(n, templates.Find(n.TemplateId), map.Person.Name, mentee.Name, map.Person.TimeZone, l))], l);
    }

    private async Task<AdaptiveCard> OverviewAsync(PersonMap map, IReadOnlyList<NotePerson> mentees, CancellationToken cancellationToken)
    {
        var l = Languages.From(map.Person.Locale);
        var shared = new List<NoteView>();
        foreach (var note in await store.SharedWithAsync(map.Person.Id, cancellationToken))
        {
            var author = note.AuthorId == map.Person.Id ? map.Person.Name : map.Names.TryGetValue(note.AuthorId, out var name) ? name.Name : (await directory.FindByIdAsync(note.AuthorId, cancellationToken))?.Name;
            if (author is not null)
            {
                shared.Add(NoteViews.From(note, templates.Find(note.TemplateId), author, map.Person.Name, map.Person.TimeZone, l));
            }
        }

        return MentorNotesCard.Overview(mentees, shared, l);
    }
}
