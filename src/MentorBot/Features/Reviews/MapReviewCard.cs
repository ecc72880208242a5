using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.Reviews;

/// <summary>The programme admin's quarterly map review: mentor load, lanes without mentors, low calibrations, reach.</summary>
internal static class MapReviewCard
{
    public const int Listed = 8;

    public static AdaptiveCard Build(string quarter, MapReview review, Language l)
    {
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick($"Map review, {quarter}", $"Revisión del mapa, {quarter}")),
            Blocks.Facts(
                (l.Pick("Mentors at capacity", "Mentores al límite"), N(review.MentorsAtCapacity.Count)),
                (l.Pick("Mentors with room", "Mentores con hueco"), N(review.MentorsWithRoom)),
                (l.Pick("Low calibration scores", "Calibraciones bajas"), N(review.LowCalibrations.Count)),
                (l.Pick("People not reachable yet", "Personas sin alcanzar"), N(review.Unreachable))),
        };

        Section(body, l.Pick("Mentor load", "Carga de mentores"), review.MentorsAtCapacity.Select(m => $"{m.Name}: {N(m.Load)} / {N(m.Capacity)}").ToList(),
            l.Pick("Every mentor has room.", "Todos los mentores tienen hueco."), l);
        Section(body, l.Pick("Lanes without mentors", "Áreas sin mentores"),
            [.. review.LanesWithoutMentors.Select(n => l.Pick($"{n}: nobody teaches it", $"{n}: nadie la enseña")), .. review.LanesWithoutFreeMentors.Select(n => l.Pick($"{n}: every mentor is full", $"{n}: todos los mentores están completos"))],
            l.Pick("Every lane has a mentor with room.", "Todas las áreas tienen un mentor con hueco."), l);
        Section(body, l.Pick("Pairings with a low calibration", "Parejas con calibración baja"),
            review.LowCalibrations.Select(c => l.Pick($"{c.Mentor} and {c.Mentee}: {N(c.Score)}/5 from the {c.Role}", $"{c.Mentor} y {c.Mentee}: {N(c.Score)}/5 según {c.Role}")).ToList(),
            l.Pick("No pairing scored itself low.", "Ninguna pareja se puntuó bajo."), l);
        if (review.Unreachable > 0)
        {
            body.Add(Blocks.Subtle(l.Pick("Type **map status** to see who MentorBot cannot reach yet: they need to open the app in Teams once.", "Escribe **map status** para ver a quién no llega MentorBot: necesitan abrir la aplicación en Teams una vez.")));
        }

        return Blocks.Card(l.Pick($"Map review, {quarter}", $"Revisión del mapa, {quarter}"), body);
    }

    private static void Section(List<CardElement> body, string title, IReadOnlyList<string> lines, string empty, Language l)
    {
        body.Add(new TextBlock(title) { Weight = FontWeight.Bolder, Spacing = Spacing.Medium, Separator = true });
        if (lines.Count == 0)
        {
            body.Add(Blocks.Subtle(empty));
            return;
        }

        foreach (var line in lines.Take(Listed))
        {
            body.Add(new TextBlock("• " + line) { Spacing = Spacing.None });
        }

        if (lines.Count > Listed)
        {
            body.Add(Blocks.Subtle(l.Pick($"…and {lines.Count - Listed} more.", $"…y {lines.Count - Listed} más.")));
        }
    }
}
