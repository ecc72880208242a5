using System.CommandLine;
using System.Globalization;
using MentorBot.Cards;
using MentorBot.Features.Map;
using Spectre.Console;

namespace MentorBot.Features.Matching;

/// <summary>
/// <c>match suggest [--units same|other|any]</c> prints the optimal pairings with their reasons and who is left
/// without a match, saved as a draft run; <c>match publish RUN [--reject MENTEE ...]</c> publishes it (the intro cards
/// go out through the bot's queue when it runs).
/// </summary>
internal static class MatchCli
{
    public static Command Create(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        var units = new Option<string>("--units") { Description = "same: prefer mentors in the mentee's unit; other: prefer other units; any (default).", DefaultValueFactory = _ => "any" };
        var suggest = new Command("suggest", "Propose pairings for everyone waiting for a lane mentor, optimal over the whole pool, with reasons.") { units };
        suggest.SetAction(async (parse, cancellationToken) =>
        {
            var preference = parse.GetValue(units) switch
            {
                "same" => UnitPreference.SameUnit,
                "other" => UnitPreference.OtherUnit,
                "any" or null => UnitPreference.DontCare,
                var other => (UnitPreference?)null,
            };
            if (preference is null)
            {
                Console.Error.WriteLine("--units takes same, other or any.");
                return 2;
            }

            var provider = await services(cancellationToken);
            using var scope = provider.CreateScope();
            if (await scope.ServiceProvider.GetRequiredService<MapStore>().IsEmptyAsync(cancellationToken))
            {
                Console.Error.WriteLine("The map is empty, so there is nobody to match. Import one first: map import FILE (or start the bot once in Development to load the demo map).");
                return 2;
            }

            SavedRun run = null!;
            await AnsiConsole.Status().StartAsync("Reading the map and recent check-ins, then matching…", async _ =>
                run = await scope.ServiceProvider.GetRequiredService<MatchingService>().SuggestAsync("cli", preference.Value, cancellationToken));
            var view = await RunViews.ForAsync(run, scope.ServiceProvider.GetRequiredService<MapStore>(), Language.English, cancellationToken);
            var table = new Table().AddColumns("Mentee", "Mentor", "Lanes", "Score", "Why");
            foreach (var s in run.Suggestions)
            {
                table.AddRow(Markup.Escape($"{view.Name(s.MenteeId)} ({s.MenteeId})"), Markup.Escape(view.Name(s.MentorId)), Markup.Escape(view.Lanes(s.Lanes)), s.Score.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join("; ", s.Reasons)));
            }

            AnsiConsole.Write(table);
            foreach (var (menteeId, _, explanation) in run.Unmatched)
            {
                AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[yellow]No match:[/] {0}: {1}", Markup.Escape(view.Name(menteeId)), Markup.Escape(explanation));
            }

            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Run [bold]{0}[/]: {1} pairings, {2} without a match, total score {3}. Publish with: match publish {0} [[--reject MENTEE-ID ...]]",
                run.Id, run.Suggestions.Count, run.Unmatched.Count, run.Objective);
            return 0;
        });

        var runId = new Argument<string>("run") { Description = "The run id printed by match suggest." };
        var reject = new Option<string[]>("--reject") { Description = "Mentee ids whose suggestion is left out.", AllowMultipleArgumentsPerToken = true };
        var by = Hosting.CliActor.Option();
        var publish = new Command("publish", "Publish a run: accepted pairings join the map, both people get an intro card, the unmatched are told why. Audited.") { runId, reject, by };
        publish.SetAction(async (parse, cancellationToken) =>
        {
            var provider = await services(cancellationToken);
            using var scope = provider.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<MatchingService>()
                .PublishAsync(parse.GetValue(runId)!, (parse.GetValue(reject) ?? []).ToHashSet(StringComparer.Ordinal), Hosting.CliActor.Resolve(parse.GetValue(by)), cancellationToken);
            if (result is null)
            {
                Console.Error.WriteLine("That run does not exist or is already published. Run match suggest for a fresh one.");
                return 2;
            }

            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[green]✓[/] {0} pairings published, {1} rejected; {2} people will be told they have no match yet. The bot sends the cards.", result.Paired, result.Rejected, result.Unmatched);
            return 0;
        });

        var match = new Command("match", "Suggest and publish mentor pairings.");
        match.Subcommands.Add(suggest);
        match.Subcommands.Add(publish);
        return match;
    }
}
