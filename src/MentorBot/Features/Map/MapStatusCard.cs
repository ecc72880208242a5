using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.Map;

/// <summary>The programme at a glance, for programme admins.</summary>
internal static class MapStatusCard
{
    public const int NamesShown = 8;

    public static AdaptiveCard Build(MapStatus status, Language language = Language.English)
    {
        string Count(string level) => status.PeopleByLevel.GetValueOrDefault(level).ToString(CultureInfo.InvariantCulture);
        string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
        var body = new List<CardElement>
        {
            Blocks.Heading(language.Pick("Mentorship map status", "Estado del mapa de mentoría")),
            Blocks.Facts(
                (language.Pick("People", "Personas"), Number(status.People)),
                (language.Pick("By level", "Por nivel"), language.Pick(
                    $"{Count("director")} directors · {Count("manager")} managers · {Count("lead")} leads · {Count("staff")} staff",
                    $"{Count("director")} dirección · {Count("manager")} supervisión · {Count("lead")} responsables · {Count("staff")} personal")),
                (language.Pick("Active pairings", "Parejas activas"), Number(status.ActivePairings))),
            Section(language.Pick("Pairings per lane", "Parejas por área")),
            Blocks.Facts([.. status.PairingsPerLane.Select(l => (l.Lane, Number(l.Pairings)))]),
            Section(language.Pick("Mentors at or over capacity", "Mentores al límite o por encima")),
        };

        body.Add(status.MentorsAtCapacity.Count == 0
            ? Blocks.Subtle(language.Pick("None: every mentor has room.", "Ninguno: todos los mentores tienen hueco."))
            : Blocks.Facts([.. status.MentorsAtCapacity.Select(m => (m.Name, language.Pick($"{m.Load} of {m.Capacity}", $"{m.Load} de {m.Capacity}") + (m.Load > m.Capacity ? language.Pick(" (over)", " (por encima)") : string.Empty)))]));

        body.Add(Section(language.Pick("Not reachable yet: ", "Sin contacto todavía: ") + Number(status.Unreachable.Count)));
        if (status.Unreachable.Count > 0)
        {
            var shown = string.Join(", ", status.Unreachable.Take(NamesShown));
            var more = status.Unreachable.Count > NamesShown ? language.Pick($" and {status.Unreachable.Count - NamesShown} more", $" y {status.Unreachable.Count - NamesShown} más") : string.Empty;
            body.Add(Blocks.Paragraph(shown + more + "."));
            body.Add(Blocks.Subtle(language.Pick(
                "They have not opened MentorBot in Teams, or removed it. Check-ins cannot reach them until they do, or until the app is installed for them (map sync).",
                "No han abierto MentorBot en Teams, o lo han quitado. Los seguimientos no les llegan hasta que lo hagan, o hasta que se les instale la aplicación (map sync).")));
        }

        return Blocks.Card(language.Pick($"Mentorship map: {status.People} people, {status.ActivePairings} active pairings", $"Mapa de mentoría: {status.People} personas, {status.ActivePairings} parejas activas"), body);
    }

    private static TextBlock Section(string text) => new(text) { Weight = FontWeight.Bolder, Spacing = Spacing.Medium, Separator = true };
}
