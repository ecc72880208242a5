using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Reflections;

/// <summary>
/// Writing reflection notes: open a template, save a note, edit it. Every action checks the current map: the mentee
/// must be one of the caller's own current mentees, and only a note's author may change it.
/// </summary>
internal sealed partial class ReflectionService(
    MapDirectory directory,
    MentorNoteStore store,
    ReflectionTemplates templates,
    ILogger<ReflectionService> logger)
{
    public const string SharedKind = "note-shared";

    public async Task<CardActionOutcome> OpenAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken);
        var l = LanguageOf(map, turn.Caller);
        if (map is null || templates.Find(turn.Get(ReflectionFields.Template)) is not { } template)
        {
            return map is null ? NotInMap(l) : NoTemplate(l);
        }

        var mentees = NoteViews.MenteesOf(map);
        return new CardActionOutcome.ReplaceCard(mentees.Count == 0
            ? ReflectionTemplateCard.NoMentees(l)
            : ReflectionTemplateCard.Build(new ReflectionForm(Guid.NewGuid().ToString("N"), template, mentees, null, new Dictionary<string, string>(), false, l)));
    }

    public async Task<CardActionOutcome> EditAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken);
        var l = LanguageOf(map, turn.Caller);
        var note = turn.Get(ReflectionFields.Note) is { Length: > 0 } id ? await store.FindAsync(id, cancellationToken) : null;
        if (map is null || note is null || note.AuthorId != map.Person.Id)
        {
            Log.Refused(logger, ReflectionVerbs.Edit);
            return map is null ? NotInMap(l) : NotYourNote(l);
        }

        var mentees = NoteViews.MenteesOf(map);
        if (templates.Find(note.TemplateId) is not { } template || mentees.All(m => m.Id != note.MenteeId))
        {
            return NotYourMentee(l);
        }

        return new CardActionOutcome.ReplaceCard(ReflectionTemplateCard.Build(new ReflectionForm(note.Id, template, mentees, note.MenteeId, note.Answers, note.Shared, l)));
    }

    public async Task<CardActionOutcome> SaveAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken);
        var l = LanguageOf(map, turn.Caller);
        var template = templates.Find(turn.Get(ReflectionFields.Template));
        var noteId = turn.Get(ReflectionFields.Note);
        if (map is null || template is null || noteId is not { Length: > 0 and <= 64 })
        {
            return map is null ? NotInMap(l) : NoTemplate(l);
        }

        if (await store.FindAsync(noteId, cancellationToken) is { } existing && existing.AuthorId != map.Person.Id)
        {
            Log.Refused(logger, ReflectionVerbs.Save);
            return NotYourNote(l);
        }

        var mentees = NoteViews.MenteesOf(map);
        var menteeId = turn.Get(ReflectionFields.Mentee) is { Length: > 0 } m ? m : null;
        if (menteeId is not null && mentees.All(p => p.Id != menteeId))
        {
            Log.Refused(logger, ReflectionVerbs.Save);
            return NotYourMentee(l);
        }

        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in template.Fields)
        {
            if (turn.Get(ReflectionFields.Answer(field.Id)) is { } text && !string.IsNullOrWhiteSpace(text))
            {
                answers[field.Id] = text.Trim();
            }
        }

        var shared = turn.Get(ReflectionFields.Visibility) == ReflectionFields.Shared;
        var form = new ReflectionForm(noteId, template, mentees, menteeId, answers, shared, l);
        if (Problem(template, menteeId, answers, l) is { } problem)
        {
            return new CardActionOutcome.ReplaceCard(ReflectionTemplateCard.Build(form with { Problem = problem }));
        }

        var note = new MentorNote(noteId, map.Person.Id, menteeId!, template.Id, answers, shared, default, default, 0);
        // A note newly shared reaches the mentee: queued in the saving transaction.
        if (await store.SaveAsync(note, cancellationToken, s => s.Note.Shared && s.Before is not { Shared: true }
            ? [new OutboxEntry(SharedKind, $"{s.Note.Id}:{s.Note.Revision}", s.Note.MenteeId)]
            : []) is not { } saved)
        {
            Log.Refused(logger, ReflectionVerbs.Save);
            return NotYourNote(l);
        }

        if (saved.Changed)
        {
            Log.Saved(logger, saved.Note.Revision, saved.Note.Shared);
        }

        var view = NoteViews.From(saved.Note, template, map.Person.Name, map.NameOf(saved.Note.MenteeId), map.Person.TimeZone, l);
        return new CardActionOutcome.ReplaceCard(MentorNoteCard.Saved(view, l));
    }

    private static string? Problem(ReflectionTemplate template, string? menteeId, Dictionary<string, string> answers, Language l)
    {
        if (menteeId is null)
        {
            return l.Pick("Choose who the note is about; everything you typed is still here.", "Elige sobre quién es la nota; todo lo que escribiste sigue aquí.");
        }

        if (template.Fields.FirstOrDefault(f => answers.TryGetValue(f.Id, out var a) && a.Length > f.MaxLength) is { } tooLong)
        {
            return l.Pick($"\"{tooLong.Label}\" is over {tooLong.MaxLength} characters. Please shorten it; everything you typed is still here.",
                $"\"{tooLong.Label}\" supera los {tooLong.MaxLength} caracteres. Acórtala, por favor; todo lo que escribiste sigue aquí.");
        }

        return answers.Count == 0 ? l.Pick("Write at least one answer before saving.", "Escribe al menos una respuesta antes de guardar.") : null;
    }

    internal static Language LanguageOf(PersonMap? map, Caller caller) => Languages.From(map?.Person.Locale ?? caller.Locale);

    internal static CardActionOutcome NotInMap(Language l) => new CardActionOutcome.ShowMessage(NotInMapCard.HowToBeAddedIn(l));

    private static CardActionOutcome NoTemplate(Language l) => new CardActionOutcome.ShowMessage(l.Pick(
        "That card is out of date. Type templates to start a new note.", "Esa tarjeta está desactualizada. Escribe templates para empezar una nota nueva."));

    private static CardActionOutcome NotYourNote(Language l) => new CardActionOutcome.ShowMessage(l.Pick(
        "Only the mentor who wrote that note can change it. Type templates to write your own.", "Solo quien escribió esa nota puede cambiarla. Escribe templates para escribir la tuya."));

    internal static CardActionOutcome NotYourMentee(Language l) => new CardActionOutcome.ShowMessage(l.Pick(
        "You can only write notes about your own current mentees. Type notes to see them.", "Solo puedes escribir notas sobre las personas que acompañas ahora. Escribe notes para verlas."));

    private static partial class Log
    {
        [LoggerMessage(EventId = 7501, Level = LogLevel.Information, Message = "Mentor note saved (revision {Revision}, shared: {Shared}).")]
        public static partial void Saved(ILogger logger, int revision, bool shared);

        [LoggerMessage(EventId = 7502, Level = LogLevel.Warning, Message = "A {Verb} action on a note or mentee that is not the caller's was refused.")]
        public static partial void Refused(ILogger logger, string verb);
    }
}
