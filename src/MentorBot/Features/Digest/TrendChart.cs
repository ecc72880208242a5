using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.Digest;

/// <summary>
/// A small bar chart made of plain Adaptive Card 1.5 containers (no Teams-only chart element, no image), so it renders
/// the same in Teams on a phone, on the desktop and in any other host: one column a week, the bar's height the rate,
/// the value over the bar and the week under it. A week that is not shown gets a flat grey bar and a dash.
/// </summary>
internal static class TrendChart
{
    private const int Floor = 40;
    private const int Range = 80;

    public static ColumnSet Bars(IReadOnlyList<(string Label, Cell Cell, double Ratio, string Value)> weeks) => new([.. weeks.Select(Column)])
    {
        Spacing = Spacing.Small,
    };

    private static Column Column((string Label, Cell Cell, double Ratio, string Value) week, int index)
    {
        var height = week.Cell.IsShown ? Floor + (int)Math.Round(Math.Clamp(week.Ratio, 0, 1) * Range, MidpointRounding.AwayFromZero) : Floor;
        var bar = new Container([new TextBlock("\u00A0") { Size = FontSize.Small }])
        {
            Style = week.Cell.IsShown ? ContainerStyle.Accent : ContainerStyle.Emphasis,
            MinHeight = height.ToString(CultureInfo.InvariantCulture) + "px",
            Spacing = Spacing.None,
        };
        return new Column(
        [
            new TextBlock(week.Cell.IsShown ? week.Value : "–") { Size = FontSize.Small, Weight = FontWeight.Bolder, HorizontalAlignment = HorizontalAlignment.Center, Wrap = false },
            bar,
            new TextBlock(week.Label) { Size = FontSize.Small, IsSubtle = true, HorizontalAlignment = HorizontalAlignment.Center, Spacing = Spacing.None, Wrap = false },
        ])
        {
            Width = "stretch",
            VerticalContentAlignment = VerticalAlignment.Bottom,
            Spacing = index == 0 ? null : Spacing.Small,
        };
    }
}
