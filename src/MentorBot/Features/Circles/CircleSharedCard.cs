using MentorBot.Cards;

namespace MentorBot.Features.Circles;

/// <summary>One shared answer as the circle reads it: the member's name and their words.</summary>
internal sealed record SharedCircleAnswer(string Name, string? Learned, string? Need, string? Stuck);

/// <summary>
/// What the circle shared in a debrief, for its members and facilitator only. Private answers are not listed or
/// counted; the reader's own answer, shared or not, is shown first with its visibility.
/// </summary>
internal static class CircleSharedCard
{
    public static AdaptiveCard Build(string circleName, CircleAnswer? mine, IReadOnlyList<SharedCircleAnswer> shared, bool isOpen, string debriefId, Language l)
    {
        var body = new List<CardElement> { Blocks.Heading(l.Pick($"{circleName}: this month's debrief", $"{circleName}: reflexión de este mes")) };
        if (mine is not null)
        {
            body.Add(new Container(
            [
                new TextBlock(mine.Shared ? l.Pick("Thank you: your answers are shared with the circle.", "Gracias: tus respuestas se comparten con el círculo.") : l.Pick("Thank you: your answers are private to you.", "Gracias: tus respuestas son solo tuyas.")) { Weight = FontWeight.Bolder, Wrap = true },
            ])
            { Style = ContainerStyle.Good });
        }

        if (shared.Count == 0)
        {
            body.Add(Blocks.Paragraph(l.Pick("Nobody has shared anything yet.", "Todavía nadie ha compartido nada.")));
        }

        foreach (var answer in shared)
        {
            var items = new List<CardElement> { new TextBlock(answer.Name) { Weight = FontWeight.Bolder, Wrap = true } };
            Add(items, l.Pick("Learned", "Aprendió"), answer.Learned);
            Add(items, l.Pick("Needs", "Necesita"), answer.Need);
            Add(items, l.Pick("Stuck on", "Se atasca en"), answer.Stuck);
            body.Add(new Container(items) { Separator = true, Spacing = Spacing.Medium });
        }

        body.Add(Blocks.Subtle(l.Pick("Only members and the facilitator see this. Please keep what people shared inside the circle.", "Solo lo ven los miembros y quien facilita. Por favor, lo que se comparte aquí se queda en el círculo.")));
        List<CardAction> actions = isOpen
            ? [new ExecuteAction(mine is null ? l.Pick("Add my answers", "Añadir mis respuestas") : l.Pick("Edit my answers", "Editar mis respuestas"), CircleVerbs.Edit, new Dictionary<string, string> { [CircleFields.Debrief] = debriefId })]
            : [];
        return Blocks.Card(l.Pick($"{circleName}: this month's debrief", $"{circleName}: reflexión de este mes"), body, actions);
    }

    private static void Add(List<CardElement> items, string title, string? text)
    {
        if (text is not null)
        {
            items.Add(new TextBlock($"**{title}:** {text}") { Spacing = Spacing.Small, Wrap = true });
        }
    }
}
