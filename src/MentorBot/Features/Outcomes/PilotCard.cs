using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.Outcomes;

/// <summary>The pilot report: before and after, pilot unit against the other units, with counts and thresholds. Pure.</summary>
internal static class PilotCard
{
    public static AdaptiveCard Build(PilotReport report, Language l)
    {
        var p = report.Pilot;
        var title = l.Pick($"Pilot: {p.Name}", $"Piloto: {p.Name}");
        var day = Math.Clamp(report.Today.DayNumber - p.StartsOn.DayNumber, 0, p.EndsOn.DayNumber - p.StartsOn.DayNumber);
        var status = report.Ended
            ? l.Pick($"Ended {TimeText.DateWithYear(p.EndsOn, l)}: the final report.", $"Terminó el {TimeText.DateWithYear(p.EndsOn, l)}: el informe final.")
            : l.Pick($"Day {day} of {p.EndsOn.DayNumber - p.StartsOn.DayNumber}.", $"Día {day} de {p.EndsOn.DayNumber - p.StartsOn.DayNumber}.");
        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            Blocks.Facts(
                (l.Pick("Unit", "Unidad"), report.UnitName),
                (l.Pick("Runs", "Duración"), l.Pick($"{TimeText.DateWithYear(p.StartsOn, l)} to {TimeText.DateWithYear(p.EndsOn, l)}", $"del {TimeText.DateWithYear(p.StartsOn, l)} al {TimeText.DateWithYear(p.EndsOn, l)}")),
                (l.Pick("Status", "Estado"), status)),
            Blocks.Subtle(l.Pick(
                $"Before: the {PilotService.BaselineDays} days before it started. Comparison: every other unit together. Figures about fewer than {report.After.MinGroupSize} people are hidden.",
                $"Antes: los {PilotService.BaselineDays} días previos. Comparación: el resto de unidades juntas. Se ocultan las cifras sobre menos de {report.After.MinGroupSize} personas.")),
        };
        Part(body, l.Pick($"{report.UnitName}, before", $"{report.UnitName}, antes"), report.Before.Units[0], report.Before.Months, l);
        Part(body, l.Pick($"{report.UnitName}, during the pilot", $"{report.UnitName}, durante el piloto"), report.After.Units[0], report.After.Months, l);
        Part(body, l.Pick("Other units, before", "Otras unidades, antes"), report.Before.Units[1], report.Before.Months, l);
        Part(body, l.Pick("Other units, during the pilot", "Otras unidades, durante el piloto"), report.After.Units[1], report.After.Months, l);
        return Blocks.Card(title, body);
    }

    public static AdaptiveCard None(Language l)
    {
        var title = l.Pick("No pilot yet", "Aún no hay piloto");
        return Blocks.Card(title, [Blocks.Heading(title), Blocks.Paragraph(l.Pick(
            "A programme admin starts one with: pilot start \"Name\" --unit <unit id> --days 90",
            "La administración del programa lo inicia con: pilot start \"Nombre\" --unit <id de unidad> --days 90"))]);
    }

    private static void Part(List<CardElement> body, string heading, OutcomeLine line, int months, Language l)
    {
        body.Add(new TextBlock(heading) { Weight = FontWeight.Bolder, Spacing = Spacing.Large, Wrap = true });
        body.Add(Blocks.Facts([.. OutcomeCard.Facts(line, months, l)]));
    }
}
