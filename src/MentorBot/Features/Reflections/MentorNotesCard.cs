using MentorBot.Cards;

namespace MentorBot.Features.Reflections;

/// <summary>Lists of notes: a mentor's own notes about one mentee, and the overview behind a bare <c>notes</c>.</summary>
internal static class MentorNotesCard
{
    /// <summary>The mentor's own notes about one mentee, newest first, each with its visibility and an Edit button.</summary>
    public static AdaptiveCard ForMentee(string menteeName, IReadOnlyList<NoteView> notes, Language l)
    {
        var body = new List<CardElement> { Blocks.Heading(l.Pick($"Your notes about {menteeName}", $"Tus notas sobre {menteeName}")) };
        if (notes.Count == 0)
        {
            body.Add(Blocks.Paragraph(l.Pick("No notes yet. Type templates to write one.", "Aún no hay notas. Escribe templates para crear una.")));
        }

        foreach (var note in notes)
        {
            body.Add(new Container(
            [
                new TextBlock(note.TemplateName) { Weight = FontWeight.Bolder, Wrap = true },
                Blocks.Subtle($"{note.When} · {(note.Shared ? l.Pick($"shared with {menteeName}", $"compartida con {menteeName}") : l.Pick("private", "privada"))}"),
                new TextBlock(Excerpt(note)) { Wrap = true, Spacing = Spacing.Small, MaxLines = 3 },
                new ActionSet([new ExecuteAction(l.Pick("Edit", "Editar"), ReflectionVerbs.Edit, new Dictionary<string, string> { [ReflectionFields.Note] = note.NoteId })]),
            ])
            { Separator = true, Spacing = Spacing.Medium });
        }

        return Blocks.Card(l.Pick($"Your notes about {menteeName}", $"Tus notas sobre {menteeName}"), body);
    }

    /// <summary>A mentor's mentees as buttons, then any notes mentors shared with the reader (read-only).</summary>
    public static AdaptiveCard Overview(IReadOnlyList<NotePerson> mentees, IReadOnlyList<NoteView> sharedWithMe, Language l)
    {
        var body = new List<CardElement> { Blocks.Heading(l.Pick("Notes", "Notas")) };
        if (mentees.Count > 0)
        {
            body.Add(Blocks.Paragraph(l.Pick("Your notes about:", "Tus notas sobre:")));
            body.AddRange(Blocks.Buttons([.. mentees.Select(m => new ExecuteAction(m.Name, ReflectionVerbs.ShowNotes, new Dictionary<string, string> { [ReflectionFields.Mentee] = m.Id }))]));
        }

        if (sharedWithMe.Count > 0)
        {
            body.Add(new TextBlock(l.Pick("Shared with you", "Compartidas contigo")) { Weight = FontWeight.Bolder, Separator = true, Spacing = Spacing.Large });
        }

        if (sharedWithMe.Count == 0 && mentees.Count == 0)
        {
            body.Add(Blocks.Paragraph(l.Pick("No mentor has shared a note with you yet.", "Aún nadie te ha compartido una nota.")));
        }

        foreach (var note in sharedWithMe)
        {
            var items = new List<CardElement>
            {
                new TextBlock(l.Pick($"From {note.AuthorName}: {note.TemplateName}", $"De {note.AuthorName}: {note.TemplateName}")) { Weight = FontWeight.Bolder, Wrap = true },
                Blocks.Subtle(note.When),
            };
            MentorNoteCard.AddAnswers(items, note);
            body.Add(new Container(items) { Separator = true, Spacing = Spacing.Medium });
        }

        return Blocks.Card(l.Pick("Notes", "Notas"), body);
    }

    /// <summary>The first answer, shortened, so a mentor can tell notes apart without opening each.</summary>
    private static string Excerpt(NoteView note)
    {
        var first = note.Answers.Select(a => a.Answer).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))?.ReplaceLineEndings(" ").Trim() ?? string.Empty;
        return first.Length <= ExcerptLength ? first : string.Concat(first.AsSpan(0, ExcerptLength).TrimEnd(), "…");
    }

    private const int ExcerptLength = 140;
}
