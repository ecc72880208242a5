using System.CommandLine;
using System.Globalization;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using MentorBot.Hosting;
using Spectre.Console;

namespace MentorBot.Features.Outcomes;

/// <summary>
/// <c>outcomes [--unit ID] [--months N] [--csv FILE]</c> and <c>pilot start NAME --unit ID [--days N]</c> /
/// <c>pilot report [--csv FILE]</c>: the same figures and privacy rules as the cards, with progress on standard error.
/// </summary>
internal static class OutcomesCli
{
    public static IEnumerable<Command> Create(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        yield return Outcomes(services);
        var pilot = new Command("pilot", "A 90-day pilot in one unit: record a baseline, then compare before and after with the other units.");
        pilot.Subcommands.Add(Start(services));
        pilot.Subcommands.Add(Report(services));
        yield return pilot;
    }

    private static Command Outcomes(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        var unit = new Option<string?>("--unit") { Description = "Only this unit (its id in the map). Default: the whole organisation." };
        var months = new Option<int>("--months") { Description = "How many months back (1–36).", DefaultValueFactory = _ => OutcomeService.Months };
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write every figure, its count and whether it is shown, as CSV." };
        var command = new Command("outcomes", "Time to independence, validations, retention, promotion and confidence, per unit and per start month, with the digest's privacy rules.") { unit, months, csv };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(months);
            if (n is < 1 or > 36)
            {
                AnsiConsole.MarkupLine("[red]--months must be between 1 and 36.[/]");
                return 2;
            }

            var provider = await services(cancellationToken);
            var scope = parse.GetValue(unit) is { } u ? new DigestScope(false, [u], null) : DigestScope.Everyone;
            var today = DateOnly.FromDateTime(provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            OutcomeReport? report = null;
            await AnsiConsole.Status().StartAsync("Reading", async context =>
            {
                await using var scopeProvider = provider.CreateAsyncScope();
                report = await scopeProvider.ServiceProvider.GetRequiredService<OutcomeService>().BuildAsync(
                    scope, parse.GetValue(unit) ?? "the whole organisation", today.AddMonths(-n).AddDays(1), today.AddDays(1),
                    new Progress<string>(step => context.Status($"Reading {step}")), cancellationToken);
            });
            Print(report!);
            return await WriteCsvAsync(parse.GetValue(csv), OutcomeService.Csv(report!), cancellationToken);
        });
        return command;
    }

    private static Command Start(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        var name = new Argument<string>("name") { Description = "What to call the pilot, in quotes." };
        var unit = new Option<string>("--unit") { Description = "The pilot unit's id in the map.", Required = true };
        var days = new Option<int>("--days") { Description = "How long it runs (14–365).", DefaultValueFactory = _ => 90 };
        var by = CliActor.Option();
        var command = new Command("start", "Start a pilot: records the outcome figures of the 90 days before, for the unit and for the other units.") { name, unit, days, by };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var provider = await services(cancellationToken);
            await using var scope = provider.CreateAsyncScope();
            var today = DateOnly.FromDateTime(provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var (pilot, problem) = await scope.ServiceProvider.GetRequiredService<PilotService>().StartAsync(
                parse.GetValue(name)!, parse.GetValue(unit)!, parse.GetValue(days), CliActor.Resolve(parse.GetValue(by)), today, cancellationToken);
            if (pilot is null)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(problem!)}");
                return 2;
            }

            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[green]✓[/] Pilot [bold]{0}[/] started in {1}: {2} to {3}. Baseline recorded; the report arrives by itself when it ends. Recorded in the audit log (pilot.start).",
                Markup.Escape(pilot.Name), Markup.Escape(pilot.UnitId), MapValues.DateText(pilot.StartsOn), MapValues.DateText(pilot.EndsOn));
            return 0;
        });
        return command;
    }

    private static Command Report(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write the report as CSV." };
        var command = new Command("report", "The newest pilot: before and after, pilot unit against the other units.") { csv };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var provider = await services(cancellationToken);
            await using var scope = provider.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<PilotStore>().LatestAsync(null, cancellationToken) is not { } pilot)
            {
                AnsiConsole.MarkupLine("No pilot yet: start one with [bold]pilot start \"Name\" --unit <unit id> --days 90[/].");
                return 2;
            }

            var report = (await scope.ServiceProvider.GetRequiredService<PilotService>().ReportAsync(pilot, cancellationToken))!;
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[bold]{0}[/] in {1}, {2} to {3}{4}", Markup.Escape(pilot.Name), Markup.Escape(report.UnitName), MapValues.DateText(pilot.StartsOn), MapValues.DateText(pilot.EndsOn), report.Ended ? " (ended)" : string.Empty);
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Figure").AddColumn("Unit before").AddColumn("Unit during").AddColumn("Others before").AddColumn("Others during");
            var columns = new[] { report.Before.Units[0], report.After.Units[0], report.Before.Units[1], report.After.Units[1] }.Select(OutcomeService.Cells).Select(c => c.ToList()).ToList();
            for (var i = 0; i < columns[0].Count; i++)
            {
                table.AddRow([columns[0][i].Figure.Replace('_', ' '), .. columns.Select(c => Markup.Escape(Figure(c[i].Figure, c[i].Cell)))]);
            }

            AnsiConsole.Write(table);
            var body = OutcomeService.Csv(
            [
                ("before total", report.Before.Units[0] with { Name = "pilot unit" }), ("before total", report.Before.Units[1] with { Name = "other units" }),
                ("during total", report.After.Units[0] with { Name = "pilot unit" }), ("during total", report.After.Units[1] with { Name = "other units" }),
            ]);
            return await WriteCsvAsync(parse.GetValue(csv), body, cancellationToken);
        });
        return command;
    }

    private static void Print(OutcomeReport report)
    {
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Outcomes for [bold]{0}[/], {1} to {2}. Minimum group size {3}; hidden figures say why, n is the count behind each.",
            Markup.Escape(report.ScopeName), MapValues.DateText(report.From), MapValues.DateText(report.To.AddDays(-1)), report.MinGroupSize);
        Section("Total and units", [report.Total, .. report.Units], cohorts: false);
        if (report.Cohorts.Count > 0)
        {
            Section("New hires by start month (since they started)", report.Cohorts, cohorts: true);
        }
    }

    private static void Section(string title, IEnumerable<OutcomeLine> lines, bool cohorts)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title).AddColumn("Group").AddColumn("Days to independence");
        if (!cohorts)
        {
            table.AddColumn("Validated");
        }

        table.AddColumn("Stayed 90 d").AddColumn("Stayed 12 m");
        if (!cohorts)
        {
            table.AddColumn("Promoted").AddColumn("Confidence, new").AddColumn("Confidence, others");
        }

        foreach (var line in lines)
        {
            var independence = line.Independence.IsShown
                ? string.Create(CultureInfo.InvariantCulture, $"{line.Independence.Value:0} ({line.IndependenceLower.Value:0}–{line.IndependenceUpper.Value:0}) n={line.Independence.Of}")
                : Text(line.Independence);
            string[] cells = cohorts
                ? [line.Name, independence, Rate(line.Retention90), Rate(line.Retention12)]
                : [line.Name, independence, Text(line.Validations, count: true), Rate(line.Retention90), Rate(line.Retention12), Rate(line.Promotion), Text(line.NewHireConfidence), Text(line.OtherConfidence)];
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        AnsiConsole.Write(table);
    }

    private static string Figure(string name, Cell cell) =>
        name.StartsWith("retention", StringComparison.Ordinal) || name == "promotion_rate" ? Rate(cell) : name == "competencies_validated" ? Text(cell, count: true) : Text(cell);

    private static string Rate(Cell cell) => cell.IsShown ? string.Create(CultureInfo.InvariantCulture, $"{cell.Value * 100:0}% n={cell.Of}") : Text(cell);

    private static string Text(Cell cell, bool count = false) => cell.IsShown
        ? count ? string.Create(CultureInfo.InvariantCulture, $"{cell.Value:0}") : string.Create(CultureInfo.InvariantCulture, $"{cell.Value:0.0#} n={cell.Of}")
        : cell.State switch { CellState.Empty => "–", CellState.Complementary => "hidden (complementary)", CellState.Uniform => "hidden (all alike)", _ => "hidden (too few)" };

    private static async Task<int> WriteCsvAsync(FileInfo? file, string csv, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return 0;
        }

        await File.WriteAllTextAsync(file.FullName, csv, cancellationToken);
        AnsiConsole.MarkupLine($"[green]✓[/] CSV written to {Markup.Escape(file.FullName)}.");
        return 0;
    }
}
