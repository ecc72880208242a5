using MentorBot.Cards;

namespace MentorBot.Features.Reflections;

/// <summary>A note as someone reads it: who wrote it, when (already in the reader's time zone), and each answer under its question.</summary>
internal sealed record NoteView(string NoteId, string AuthorName, string MenteeName, string When, string TemplateName, bool Shared, IReadOnlyList<(string Question, string Answer)> Answers);

/// <summary>A single note, read-only: the author's summary after saving, or the copy a mentee receives.</summary>
internal static class MentorNoteCard
{
    /// <summary>Replaces the guided card once saved; says plainly who can read it.</summary>
    public static AdaptiveCard Saved(NoteView note, Language l)
    {
        var status = note.Shared
            ? l.Pick($"Saved and shared with {note.MenteeName}", $"Guardada y compartida con {note.MenteeName}")
            : l.Pick("Saved: private to you", "Guardada: solo para ti");
        var body = new List<CardElement>
        {
            new Container([new TextBlock(status) { Weight = FontWeight.Bolder, Wrap = true }]) { Style = ContainerStyle.Good },
            Blocks.Heading(note.TemplateName),
            Blocks.Subtle(l.Pick($"About {note.MenteeName}, {note.When}", $"Sobre {note.MenteeName}, {note.When}")),
        };
        AddAnswers(body, note);
        return Blocks.Card(status, body, [new ExecuteAction(l.Pick("Edit note", "Editar nota"), ReflectionVerbs.Edit, new Dictionary<string, string> { [ReflectionFields.Note] = note.NoteId })]);
    }

    /// <summary>The read-only copy of a shared note, for the mentee.</summary>
    public static AdaptiveCard SharedCopy(NoteView note, Language l)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick($"A note from {note.AuthorName}", $"Una nota de {note.AuthorName}")),
            Blocks.Subtle($"{note.TemplateName}, {note.When}"),
        };
        AddAnswers(body, note);
        body.Add(Blocks.Subtle(l.Pick("Shared with you only. Type notes to read it again.", "Compartida solo contigo. Escribe notes para volver a leerla.")));
        return Blocks.Card(l.Pick($"A note from {note.AuthorName}", $"Una nota de {note.AuthorName}"), body);
    }

    internal static void AddAnswers(List<CardElement> items, NoteView note)
    {
        foreach (var (question, answer) in note.Answers)
        {
            items.Add(new TextBlock(question) { Weight = FontWeight.Bolder, Spacing = Spacing.Medium, Wrap = true });
            items.Add(new TextBlock(answer) { Spacing = Spacing.Small, Wrap = true });
        }
    }
}
