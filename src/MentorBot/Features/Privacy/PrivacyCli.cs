using System.CommandLine;
using System.Globalization;
using MentorBot.Hosting;
using Spectre.Console;

namespace MentorBot.Features.Privacy;

/// <summary>
/// The data-rights verbs for programme admins: <c>privacy export PERSON [--out FILE]</c>, <c>privacy erase PERSON
/// [--yes]</c> (a dry run without <c>--yes</c>) and <c>privacy audit [--person X] [--last N]</c>. A person is their map
/// id, email or Entra object id. Exit codes: 0 done, 1 nothing erased (no --yes), 2 unknown or ambiguous person.
/// </summary>
internal static class PrivacyCli
{
    public static Command Create(Func<CancellationToken, Task<ServiceProvider>> services)
    {
        var privacy = new Command("privacy", "Data rights: export or erase everything MentorBot holds about a person, and read the audit log.");
        privacy.Subcommands.Add(Export(services));
        privacy.Subcommands.Add(Erase(services));
        privacy.Subcommands.Add(Audit(services));
        return privacy;
    }

    private static Command Export(Func<CancellationToken, Task<ServiceProvider>> services)
    {
        var person = PersonArgument();
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the JSON here instead of to standard output." };
        var withoutPrivate = new Option<bool>("--without-private-notes") { Description = "Leave out notes a mentor kept private about this person (include them unless an exemption applies)." };
        var by = CliActor.Option();
        var export = new Command("export", "Write everything MentorBot holds about a person as JSON, table by table. Audited.") { person, output, withoutPrivate, by };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var log = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await using var provider = await services(cancellationToken);
            var name = parse.GetValue(person)!;
            if (await ResolveAsync(provider, name, log, cancellationToken) is not { } subject)
            {
                return 2;
            }

            var file = parse.GetValue(output);
            await using var stream = file is null ? Console.OpenStandardOutput() : file.Create();
            var summary = await provider.GetRequiredService<PersonalDataExporter>().ExportAsync(
                subject, !parse.GetValue(withoutPrivate), stream, file is null ? "standard output" : "a file", CliActor.Resolve(parse.GetValue(by)), new Progress<string>(line => log.MarkupLine("[grey]{0}[/]", Markup.Escape(line))), cancellationToken);
            log.MarkupLine(CultureInfo.InvariantCulture, "[green]✓[/] {0} rows from {1} tables about {2} written to {3}. Recorded in the audit log (privacy.export).",
                summary.Rows, summary.Tables.Count(t => t.Rows > 0), Markup.Escape(subject.Label), Markup.Escape(file?.FullName ?? "standard output"));
            return 0;
        });
        return export;
    }

    private static Command Erase(Func<CancellationToken, Task<ServiceProvider>> services)
    {
        var person = PersonArgument();
        var yes = new Option<bool>("--yes") { Description = "Really erase. Without it, only show what would be removed (a dry run)." };
        var by = CliActor.Option();
        var erase = new Command("erase", "Remove a person's data in one transaction, keeping only anonymous aggregates. Dry run unless --yes. Audited.") { person, yes, by };
        erase.SetAction(async (parse, cancellationToken) =>
        {
            await using var provider = await services(cancellationToken);
            var name = parse.GetValue(person)!;
            var resolution = await provider.GetRequiredService<PersonResolver>().ResolveAsync(name, cancellationToken);
            if (resolution is Resolution.Unknown { ErasedAt: { } erasedAt })
            {
                AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[green]✓[/] {0} was already erased on {1:yyyy-MM-dd HH:mm} UTC: nothing is left to remove.", Markup.Escape(name), erasedAt.UtcDateTime);
                return 0;
            }

            if (Report(resolution, name, AnsiConsole.Console) is not { } subject)
            {
                return 2;
            }

            var really = parse.GetValue(yes);
            var report = await provider.GetRequiredService<PersonalDataEraser>().EraseAsync(subject, CliActor.Resolve(parse.GetValue(by)), really, cancellationToken);
            PrintReport(report);
            if (!really)
            {
                AnsiConsole.MarkupLine("[yellow]Nothing was changed:[/] this was a dry run. Erasing cannot be undone; to erase, run it again with [bold]--yes[/]:");
                AnsiConsole.MarkupLine("  privacy erase {0} --yes", Markup.Escape(name));
                return 1;
            }

            AnsiConsole.MarkupLine("[green]✓[/] Erased {0} in one transaction: {1}. Recorded in the audit log (privacy.erase) under a pseudonym.", Markup.Escape(subject.Label), Markup.Escape(report.Summary));
            AnsiConsole.MarkupLine(
                "[yellow]Note:[/] a later [bold]map import[/], roster or [bold]map sync[/] that still lists this person adds them back as a new person with no history. Remove them from the map file or the directory source first. Meetings already on Microsoft 365 calendars are not touched.");
            return 0;
        });
        return erase;
    }

    private static Command Audit(Func<CancellationToken, Task<ServiceProvider>> services)
    {
        var person = new Option<string?>("--person") { Description = "Only entries by or about this person (map id, email or Entra object id; an erased person by their former id)." };
        var last = new Option<int>("--last") { Description = "How many entries, newest first (1-10000).", DefaultValueFactory = _ => 50 };
        var audit = new Command("audit", "Print the audit log: exports, erasures, imports, map changes and published pairings.") { person, last };
        audit.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(last);
            if (count is < 1 or > 10000)
            {
                Console.Error.WriteLine("--last takes a number from 1 to 10000.");
                return 2;
            }

            await using var provider = await services(cancellationToken);
            var log = provider.GetRequiredService<AuditLog>();
            var who = parse.GetValue(person);
            IReadOnlyList<AuditEntry> entries;
            if (who is null)
            {
                entries = await log.RecentAsync(count, subject: null, cancellationToken);
            }
            else
            {
                var keys = new HashSet<string>(StringComparer.Ordinal) { who, Pseudonyms.ForAudit(who) };
                if (await provider.GetRequiredService<PersonResolver>().ResolveAsync(who, cancellationToken) is Resolution.Found { Subject: var subject })
                {
                    keys.UnionWith(new[] { subject.Id, subject.AadObjectId, Pseudonyms.ForAudit(subject.Label) }.OfType<string>());
                }

                entries = await log.RecentAsync(count, keys, cancellationToken);
            }

            var table = new Table().AddColumns("When (UTC)", "Actor", "Action", "Subject", "Detail");
            foreach (var entry in entries)
            {
                table.AddRow(entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Markup.Escape(entry.Actor), Markup.Escape(entry.Action), Markup.Escape(entry.Subject ?? string.Empty), Markup.Escape(entry.Detail ?? string.Empty));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0} entr{1}, newest first.", entries.Count, entries.Count == 1 ? "y" : "ies");
            return 0;
        });
        return audit;
    }

    private static Argument<string> PersonArgument() => new("person") { Description = "The person's map id, email or Entra object id." };

    private static async Task<DataSubject?> ResolveAsync(IServiceProvider provider, string name, IAnsiConsole console, CancellationToken cancellationToken) =>
        Report(await provider.GetRequiredService<PersonResolver>().ResolveAsync(name, cancellationToken), name, console);

    private static DataSubject? Report(Resolution resolution, string name, IAnsiConsole console)
    {
        switch (resolution)
        {
            case Resolution.Found found:
                return found.Subject;
            case Resolution.Ambiguous ambiguous:
                console.MarkupLine("[red]{0} matches more than one person:[/] {1}. Use the map id.", Markup.Escape(name), Markup.Escape(string.Join(", ", ambiguous.Ids)));
                return null;
            case Resolution.Unknown { ErasedAt: { } at }:
                console.MarkupLine(CultureInfo.InvariantCulture, "[red]MentorBot holds nothing about {0}:[/] they were erased on {1:yyyy-MM-dd HH:mm} UTC.", Markup.Escape(name), at.UtcDateTime);
                return null;
            default:
                console.MarkupLine("[red]No one is known to MentorBot as {0}.[/] Give a map id, an email or an Entra object id (map status lists people; the map file has their ids).", Markup.Escape(name));
                return null;
        }
    }

    private static void PrintReport(ErasureReport report)
    {
        var subject = report.Subject;
        AnsiConsole.MarkupLine("{0} [bold]{1}[/]{2}:", report.Committed ? "Erased" : "Would erase", Markup.Escape(subject.Name ?? subject.Label), Markup.Escape(subject.Id is null ? " (known only from Teams)" : $" ({subject.Id})"));
        var table = new Table().AddColumns("Table", "Removed", "Kept anonymously", "Others' rows unlinked");
        foreach (var row in report.Tables.Where(t => t.Any))
        {
            table.AddRow(row.Table, Text(row.Removed), Text(row.Anonymised), Text(row.Unlinked));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Kept anonymously: scores, dates and counts under a random id with no way back to the person and no free text, so leaders' aggregates do not change.");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
