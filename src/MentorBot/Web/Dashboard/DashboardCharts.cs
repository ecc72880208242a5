using MentorBot.Cards;
using MentorBot.Features.Digest;
using ScottPlot;

namespace MentorBot.Web.Dashboard;

/// <summary>
/// The dashboard's charts as SVG, drawn on the server by ScottPlot from the suppressed report: a hidden figure has no
/// value to draw, so it is an empty slot labelled as hidden. Colours follow the tab's theme.
/// </summary>
internal static class DashboardCharts
{
    public const int Width = 560;
    public const int Height = 240;

    public static string Participation(DigestReport r, Language l, bool dark)
    {
        var plot = Plot(dark);
        var labels = r.Weeks.Select((w, i) => i == r.Weeks.Count - 1 ? l.Pick("This wk", "Esta sem.") : DigestText.ShortDate(w.Starts, l)).ToArray();
        var bars = new List<Bar>();
        for (var i = 0; i < r.Weeks.Count; i++)
        {
            var cell = r.Weeks[i].Participation;
            bars.Add(new Bar
            {
                Position = i,
                Value = cell.IsShown ? Math.Round(100 * DigestText.Rate(cell)) : 0,
                FillColor = Colors(dark).Bar,
                Label = cell.IsShown ? DigestText.Percent(cell, l) : l.Pick("hidden", "oculto"),
            });
        }

        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.ForeColor = Colors(dark).Text;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, labels.Length).Select(i => (double)i)], labels);
        plot.Axes.SetLimitsY(0, 110);
        plot.Axes.Left.Label.Text = l.Pick("% answered", "% respondidos");
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>This week's answered share per unit, largest units first, at most <see cref="DigestCard.UnitsListed"/>; hidden units are labelled so.</summary>
    public static string Units(DigestReport r, Language l, bool dark)
    {
        var plot = Plot(dark);
        var units = r.Units.Take(DigestCard.UnitsListed).ToList();
        var bars = units.Select((u, i) => new Bar
        {
            Position = units.Count - 1 - i,
            Value = u.Participation.IsShown ? Math.Round(100 * DigestText.Rate(u.Participation)) : 0,
            FillColor = Colors(dark).Bar,
            Label = u.Participation.IsShown ? DigestText.Percent(u.Participation, l) : l.Pick("hidden", "oculto"),
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        series.ValueLabelStyle.ForeColor = Colors(dark).Text;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, units.Count).Select(i => (double)(units.Count - 1 - i))],
            [.. units.Select(u => u.Unit.Length == 0 ? l.Pick("No unit", "Sin unidad") : u.Unit.Length > 22 ? string.Concat(u.Unit.AsSpan(0, 21), "…") : u.Unit)]);
        plot.Axes.SetLimitsX(0, 115);
        plot.Axes.Bottom.Label.Text = l.Pick("% answered this week", "% respondidos esta semana");
        return plot.GetSvgXml(Width, Math.Max(140, 40 + (units.Count * 26)));
    }

    public static string Scores(DigestReport r, Language l, bool dark)
    {
        var plot = Plot(dark);
        var labels = r.Weeks.Select((w, i) => i == r.Weeks.Count - 1 ? l.Pick("This wk", "Esta sem.") : DigestText.ShortDate(w.Starts, l)).ToArray();
        Line(plot, r, w => w.Confidence, Colors(dark).Bar, l.Pick("Confidence", "Confianza"));
        Line(plot, r, w => w.Load, Colors(dark).Second, l.Pick("Load", "Carga"));
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, labels.Length).Select(i => (double)i)], labels);

        // Every week keeps its place even when its scores are hidden (with none shown, the axis would otherwise collapse).
        plot.Axes.SetLimits(-0.5, labels.Length - 0.5, 1, 5);
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Legend.BackgroundColor = Colors(dark).Background;
        plot.Legend.FontColor = Colors(dark).Text;
        plot.Legend.OutlineColor = Colors(dark).Grid;
        return plot.GetSvgXml(Width, Height);
    }

    private static void Line(Plot plot, DigestReport r, Func<WeekPoint, Cell> pick, Color color, string label)
    {
        var points = r.Weeks.Select((w, i) => (i, cell: pick(w))).Where(p => p.cell.IsShown).ToList();
        if (points.Count == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(points.Select(p => (double)p.i).ToArray(), points.Select(p => p.cell.Value).ToArray(), color);
        line.LineWidth = 2;
        line.MarkerSize = 7;
        line.LegendText = label;
    }

    private static Plot Plot(bool dark)
    {
        var c = Colors(dark);
        var plot = new Plot();
        plot.Font.Set("Open Sans");
        plot.FigureBackground.Color = c.Background;
        plot.DataBackground.Color = c.Background;
        plot.Axes.Color(c.Text);
        plot.Grid.MajorLineColor = c.Grid;
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    private static (Color Background, Color Text, Color Grid, Color Bar, Color Second) Colors(bool dark) => dark
        ? (Color.FromHex("#292929"), Color.FromHex("#FFFFFF"), Color.FromHex("#4D4D4D"), Color.FromHex("#7F85F5"), Color.FromHex("#FFB900"))
        : (Color.FromHex("#FFFFFF"), Color.FromHex("#242424"), Color.FromHex("#E0E0E0"), Color.FromHex("#5B5FC7"), Color.FromHex("#8A5A00"));
}
