using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.Digest;

/// <summary>The pieces the digest cards share: section titles, the window line, the privacy note and the buttons.</summary>
internal static class DigestBlocks
{
    public static TextBlock Section(string title) => new(title) { Weight = FontWeight.Bolder, Spacing = Spacing.Medium, Separator = true };

    public static string Window(DigestReport r, Language l) => l.Pick(
        $"7 days to {TimeText.When(r.Header.AsOf, r.Header.TimeZone, l)} · {DigestText.Count(r.People, l)} people · this week against the 4 weeks before",
        $"7 días hasta el {TimeText.When(r.Header.AsOf, r.Header.TimeZone, l)} · {DigestText.Count(r.People, l)} personas · esta semana frente a las 4 anteriores");

    public static TextBlock Footnote(int k, Language l) => Blocks.Subtle(l.Pick(
        $"Privacy: every figure about fewer than {k} people is hidden, and so is the next-smallest group wherever a hidden figure could be worked out from a total. Only what people shared with their mentor is counted; private answers and anything anyone wrote never reach this card.",
        $"Privacidad: se oculta toda cifra de menos de {k} personas, y también el siguiente grupo más pequeño cuando una cifra oculta podría deducirse de un total. Solo cuenta lo que cada persona compartió con su mentor; las respuestas privadas y lo que nadie escribió nunca llegan a esta tarjeta."));

    public static List<CardAction> Actions(DigestHeader header, Language l, string first)
    {
        var actions = new List<CardAction>
        {
            first == DigestVerbs.Details
                ? new ExecuteAction(l.Pick("Open details", "Ver detalles"), DigestVerbs.Details, Scope(header))
                : new ExecuteAction(l.Pick("Summary", "Resumen"), DigestVerbs.Summary, Scope(header)),
        };
        if (header.NudgeAllowed)
        {
            actions.Add(new ExecuteAction(l.Pick("Who needs a nudge?", "¿A quién recordárselo?"), DigestVerbs.Nudge, Scope(header)));
        }

        return actions;
    }

    public static Dictionary<string, string> Scope(DigestHeader header) => new() { [DigestVerbs.ScopeKey] = header.ScopeKey };
}
