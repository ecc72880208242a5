using System.Globalization;
using System.Xml.Linq;
using MentorBot.Cards;
using MentorBot.Features.Digest;
using MentorBot.Tests.Cards;
using MentorBot.Web.Dashboard;

namespace MentorBot.Tests.Web;

public sealed class DashboardChartsTests
{
    public static TheoryData<string> Shown => ["none", "last two", "all"];

    /// <summary>The week labels sit evenly along the axis, left to right, however many weeks' scores are hidden.</summary>
    [Theory]
    [MemberData(nameof(Shown))]
    public void Every_week_keeps_its_place_on_the_scores_chart(string shown)
    {
        var report = DigestCardSamples.Report(DigestCardSamples.Ward());
        var weeks = report.Weeks.Select((w, i) => shown switch
        {
            "none" => w with { Confidence = Cell.Make(CellState.TooFew, 0), Load = Cell.Make(CellState.TooFew, 0) },
            "last two" when i < report.Weeks.Count - 2 => w with { Confidence = Cell.Make(CellState.TooFew, 0), Load = Cell.Make(CellState.TooFew, 0) },
            _ => w with { Confidence = Cell.Make(CellState.Shown, 3.5), Load = Cell.Make(CellState.Shown, 2.5) },
        }).ToList();

        var svg = DashboardCharts.Scores(report with { Weeks = weeks }, Language.English, dark: false);

        var labels = weeks.Select((w, i) => i == weeks.Count - 1 ? "This wk" : DigestText.ShortDate(w.Starts, Language.English)).ToList();
        var texts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").ToList();
        var xs = labels.Select(label => texts.Where(t => t.Value.Trim() == label).Select(X).Single()).ToList();
        var gaps = xs.Zip(xs.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, gap => Assert.InRange(gap, 0.9 * gaps.Average(), 1.1 * gaps.Average()));
        Assert.True(gaps.Average() > DashboardCharts.Width / (2.0 * labels.Count), $"labels crowd together: {string.Join(", ", xs)}");
    }

    /// <summary>Where ScottPlot anchors a label: its transform's translate (the x attribute holds each glyph's offset).</summary>
    private static double X(XElement text)
    {
        var transform = text.Attribute("transform")!.Value;
        var start = transform.IndexOf("translate(", StringComparison.Ordinal) + "translate(".Length;
        return double.Parse(transform[start..].Split([',', ' ', ')'], StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
    }
}
