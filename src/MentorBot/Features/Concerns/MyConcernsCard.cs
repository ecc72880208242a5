using MentorBot.Cards;

namespace MentorBot.Features.Concerns;

/// <summary>A concern in a list: a short line about it, and its status.</summary>
internal sealed record ConcernSummary(string Id, string Line, string Status);

/// <summary><c>my concerns</c>: the concerns you raised, with their status, and the ones waiting for you to handle.</summary>
internal static class MyConcernsCard
{
    public static AdaptiveCard Build(IReadOnlyList<ConcernSummary> raised, IReadOnlyList<ConcernSummary> toHandle, Language l)
    {
        var body = new List<CardElement> { Blocks.Heading(l.Pick("Concerns", "Preocupaciones")) };
        Section(body, l.Pick("For you to handle", "Para que las atiendas"), toHandle, l);
        Section(body, l.Pick("You raised", "Las que planteaste"), raised, l);
        if (raised.Count == 0 && toHandle.Count == 0)
        {
            body.Add(Blocks.Paragraph(l.Pick(
                "No concerns yet. Type raise a concern whenever something worries you: you choose who sees it.",
                "Aún no hay preocupaciones. Escribe raise a concern cuando algo te preocupe: tú eliges quién la ve.")));
        }

        return Blocks.Card(l.Pick("Concerns", "Preocupaciones"), body);
    }

    private static void Section(List<CardElement> body, string title, IReadOnlyList<ConcernSummary> concerns, Language l)
    {
        if (concerns.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock(title) { Weight = FontWeight.Bolder, Spacing = Spacing.Medium });
        foreach (var concern in concerns)
        {
            body.Add(new ColumnSet(
            [
                new Column([new TextBlock(concern.Line) { Wrap = true }, Blocks.Subtle(concern.Status)]) { Width = "stretch", VerticalContentAlignment = VerticalAlignment.Center },
                new Column([new ActionSet([new ExecuteAction(l.Pick("Open", "Abrir"), ConcernVerbs.Show, new Dictionary<string, string> { [ConcernFields.Concern] = concern.Id })])]) { Width = "auto" },
            ])
            { Separator = true });
        }
    }
}
