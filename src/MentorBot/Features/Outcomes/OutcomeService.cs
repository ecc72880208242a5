using System.Diagnostics;
using System.Globalization;
using System.Text;
using MentorBot.Cards;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Outcomes;

/// <summary>
/// Builds outcome reports: for a reader's scope (a leader's own, or the organisation for an admin) over the last
/// twelve months, or for any scope and window (pilots, the CLI). The scope always comes from the reader.
/// </summary>
internal sealed partial class OutcomeService(
    OutcomeQuery query, DigestService digests, IOptions<DigestOptions> options, TimeProvider time, ILogger<OutcomeService> logger)
{
    public const int Months = 12;

    public async Task<OutcomeReport?> ForReaderAsync(Person reader, string key, CancellationToken cancellationToken)
    {
        if (await digests.ScopeAsync(reader, key, cancellationToken) is not { } scope)
        {
            return null;
        }

        var today = CallerProfiles.LocalToday(reader, time.GetUtcNow());
        var name = scope.Organisation ? Languages.From(reader.Locale).Pick("the whole organisation", "toda la organización") : string.Empty;
        return await BuildAsync(scope, name, today.AddMonths(-Months).AddDays(1), today.AddDays(1), null, cancellationToken);
    }

    public async Task<OutcomeReport> BuildAsync(DigestScope scope, string scopeName, DateOnly from, DateOnly to, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var input = await query.LoadAsync(scope, from, to, progress, cancellationToken);
        progress?.Report("figures");
        var report = Compute(input, scopeName, options.Value.MinGroupSize);
        Log.Computed(logger, input.People.Count, clock.ElapsedMilliseconds);
        return report;
    }

    public static OutcomeReport Compute(OutcomeInput input, string scopeName, int minGroupSize)
    {
        var total = OutcomeCalculator.Group("total", scopeName, input.People, input);
        var units = input.People.GroupBy(p => p.UnitId)
            .Select(g => OutcomeCalculator.Group(g.Key, g.Key.Length == 0 ? "(no unit)" : input.UnitNames.GetValueOrDefault(g.Key) ?? g.Key, g, input))
            .OrderBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
        var name = scopeName.Length > 0 ? scopeName : string.Join(", ", units.Select(u => u.Name));
        return OutcomeFigures.From(name, input, total with { Name = name }, units, OutcomeCalculator.Cohorts(input with { From = input.To.AddMonths(-24) }), minGroupSize);
    }

    /// <summary>The report as CSV: one row per group and figure, with its value, the count behind it and whether it is shown.</summary>
    public static string Csv(OutcomeReport report) =>
        Csv([("total", report.Total), .. report.Units.Select(u => ("unit", u)), .. report.Cohorts.Select(c => ("cohort", c))]);

    /// <summary>Labelled groups as CSV: one row per group and figure, with its value, the count behind it and whether it is shown.</summary>
    public static string Csv(IEnumerable<(string Table, OutcomeLine Line)> groups)
    {
        var csv = new StringBuilder();
        csv.AppendLine("table,group,figure,value,count,shown");
        foreach (var (table, line) in groups)
        {
            foreach (var (figure, cell) in Cells(line))
            {
                var value = cell.IsShown ? cell.Value.ToString(figure.StartsWith("retention", StringComparison.Ordinal) || figure == "promotion_rate" ? "0.000" : "0.0", CultureInfo.InvariantCulture) : string.Empty;
                var shown = cell.IsShown ? "yes" : cell.State == CellState.Empty ? "empty" : "hidden:" + cell.State.ToString().ToLowerInvariant();
                csv.Append(CultureInfo.InvariantCulture, $"{Quote(table)},{Quote(line.Name)},{figure},{value},{(cell.IsShown ? cell.Of.ToString(CultureInfo.InvariantCulture) : string.Empty)},{shown}\n");
            }
        }

        return csv.ToString();
    }

    public static IEnumerable<(string Figure, Cell Cell)> Cells(OutcomeLine line) =>
    [
        ("days_to_independence_median", line.Independence), ("days_to_independence_p25", line.IndependenceLower), ("days_to_independence_p75", line.IndependenceUpper),
        ("competencies_validated", line.Validations), ("retention_90_days", line.Retention90), ("retention_12_months", line.Retention12),
        ("promotion_rate", line.Promotion), ("confidence_new_hires", line.NewHireConfidence), ("confidence_everyone_else", line.OtherConfidence),
        .. line.NewHireTrend.Select((cell, i) => (string.Create(CultureInfo.InvariantCulture, $"confidence_new_hires_period_{i + 1}"), cell)),
        .. line.OtherTrend.Select((cell, i) => (string.Create(CultureInfo.InvariantCulture, $"confidence_everyone_else_period_{i + 1}"), cell)),
    ];

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    private static partial class Log
    {
        [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Outcomes computed over {People} people in {Milliseconds} ms.")]
        public static partial void Computed(ILogger logger, int people, long milliseconds);
    }
}
