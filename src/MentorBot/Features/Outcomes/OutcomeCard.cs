using System.Globalization;
using MentorBot.Cards;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;

namespace MentorBot.Features.Outcomes;

/// <summary>The outcomes card: the scope's figures, then per unit and per cohort, each with its count and why anything is hidden. Pure.</summary>
internal static class OutcomeCard
{
    /// <summary>Units and start months listed on the card; the CLI's CSV has them all.</summary>
    public const int Listed = 10;

    public static AdaptiveCard Build(OutcomeReport report, Language l)
    {
        var title = l.Pick($"Outcomes: {report.ScopeName}", $"Resultados: {report.ScopeName}");
        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            Blocks.Subtle(l.Pick(
                $"{TimeText.DateWithYear(report.From, l)} to {TimeText.DateWithYear(report.To.AddDays(-1), l)}. Figures about fewer than {report.MinGroupSize} people are hidden; so is any figure that would let a hidden one be worked out.",
                $"Del {TimeText.DateWithYear(report.From, l)} al {TimeText.DateWithYear(report.To.AddDays(-1), l)}. Se ocultan las cifras sobre menos de {report.MinGroupSize} personas y las que permitirían deducirlas.")),
            Blocks.Facts([.. Facts(report.Total, report.Months, l)]),
        };

        var units = report.Units.OrderByDescending(u => u.People).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        Section(body, l.Pick("By unit, largest first", "Por unidad, de mayor a menor"), units, l, cohort: false);
        var cohorts = report.Cohorts.Where(c => Cells(c, cohort: true).Any(cell => cell.State != CellState.Empty)).Reverse().ToList();
        Section(body, l.Pick("New hires by start month, newest first (since they started)", "Incorporaciones por mes de inicio, las más recientes primero (desde que empezaron)"), cohorts, l, cohort: true);
        if (units.Count > Listed || cohorts.Count > Listed)
        {
            body.Add(Blocks.Subtle(l.Pick(
                "Every unit and month, with the count behind each figure: dotnet MentorBot.dll outcomes --csv outcomes.csv",
                "Todas las unidades y meses, con el recuento de cada cifra: dotnet MentorBot.dll outcomes --csv outcomes.csv")));
        }

        return Blocks.Card(title, body);
    }

    private static void Section(List<CardElement> body, string heading, IReadOnlyList<OutcomeLine> lines, Language l, bool cohort)
    {
        if (lines.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock(heading) { Weight = FontWeight.Bolder, Spacing = Spacing.Large, Wrap = true });
        body.Add(Blocks.Subtle(cohort
            ? l.Pick("Days to independence (median, people) · stayed 90 days · stayed 12 months", "Días hasta la autonomía (mediana, personas) · siguen a los 90 días · siguen a los 12 meses")
            : l.Pick("Days to independence (median, people) · validated · stayed 90 days · new hires' confidence (people)", "Días hasta la autonomía (mediana, personas) · validadas · siguen a los 90 días · confianza de incorporaciones (personas)")));
        body.Add(Blocks.Facts([.. lines.Take(Listed).Select(line => (line.Name, Compact(line, cohort, l)))]));
    }

    private static IEnumerable<Cell> Cells(OutcomeLine line, bool cohort) =>
        cohort ? [line.Independence, line.Retention90, line.Retention12] : [line.Independence, line.Validations, line.Retention90, line.NewHireConfidence];

    /// <summary>One group on one line: each figure short, "–" for nobody yet, "hidden" when the privacy rules hide it.</summary>
    private static string Compact(OutcomeLine line, bool cohort, Language l)
    {
        string Short(Cell cell, Func<Cell, string> shown) => cell.IsShown ? shown(cell) : cell.State == CellState.Empty ? "–" : l.Pick("hidden", "oculto");
        string Days(Cell c) => string.Create(CultureInfo.InvariantCulture, $"{c.Value:0} d ({c.Of})");
        string Percent(Cell c) => string.Create(CultureInfo.InvariantCulture, $"{c.Value * 100:0}% ") + l.Pick($"of {c.Of}", $"de {c.Of}");
        string Number(Cell c) => string.Create(CultureInfo.InvariantCulture, $"{c.Value:0}");
        string Score(Cell c) => string.Create(CultureInfo.InvariantCulture, $"{c.Value:0.0} ({c.Of})");
        return cohort
            ? string.Join(" · ", Short(line.Independence, Days), Short(line.Retention90, Percent), Short(line.Retention12, Percent))
            : string.Join(" · ", Short(line.Independence, Days), Short(line.Validations, Number), Short(line.Retention90, Percent), Short(line.NewHireConfidence, Score));
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
            if (line.NewHireTrend.Any(p => p.State != CellState.Empty))
            {
                yield return (l.Pick("… trend, oldest first", "… tendencia, de la más antigua"), Trend(line.NewHireTrend, l));
            }

            yield return (l.Pick("Confidence, everyone else", "Confianza, resto"), Score(line.OtherConfidence, l));
            if (line.OtherTrend.Any(p => p.State != CellState.Empty))
            {
                yield return (l.Pick("… trend, oldest first", "… tendencia, de la más antigua"), Trend(line.OtherTrend, l));
            }
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

    /// <summary>A trend, oldest first: "3.1 → 3.4 → hidden → 3.8".</summary>
    public static string Trend(IReadOnlyList<Cell> points, Language l) =>
        string.Join(" → ", points.Select(p => p.IsShown ? p.Value.ToString("0.0", CultureInfo.InvariantCulture) : p.State == CellState.Empty ? "–" : l.Pick("hidden", "oculto")));

    public static string Rate(Cell cell, Language l) => cell.IsShown
        ? string.Create(CultureInfo.InvariantCulture, $"{cell.Value * 100:0}% ") + l.Pick($"of {cell.Of}", $"de {cell.Of}")
        : Hidden(cell, l);

    public static string Score(Cell cell, Language l) => cell.IsShown
        ? string.Create(CultureInfo.InvariantCulture, $"{cell.Value:0.0}/5 ") + l.Pick($"({cell.Of} people)", $"({cell.Of} personas)")
        : Hidden(cell, l);

    private static string Count(Cell cell, int months, Language l) => cell.IsShown
        ? string.Create(CultureInfo.InvariantCulture, $"{cell.Value:0} ") + l.Pick(string.Create(CultureInfo.InvariantCulture, $"({cell.Value / months:0.#} a month)"), string.Create(CultureInfo.InvariantCulture, $"({cell.Value / months:0.#} al mes)"))
        : Hidden(cell, l);
}
