using MentorBot.Features.Digest;

namespace MentorBot.Features.Outcomes;

/// <summary>One group's outcome figures after the privacy rules. Each cell's <see cref="Cell.Of"/> is the count behind it.</summary>
/// <remarks><see cref="People"/> is the group's headcount over the window (units are listed largest first); it is the size of a unit or a start month, never a figure about anyone.</remarks>
internal sealed record OutcomeLine(
    string Key, string Name, Cell Independence, Cell IndependenceLower, Cell IndependenceUpper, Cell Validations, Cell Retention90, Cell Retention12,
    Cell Promotion, Cell NewHireConfidence, Cell OtherConfidence, int People = 0)
{
    /// <summary>Confidence per period of the window, oldest first: new hires, then everyone else (empty for a start month).</summary>
    public IReadOnlyList<Cell> NewHireTrend { get; init; } = [];

    public IReadOnlyList<Cell> OtherTrend { get; init; } = [];
}

/// <summary>The outcome report for one scope and window: the total, then per unit and per cohort of start months.</summary>
internal sealed record OutcomeReport(
    string ScopeName, DateOnly From, DateOnly To, int MinGroupSize, int Months, OutcomeLine Total, IReadOnlyList<OutcomeLine> Units, IReadOnlyList<OutcomeLine> Cohorts);

/// <summary>
/// The digest's privacy rules over outcome tables, pure. Each figure is shown for a group of at least the threshold;
/// in a breakdown, complementary suppression hides more parts until no hidden part can be had by subtracting the shown
/// ones from the total, and a count of people (promoted) is shown only at zero or the threshold and above.
/// </summary>
internal static class OutcomeFigures
{
    public static OutcomeReport From(string scopeName, OutcomeInput input, OutcomeRaw total, IReadOnlyList<OutcomeRaw> units, IReadOnlyList<OutcomeRaw> cohorts, int minGroupSize)
    {
        var k = Suppression.Threshold(minGroupSize);
        return new OutcomeReport(scopeName, input.From, input.To, k, input.Months, WithTrend([Line(total, Primary(total, k), k)], [total], k)[0], WithTrend(Breakdown(units, k), units, k), Breakdown(cohorts, k));
    }

    /// <summary>
    /// Adds the confidence trend, each period an average with the usual rules; across units, each period is a breakdown
    /// of its own, so a hidden unit's period cannot be worked out from the others.
    /// </summary>
    private static List<OutcomeLine> WithTrend(List<OutcomeLine> lines, IReadOnlyList<OutcomeRaw> raws, int k)
    {
        IReadOnlyList<Cell>[] Points(Func<OutcomeRaw, IReadOnlyList<IReadOnlyList<double>>?> trend)
        {
            var points = raws.Select(_ => new Cell[OutcomeCalculator.TrendPeriods]).ToArray();
            for (var period = 0; period < OutcomeCalculator.TrendPeriods; period++)
            {
                var values = raws.Select(r => trend(r) is { } t && period < t.Count ? t[period] : []).ToList();
                var states = Suppression.Breakdown([.. values.Select(v => v.Count)], k, [.. values.Select(v => Average(v, k))]);
                for (var i = 0; i < raws.Count; i++)
                {
                    points[i][period] = Cell.Make(states[i], values[i].DefaultIfEmpty().Average(), values[i].Count);
                }
            }

            return points;
        }

        var hires = Points(r => r.NewHireTrend);
        var others = Points(r => r.OtherTrend);
        return [.. lines.Select((line, i) => line with { NewHireTrend = hires[i], OtherTrend = others[i] })];
    }

    /// <summary>Each figure's own state for one group, before any complementary suppression.</summary>
    private static CellState[] Primary(OutcomeRaw r, int k) =>
    [
        Suppression.Group(r.DaysToIndependence.Count, k),
        Suppression.Count(r.Validations, k),
        Suppression.Group(r.Retention90Eligible, k),
        Suppression.Group(r.Retention12Eligible, k),
        Suppression.Count(r.Promoted, r.Headcount, k),
        Average(r.NewHireConfidence, k),
        Average(r.OtherConfidence, k),
    ];

    private static int[] Sizes(OutcomeRaw r) =>
        [r.DaysToIndependence.Count, r.Validations, r.Retention90Eligible, r.Retention12Eligible, r.Promoted, r.NewHireConfidence.Count, r.OtherConfidence.Count];

    private static CellState Average(IReadOnlyList<double> values, int k) =>
        values.Count == 0 ? CellState.Empty : Suppression.Average(values.Count, values.Min(), values.Max(), k);

    private static List<OutcomeLine> Breakdown(IReadOnlyList<OutcomeRaw> parts, int k)
    {
        var primary = parts.Select(p => Primary(p, k)).ToList();
        var sizes = parts.Select(Sizes).ToList();
        var states = parts.Select(_ => new CellState[7]).ToList();
        for (var figure = 0; figure < 7; figure++)
        {
            var column = Suppression.Breakdown([.. sizes.Select(s => s[figure])], k, [.. primary.Select(p => p[figure])]);
            for (var i = 0; i < parts.Count; i++)
            {
                states[i][figure] = column[i];
            }
        }

        return [.. parts.Select((p, i) => Line(p, states[i], k))];
    }

    private static OutcomeLine Line(OutcomeRaw r, CellState[] s, int k)
    {
        var (median, lower, upper) = OutcomeCalculator.Spread(r.DaysToIndependence);
        var n = r.DaysToIndependence.Count;
        return new OutcomeLine(
            r.Key,
            r.Name,
            Cell.Make(s[0], median, n),
            Cell.Make(s[0], lower, n),
            Cell.Make(s[0], upper, n),
            Cell.Make(s[1], r.Validations, r.Validations),
            Cell.Make(s[2], Rate(r.Retention90Stayed, r.Retention90Eligible), r.Retention90Eligible),
            Cell.Make(s[3], Rate(r.Retention12Stayed, r.Retention12Eligible), r.Retention12Eligible),
            Cell.Make(s[4], Rate(r.Promoted, r.Headcount), r.Headcount),
            Cell.Make(s[5], r.NewHireConfidence.DefaultIfEmpty().Average(), r.NewHireConfidence.Count),
            Cell.Make(s[6], r.OtherConfidence.DefaultIfEmpty().Average(), r.OtherConfidence.Count),
            r.Headcount);
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
