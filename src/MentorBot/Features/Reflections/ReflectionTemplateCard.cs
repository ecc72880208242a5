using MentorBot.Cards;

namespace MentorBot.Features.Reflections;

/// <summary>Someone in a note: their map id and name.</summary>
internal sealed record NotePerson(string Id, string Name);

/// <summary>Everything the guided note card shows. <see cref="NoteId"/> is fixed when the card is built, so a double click saves once.</summary>
internal sealed record ReflectionForm(
    string NoteId,
    ReflectionTemplate Template,
    IReadOnlyList<NotePerson> Mentees,
    string? MenteeId,
    IReadOnlyDictionary<string, string> Answers,
    bool Shared,
    Language Language,
    string? Problem = null);

/// <summary>
/// A reflection template as a guided card: which mentee, one box per question, and who will see it (private by
/// default). Only the mentor's own current mentees are offered.
/// </summary>
internal static class ReflectionTemplateCard
{
    public static AdaptiveCard Build(ReflectionForm form)
    {
        var l = form.Language;
        var template = form.Template;
        var body = new List<CardElement> { Blocks.Heading(template.Name), Blocks.Subtle(template.When) };
        if (form.Problem is { } problem)
        {
            body.Add(new Container([Blocks.Warning(problem)]) { Style = ContainerStyle.Warning });
        }

        body.Add(new InputChoiceSet(ReflectionFields.Mentee, [.. form.Mentees.Select(m => new Choice(m.Name, m.Id))])
        {
            Label = l.Pick("About", "Sobre"),
            Style = ChoiceInputStyle.Compact,
            Value = form.MenteeId ?? (form.Mentees.Count == 1 ? form.Mentees[0].Id : null),
            Placeholder = l.Pick("Choose a mentee", "Elige a quién"),
            IsRequired = true,
            ErrorMessage = l.Pick("Choose who the note is about.", "Elige sobre quién es la nota."),
        });
        foreach (var field in template.Fields)
        {
            body.Add(new InputText(ReflectionFields.Answer(field.Id))
            {
                Label = field.Label,
                Placeholder = field.Hint,
                Value = form.Answers.TryGetValue(field.Id, out var answer) ? answer : null,
                IsMultiline = true,
                MaxLength = field.MaxLength,
                Spacing = Spacing.Medium,
            });
        }

        var menteeName = form.Mentees.FirstOrDefault(m => m.Id == form.MenteeId)?.Name ?? (form.Mentees.Count == 1 ? form.Mentees[0].Name : null);
        body.Add(new InputChoiceSet(ReflectionFields.Visibility,
        [
            new Choice(l.Pick("Private to me", "Solo para mí"), ReflectionFields.Private),
            new Choice(menteeName is null ? l.Pick("Shared with the mentee", "Compartida con esa persona") : l.Pick($"Shared with {menteeName}", $"Compartida con {menteeName}"), ReflectionFields.Shared),
        ])
        {
            Label = l.Pick("Who sees it", "Quién la ve"),
            Style = ChoiceInputStyle.Expanded,
            Value = form.Shared ? ReflectionFields.Shared : ReflectionFields.Private,
            Spacing = Spacing.Medium,
        });
        body.Add(Blocks.Subtle(l.Pick(
            "Private: only you. Shared: the mentee gets a read-only copy. Leaders and admins never see the words.",
            "Privada: solo tú. Compartida: esa persona recibe una copia de solo lectura. Responsables y administración nunca ven el texto.")));

        return Blocks.Card(template.Name, body,
        [
            new ExecuteAction(l.Pick("Save note", "Guardar nota"), ReflectionVerbs.Save, new Dictionary<string, string>
            {
                [ReflectionFields.Template] = template.Id,
                [ReflectionFields.Note] = form.NoteId,
            }),
        ]);
    }

    /// <summary>For a mentor with nobody to write about yet.</summary>
    public static AdaptiveCard NoMentees(Language l) => Blocks.Card(
        l.Pick("No mentees yet", "Aún no acompañas a nadie"),
        [
            Blocks.Heading(l.Pick("No mentees yet", "Aún no acompañas a nadie")),
            Blocks.Paragraph(l.Pick(
                "Reflection notes are about your own mentees, and the map has none for you right now. Ask your programme admin if that's wrong.",
                "Las notas de reflexión son sobre las personas que acompañas, y ahora el mapa no te asigna ninguna. Si es un error, avisa a quien administra el programa.")),
        ]);
}
