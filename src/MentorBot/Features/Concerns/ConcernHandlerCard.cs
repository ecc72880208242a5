using MentorBot.Cards;

namespace MentorBot.Features.Concerns;

/// <summary>Why a card about a concern is being sent now; it chooses the card's first line.</summary>
internal enum ConcernHeadline
{
    Current,
    New,
    Reminder,
    Forwarded,
    Replied,
    Acknowledged,
    Resolved,
}

/// <summary>
/// A concern as a person handling it sees it: the words, who wrote them (or that no name was given), why it reached
/// them, the conversation, and Acknowledge, Reply and Mark resolved. Built from the concern alone: for an anonymous
/// concern there is no sender to show.
/// </summary>
internal static class ConcernHandlerCard
{
    public static AdaptiveCard Build(ConcernView view, string readerName, bool readerIsBackup, ConcernHeadline headline)
    {
        var l = view.Language;
        var title = Title(view, headline, l);
        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            Blocks.Subtle(readerIsBackup
                ? l.Pick($"Forwarded to you as a backup contact: {view.RecipientName} had not acknowledged it in time. Raised {view.RaisedWhen}.",
                    $"Te llega como contacto de respaldo: {view.RecipientName} no la había confirmado a tiempo. Enviada el {view.RaisedWhen}.")
                : l.Pick($"Sent to you as {Role(view, l)}, {view.RaisedWhen}.", $"Te la enviaron como {Role(view, l)}, el {view.RaisedWhen}.")),
        };
        ConcernWords.AddThread(body, view);
        body.Add(Blocks.Facts((l.Pick("Status", "Estado"), ConcernWords.StatusLine(view, l))));
        body.Add(Blocks.Subtle(view.Anonymous
            ? l.Pick(
                "It was sent without a name, and MentorBot will not tell anyone who wrote it. Your replies reach them here, through MentorBot.",
                "Se envió sin nombre y MentorBot no dirá a nadie quién la escribió. Tus respuestas le llegan por aquí, a través de MentorBot.")
            : l.Pick(
                $"Only the people handling it see it: you{Others(view, readerName, l)}. {view.SenderName} sees your replies and its status.",
                $"Solo la ven quienes la atienden: tú{Others(view, readerName, l)}. {view.SenderName} ve tus respuestas y su estado.")));
        if (view.IsResolved)
        {
            return Blocks.Card(title, body);
        }

        body.Add(new InputText(ConcernFields.Reply)
        {
            Label = view.Anonymous ? l.Pick("Reply to the person who raised it", "Responder a quien la planteó") : l.Pick($"Reply to {view.SenderName}", $"Responder a {view.SenderName}"),
            IsMultiline = true,
            Placeholder = l.Pick("Optional: a question or what happens next", "Opcional: una pregunta o qué pasará ahora"),
            Spacing = Spacing.Medium,
        });
        var data = new Dictionary<string, string> { [ConcernFields.Concern] = view.Id };
        var actions = new List<CardAction>();
        if (view.Status == ConcernStatus.Open)
        {
            actions.Add(new ExecuteAction(l.Pick("Acknowledge", "Confirmar recepción"), ConcernVerbs.Acknowledge, data) { AssociatedInputs = AssociatedInputs.None });
        }

        actions.Add(new ExecuteAction(l.Pick("Send reply", "Enviar respuesta"), ConcernVerbs.Reply, data));
        actions.Add(new ExecuteAction(l.Pick("Mark resolved", "Marcar como resuelta"), ConcernVerbs.Resolve, data) { AssociatedInputs = AssociatedInputs.None });
        return Blocks.Card(title, body, actions);
    }

    private static string Title(ConcernView view, ConcernHeadline headline, Language l) => (headline, view.Anonymous) switch
    {
        (ConcernHeadline.Reminder, _) => l.Pick("Reminder: a concern is waiting for you", "Recordatorio: una preocupación te espera"),
        (ConcernHeadline.Forwarded, _) => l.Pick("A concern forwarded to you", "Te han reenviado una preocupación"),
        (ConcernHeadline.Replied, false) => l.Pick($"{view.SenderName} wrote back about their concern", $"{view.SenderName} respondió sobre su preocupación"),
        (ConcernHeadline.Replied, true) => l.Pick("The person who raised a concern wrote back", "Quien planteó una preocupación respondió"),
        (_, false) => l.Pick($"A concern from {view.SenderName}", $"Una preocupación de {view.SenderName}"),
        _ => l.Pick("A concern, sent without a name", "Una preocupación enviada sin nombre"),
    };

    private static string Role(ConcernView view, Language l) => view.RecipientRole == ConcernRole.Mentor
        ? l.Pick("their mentor", "su mentor")
        : ConcernWords.Role(view.RecipientRole, view.UnitName, l);

    private static string Others(ConcernView view, string readerName, Language l)
    {
        List<string> others = [.. view.BackupNames.Prepend(view.RecipientName).Where(n => n != readerName).Distinct(StringComparer.Ordinal)];
        return others.Count == 0 ? string.Empty : l.Pick(" and ", " y ") + ConcernWords.Names(others, l);
    }
}
