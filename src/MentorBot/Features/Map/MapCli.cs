using System.CommandLine;
using System.Globalization;
using MentorBot.Features.Map.File;
using Spectre.Console;

namespace MentorBot.Features.Map;

/// <summary><c>map validate FILE</c> and <c>map import FILE</c>: every problem with its location, then an all-or-nothing import with progress.</summary>
internal static class MapCli
{
    public static Command Create(Func<CancellationToken, Task<ServiceProvider>> services)
    {
        var map = new Command("map", "Validate and import the mentorship map.");

        var validateFile = new Argument<FileInfo>("file") { Description = "A map file (.json, .yaml) or a people roster (.csv)." };
        var validate = new Command("validate", "Check a map file and list every problem with its location. Writes nothing.") { validateFile };
        validate.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(validateFile)!;
            var (result, problems) = await ReadAsync(file, services, endMissing: false, cancellationToken);
            return Report(file, result, problems);
        });

        var importFile = new Argument<FileInfo>("file") { Description = "A map file (.json, .yaml) or a people roster (.csv)." };
        var endMissing = new Option<bool>("--end-missing") { Description = "With a CSV roster: people not on the roster leave the map (their pairings end)." };
        var importBy = Hosting.CliActor.Option();
        var import = new Command("import", "Validate, then import in one transaction: all or nothing. Re-importing the same file changes nothing. Audited.") { importFile, endMissing, importBy };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(importFile)!;
            var (result, problems) = await ReadAsync(file, services, parse.GetValue(endMissing), cancellationToken);
            if (Report(file, result, problems) != 0)
            {
                AnsiConsole.MarkupLine("[red]Nothing was imported.[/]");
                return 1;
            }

            await using var provider = await services(cancellationToken);
            var importer = provider.GetRequiredService<MapImporter>();
            var outcome = await ImportWithProgressAsync(importer, result!, Hosting.CliActor.Resolve(parse.GetValue(importBy)), file.Name, cancellationToken);
            PrintSummary(outcome.Summary);
            return 0;
        });

        var install = new Option<bool>("--install") { Description = "Also install MentorBot in Teams for mapped people it cannot reach yet (needs Graph:TeamsAppCatalogId)." };
        var syncBy = Hosting.CliActor.Option();
        var sync = new Command("sync", "Fill the map from Microsoft Graph: people, managers, time zones and working hours. Needs the Graph section configured. Audited.") { install, syncBy };
        sync.SetAction(async (parse, cancellationToken) =>
        {
            await using var provider = await services(cancellationToken);
            if (!provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Graph.GraphOptions>>().Value.IsConfigured)
            {
                AnsiConsole.MarkupLine("[red]Graph is not configured.[/] Set Graph:TenantId, Graph:ClientId and Graph:ClientSecret (or Graph:ManagedIdentityClientId); see docs/DEPLOY.md.");
                return 2;
            }

            try
            {
                var result = await provider.GetRequiredService<Sync.MapSyncService>().RunAsync(
                    parse.GetValue(install), Hosting.CliActor.Resolve(parse.GetValue(syncBy)), new Progress<string>(line => Console.WriteLine(line)), cancellationToken);
                if (result.Summary is null)
                {
                    Report(new FileInfo("directory"), null, result.Problems);
                    AnsiConsole.MarkupLine("[red]Nothing was imported.[/] Fix the map (or the directory) and run map sync again.");
                    return 1;
                }

                PrintSummary(result.Summary);
                if (parse.GetValue(install))
                {
                    AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Installed MentorBot for {0} people; {1} could not be installed.", result.Installed, result.InstallFailed);
                }

                return 0;
            }
            catch (Graph.GraphRequestException ex)
            {
                AnsiConsole.MarkupLine("[red]{0}[/]", Markup.Escape(ex.Message));
                return 1;
            }
        });

        map.Subcommands.Add(validate);
        map.Subcommands.Add(import);
        map.Subcommands.Add(sync);
        return map;
    }

    private static async Task<(MentorshipMap? Map, IReadOnlyList<MapProblem> Problems)> ReadAsync(
        FileInfo file, Func<CancellationToken, Task<ServiceProvider>> services, bool endMissing, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            return (null, [new MapProblem(file.FullName, "File not found.")]);
        }

        if (!file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return MapImporter.ReadAndValidate(file.FullName);
        }

        using var reader = file.OpenText();
        var (people, lines, problems) = RosterCsvReader.Read(reader);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        await using var provider = await services(cancellationToken);
        var current = await provider.GetRequiredService<MapStore>().LoadAsync(cancellationToken);
        return RosterMerge.Merge(current, people, lines, endMissing);
    }

    private static int Report(FileInfo file, MentorshipMap? map, IReadOnlyList<MapProblem> problems)
    {
        if (problems.Count == 0 && map is not null)
        {
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
                "[green]✓[/] {0} is valid: {1} people, {2} pairings, {3} circles, {4} lanes.",
                Markup.Escape(file.Name), map.People.Count, map.Mentorships.Count, map.Circles.Count, map.Lanes.Count);
            return 0;
        }

        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[red]✗[/] {0}: {1} problem{2}", Markup.Escape(file.Name), problems.Count, problems.Count == 1 ? string.Empty : "s");
        var table = new Table().Border(TableBorder.Simple).AddColumn("Where").AddColumn("Problem");
        foreach (var problem in problems)
        {
            table.AddRow(Markup.Escape(problem.Location), Markup.Escape(problem.Message));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Fix these and run [bold]map validate[/] again.");
        return 1;
    }

    private static async Task<MapImportOutcome> ImportWithProgressAsync(MapImporter importer, MentorshipMap map, string actor, string source, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var lastTenth = -1;
            var plain = new Progress<ImportProgress>(p =>
            {
                var tenth = p.Total == 0 ? 10 : p.Done * 10 / p.Total;
                if (tenth != lastTenth)
                {
                    lastTenth = tenth;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Importing: {p.Done}/{p.Total} ({tenth * 10}%)"));
                }
            });
            return await importer.ImportAsync(map, actor, source, plain, cancellationToken);
        }

        MapImportOutcome? outcome = null;
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Importing the map");
                var progress = new Progress<ImportProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                outcome = await importer.ImportAsync(map, actor, source, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return outcome!;
    }

    private static void PrintSummary(ImportSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Section").AddColumn("Added").AddColumn("Updated").AddColumn("Ended").AddColumn("Unchanged");
        void Row(string name, SectionChanges c) => table.AddRow(name, Text(c.Added), Text(c.Updated), Text(c.Ended), Text(c.Unchanged));
        Row("Lanes", summary.Lanes);
        Row("Units", summary.Units);
        Row("People", summary.People);
        Row("Pairings", summary.Mentorships);
        Row("Circles", summary.Circles);
        AnsiConsole.Write(table);
        if (summary.LadderChanged)
        {
            AnsiConsole.MarkupLine("[green]✓[/] The career ladder was replaced with the file's.");
        }

        if (summary.People.Unexplained > 0)
        {
            AnsiConsole.MarkupLine($"[yellow]![/] {summary.People.Unexplained} people left the map without a reason and were ended as [bold]unspecified[/]. " +
                "Outcomes count them as leaving the organisation; to say why, list them with [bold]left: {{ on, reason }}[/] (left-organisation, moved-unit or other) and import again.");
        }

        AnsiConsole.MarkupLine(summary.Changed ? "[green]✓[/] Map imported." : "[green]✓[/] The map was already up to date: nothing changed.");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
