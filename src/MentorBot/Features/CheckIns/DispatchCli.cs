using System.CommandLine;
using System.Globalization;
using MentorBot.Outbox;
using Spectre.Console;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// <c>dispatch checkins [--now]</c>: runs the check-in scheduler once and sends everything due through the same
/// queue and rate limits as the running bot, showing progress. <c>--now</c> opens a check-in for every mentee with an
/// active pairing who has none open (for demos and operations).
/// </summary>
internal static class DispatchCli
{
    public static Command Create(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        var now = new Option<bool>("--now") { Description = "Open a check-in now for every mentee with an active pairing who has none open." };
        var program = new Option<string?>("--program") { Description = "Only this programme (its name in the map) or this unit (its id or name)." };
        var checkins = new Command("checkins", "Queue the check-ins that are due and send them, within Teams' rate limits.") { now, program };
        checkins.SetAction(async (parse, cancellationToken) =>
        {
            var provider = await services(cancellationToken);
            using var scope = provider.CreateScope();
            var scheduler = scope.ServiceProvider.GetRequiredService<CheckInScheduler>();
            var map = await scope.ServiceProvider.GetRequiredService<Map.MapStore>().LoadAsync(cancellationToken);
            if (!DispatchScope.TryResolve(map, parse.GetValue(program), out var include, out var problem))
            {
                Console.Error.WriteLine(problem);
                return 2;
            }

            var summary = parse.GetValue(now) ? await scheduler.OpenAllNowAsync(cancellationToken, include) : await scheduler.RunAsync(map, cancellationToken, include);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Queued {summary.Opened} check-ins and {summary.Reminded} reminders."));

            var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
            var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
            var due = (await outbox.CountByStatusAsync(cancellationToken)).GetValueOrDefault("queued");
            var sent = 0;
            var retrying = 0;
            var gone = 0;
            for (var round = 0; round < 1000; round++)
            {
                var result = await dispatcher.DispatchAsync(200, cancellationToken);
                if (result.Handled == 0)
                {
                    break;
                }

                sent += result.Sent;
                retrying += result.Retrying;
                gone += result.Gone;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sending: {sent} sent of {due} due ({retrying} to retry later, {gone} unreachable)"));
            }

            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[green]✓[/] {0} sent. {1} wait for a retry or for the person to open MentorBot; {2} could not be reached (see map status).", sent, retrying, gone);
            return 0;
        });

        var dispatch = new Command("dispatch", "Send what is due now, for operations and demos.");
        dispatch.Subcommands.Add(checkins);
        return dispatch;
    }
}
