using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.Digest;

/// <summary>How digest figures read, in the reader's language. Pure: cultures are explicit.</summary>
internal static class DigestText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");

    private const string Blocks = "▁▂▃▄▅▆▇█";

    public static CultureInfo Culture(Language l) => l == Language.Spanish ? Spanish : English;

    public static string Count(int n, Language l) => n.ToString("N0", Culture(l));

    public static string Score(double value, Language l) => value.ToString("0.0", Culture(l));

    /// <summary>"72%" in English, "72 %" (with a no-break space) in Spanish.</summary>
    public static string Percent(Cell participation, Language l)
    {
        if (participation.Of == 0)
        {
            return "–";
        }

        var percent = Math.Round(100.0 * participation.Value / participation.Of, MidpointRounding.AwayFromZero).ToString("0", Culture(l));
        return l == Language.Spanish ? percent + "\u00A0%" : percent + "%";
    }

    /// <summary>"18 of 25 (72%)": the participation of a week or a unit, or why it is not shown.</summary>
    public static string Participation(Cell cell, int k, Language l, bool inBreakdown = false) => cell.IsShown
        ? l.Pick($"{Count((int)cell.Value, l)} of {Count(cell.Of, l)} ({Percent(cell, l)})", $"{Count((int)cell.Value, l)} de {Count(cell.Of, l)} ({Percent(cell, l)})")
        : NotShown(cell.State, k, l, inBreakdown, l.Pick("no check-ins", "sin seguimientos"));

    public static string Score(Cell cell, int k, Language l, bool inBreakdown = false) =>
        cell.IsShown ? Score(cell.Value, l) : NotShown(cell.State, k, l, inBreakdown, l.Pick("no scores shared", "sin puntuaciones compartidas"));

    public static string Count(Cell cell, int k, Language l, bool inBreakdown = false) =>
        cell.IsShown ? Count((int)cell.Value, l) : NotShown(cell.State, k, l, inBreakdown, "0");

    /// <summary>
    /// Why a figure is missing. In a breakdown a small group and the group hidden beside it read the same ("hidden"),
    /// so a reader cannot tell which one is small and narrow it down from the total.
    /// </summary>
    public static string NotShown(CellState state, int k, Language l, bool inBreakdown, string empty) => state switch
    {
        CellState.Empty => empty,
        _ when inBreakdown => l.Pick("hidden", "oculto"),
        CellState.Uniform => l.Pick("hidden: everyone gave the same score", "oculto: todos dieron la misma puntuación"),
        _ => l.Pick($"fewer than {k}", $"menos de {k}"),
    };

    /// <summary>A Unicode sparkline (▁ … █) over a fixed scale, with · for a week that is not shown: the trend as text.</summary>
    public static string Sparkline(IEnumerable<Cell> cells, Func<Cell, double> value, double low, double high) =>
        string.Concat(cells.Select(c => c.IsShown
            ? Blocks[(int)Math.Round(Math.Clamp((value(c) - low) / (high - low), 0, 1) * (Blocks.Length - 1), MidpointRounding.AwayFromZero)]
            : '·'));

    public static string ShortDate(DateOnly date, Language l) =>
        l == Language.Spanish ? date.ToString("d MMM", Spanish).TrimEnd('.') : date.ToString("MMM d", English);

    public static double Rate(Cell participation) => participation.Of == 0 ? 0 : participation.Value / participation.Of;
}
