using MentorBot.Cards;

namespace MentorBot.Features.Concerns;

/// <summary>
/// A concern as the person who raised it sees it: to whom, its status (waiting, acknowledged, resolved, forwarded to the
/// backup contact), the conversation, and a box to add something or answer.
/// </summary>
internal static class ConcernSenderCard
{
    public static AdaptiveCard Build(ConcernView view, ConcernHeadline headline)
    {
        var l = view.Language;
        var title = Title(view, headline, l);
        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            Blocks.Subtle(l.Pick(
                $"To {view.RecipientName}, {ConcernWords.Role(view.RecipientRole, view.UnitName, l, view.RecipientKind)}, {view.RaisedWhen}{(view.Anonymous ? " · sent without your name" : string.Empty)}",
                $"Para {view.RecipientName}, {ConcernWords.Role(view.RecipientRole, view.UnitName, l, view.RecipientKind)}, {view.RaisedWhen}{(view.Anonymous ? " · enviada sin tu nombre" : string.Empty)}")),
            new Container([new TextBlock(Status(view, l)) { Weight = FontWeight.Bolder, Wrap = true }])
            {
                Style = view.Status switch { ConcernStatus.Resolved => ContainerStyle.Good, ConcernStatus.Acknowledged => ContainerStyle.Accent, _ => ContainerStyle.Default },
                Spacing = Spacing.Medium,
            },
        };
        if (view.BackupNames.Count > 0)
        {
            body.Add(Blocks.Subtle(l.Pick(
                $"It was not acknowledged in time, so it also went to {ConcernWords.Names(view.BackupNames, l)}.",
                $"No se confirmó a tiempo, así que también la recibió {ConcernWords.Names(view.BackupNames, l)}.")));
        }

        ConcernWords.AddThread(body, view);
        if (view.Anonymous)
        {
            body.Add(Blocks.Subtle(l.Pick(
                "Nobody handling it is told who you are. Their replies reach you here; yours reach them without your name.",
                "Nadie que la atiende sabe quién eres. Sus respuestas te llegan aquí; las tuyas les llegan sin tu nombre.")));
        }

        if (view.IsResolved)
        {
            body.Add(Blocks.Subtle(l.Pick("Something new? Type raise a concern.", "¿Algo nuevo? Escribe raise a concern.")));
            return Blocks.Card(title, body);
        }

        body.Add(new InputText(ConcernFields.Reply)
        {
            Label = l.Pick("Add something or answer", "Añadir algo o responder"),
            IsMultiline = true,
            Spacing = Spacing.Medium,
        });
        return Blocks.Card(title, body,
            [new ExecuteAction(l.Pick("Send", "Enviar"), ConcernVerbs.Reply, new Dictionary<string, string> { [ConcernFields.Concern] = view.Id })]);
    }

    private static string Title(ConcernView view, ConcernHeadline headline, Language l) => headline switch
    {
        ConcernHeadline.New => l.Pick($"Your concern is on its way to {view.RecipientName}", $"Tu preocupación va de camino a {view.RecipientName}"),
        ConcernHeadline.Acknowledged => l.Pick($"{view.AcknowledgedBy} acknowledged your concern", $"{view.AcknowledgedBy} confirmó tu preocupación"),
        ConcernHeadline.Replied => l.Pick("A reply to your concern", "Una respuesta a tu preocupación"),
        ConcernHeadline.Resolved => l.Pick($"{view.ResolvedBy} marked your concern resolved", $"{view.ResolvedBy} marcó tu preocupación como resuelta"),
        ConcernHeadline.Forwarded => l.Pick("Your concern went to a backup contact", "Tu preocupación pasó a un contacto de respaldo"),
        _ => l.Pick("Your concern", "Tu preocupación"),
    };

    private static string Status(ConcernView view, Language l) => view.Status == ConcernStatus.Open
        ? l.Pick($"Waiting for {view.RecipientName} to acknowledge it", $"Esperando a que {view.RecipientName} la confirme")
        : ConcernWords.StatusLine(view, l);
}
