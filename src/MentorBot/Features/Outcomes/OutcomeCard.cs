using System.Globalization;
using MentorBot.Cards;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;

namespace MentorBot.Features.Outcomes;

/// <summary>The outcomes card: the scope's figures, then per unit and per cohort, each with its count and why anything is hidden. Pure.</summary>
internal static class OutcomeCard
{
    public static AdaptiveCard Build(OutcomeReport report, Language l)
    {
        var title = l.Pick($"Outcomes: {report.ScopeName}", $"Resultados: {report.ScopeName}");
        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            Blocks.Subtle(l.Pick(
                $"{TimeText.Date(report.From, l)} to {TimeText.Date(report.To.AddDays(-1), l)}. Figures about fewer than {report.MinGroupSize} people are hidden; so is any figure that would let a hidden one be worked out.",
                $"Del {TimeText.Date(report.From, l)} al {TimeText.Date(report.To.AddDays(-1), l)}. Se ocultan las cifras sobre menos de {report.MinGroupSize} personas y las que permitirían deducirlas.")),
            Blocks.Facts([.. Facts(report.Total, report.Months, l)]),
        };
        Section(body, l.Pick("By unit", "Por unidad"), report.Units, report.Months, l);
        Section(body, l.Pick("By start month (new hires, since they started)", "Por mes de inicio (incorporaciones, desde que empezaron)"), report.Cohorts, report.Months, l, cohorts: true);
        return Blocks.Card(title, body);
    }

    public static IEnumerable<(string Title, string Value)> Facts(OutcomeLine line, int months, Language l, bool cohort = false)
    {
        yield return (l.Pick("Time to independence", "Tiempo hasta la autonomía"), Independence(line, l));
        if (!cohort)
        {
            yield return (l.Pick("Competencies validated", "Competencias validadas"), Count(line.Validations, months, l));
        }

        yield return (l.Pick("Stayed 90 days", "Siguen a los 90 días"), Rate(line.Retention90, l));
        yield return (l.Pick("Stayed 12 months", "Siguen a los 12 meses"), Rate(line.Retention12, l));
        if (!cohort)
        {
            yield return (l.Pick("Promoted", "Promocionados"), Rate(line.Promotion, l));
            yield return (l.Pick("Confidence, new hires", "Confianza, incorporaciones"), Score(line.NewHireConfidence, l));
            yield return (l.Pick("Confidence, everyone else", "Confianza, resto"), Score(line.OtherConfidence, l));
        }
    }

    public static string Hidden(Cell cell, Language l) => cell.State switch
    {
        CellState.Empty => l.Pick("no one yet", "nadie aún"),
        CellState.Complementary => l.Pick("hidden: it would reveal a small group", "oculto: revelaría un grupo pequeño"),
        CellState.Uniform => l.Pick("hidden: everyone gave the same score", "oculto: todos dieron la misma puntuación"),
        _ => l.Pick("hidden: too few people", "oculto: muy pocas personas"),
    };

    public static string Independence(OutcomeLine line, Language l) => line.Independence.IsShown
        ? l.Pick(
            string.Create(CultureInfo.InvariantCulture, $"median {line.Independence.Value:0} days (middle half {line.IndependenceLower.Value:0}–{line.IndependenceUpper.Value:0}; {line.Independence.Of} people)"),
            string.Create(CultureInfo.InvariantCulture, $"mediana {line.Independence.Value:0} días (mitad central {line.IndependenceLower.Value:0}–{line.IndependenceUpper.Value:0}; {line.Independence.Of} personas)"))
        : Hidden(line.Independence, l);

    public static string Rate(Cell cell, Language l) => cell.IsShown
        ? string.Create(CultureInfo.InvariantCulture, $"{cell.Value * 100:0}% ") + l.Pick($"of {cell.Of}", $"de {cell.Of}")
        : Hidden(cell, l);

    public static string Score(Cell cell, Language l) => cell.IsShown
        ? string.Create(CultureInfo.InvariantCulture, $"{cell.Value:0.0}/5 ") + l.Pick($"({cell.Of} people)", $"({cell.Of} personas)")
        : Hidden(cell, l);

    private static string Count(Cell cell, int months, Language l) => cell.IsShown
        ? string.Create(CultureInfo.InvariantCulture, $"{cell.Value:0} ") + l.Pick(string.Create(CultureInfo.InvariantCulture, $"({cell.Value / months:0.#} a month)"), string.Create(CultureInfo.InvariantCulture, $"({cell.Value / months:0.#} al mes)"))
        : Hidden(cell, l);

    private static void Section(List<CardElement> body, string heading, IReadOnlyList<OutcomeLine> lines, int months, Language l, bool cohorts = false)
    {
        if (lines.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock(heading) { Weight = FontWeight.Bolder, Spacing = Spacing.Large, Wrap = true });
        foreach (var line in lines)
        {
            body.Add(new TextBlock(line.Name) { Weight = FontWeight.Bolder, Spacing = Spacing.Medium, Wrap = true });
            body.Add(Blocks.Facts([.. Facts(line, months, l, cohorts)]));
        }
    }
}
