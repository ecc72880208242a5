using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// What a mentor sees of a mentee's check-in: only what the mentee shared. A private answer is not hinted at beyond
/// "kept private", so the mentor knows there is something they were not meant to read.
/// </summary>
internal static class MenteeCheckInCard
{
    public static AdaptiveCard Build(string menteeName, SharedCheckIn shared, Language l)
    {
        var first = menteeName.Split(' ', 2)[0];
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick($"{first} checked in", $"{first} ha enviado su seguimiento")),
        };

        var facts = new List<(string, string)>();
        if (shared.Confidence is { } confidence)
        {
            facts.Add((l.Pick("Confidence", "Confianza"), confidence.ToString(CultureInfo.InvariantCulture) + " / 5"));
        }

        if (shared.Load is { } load)
        {
            facts.Add((l.Pick("Load", "Carga"), load.ToString(CultureInfo.InvariantCulture) + " / 5"));
        }

        if (facts.Count > 0)
        {
            body.Add(Blocks.Facts([.. facts]));
        }

        Add(body, l.Pick("What they learned", "Lo que aprendió"), shared.Learned, l);
        Add(body, l.Pick("What they need", "Lo que necesita"), shared.Need, l);
        Add(body, l.Pick("Where they're stuck", "Dónde se atasca"), shared.Stuck, l);
        if (shared.WantsTime)
        {
            body.Add(new Container([Blocks.Paragraph(l.Pick($"**{first} would like time with you.**", $"**A {first} le gustaría tener un rato contigo.**"))]) { Style = ContainerStyle.Emphasis });
        }

        body.Add(Blocks.Subtle(l.Pick("You only see what they chose to share.", "Solo ves lo que decidió compartir.")));
        return Blocks.Card(l.Pick($"{first} checked in", $"{first} ha enviado su seguimiento"), body);
    }

    private static void Add(List<CardElement> body, string title, string? text, Language l)
    {
        body.Add(new Container(
        [
            new TextBlock(title) { Weight = FontWeight.Bolder },
            text is null
                ? new TextBlock(l.Pick("Kept private, or left blank.", "Privado o sin responder.")) { IsSubtle = true, Spacing = Spacing.None }
                : new TextBlock(text) { Spacing = Spacing.None },
        ])
        { Spacing = Spacing.Medium });
    }
}
