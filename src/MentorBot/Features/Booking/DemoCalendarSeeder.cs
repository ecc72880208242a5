using MentorBot.Features.Map;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Booking;

/// <summary>
/// With the demo map and the local calendar, gives every demo person a plausible week: a handover at the start of
/// each shift, rounds, huddles, a tentative training and, for some, a Friday afternoon off. Only into an empty calendar.
/// </summary>
internal sealed partial class DemoCalendarSeeder(
    IOptions<MapOptions> mapOptions,
    MapStore map,
    LocalCalendar local,
    ICalendarProvider calendar,
    ILogger<DemoCalendarSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!mapOptions.Value.SeedDemoMap || calendar is not LocalCalendar || await local.HasBlocksAsync(cancellationToken))
        {
            return;
        }

        var people = (await map.LoadAsync(cancellationToken)).People;
        var blocks = Week(people);
        if (blocks.Count > 0)
        {
            await local.SetWeeklyBlocksAsync(blocks, cancellationToken);
            Log.Seeded(logger, blocks.Count, people.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The demo's weekly pattern, derived from each person's working hours. Pure.</summary>
    internal static IReadOnlyList<WeeklyBlock> Week(IReadOnlyList<Person> people)
    {
        var blocks = new List<WeeklyBlock>();
        for (var index = 0; index < people.Count; index++)
        {
            var person = people[index];
            var hours = person.WorkingHours;
            foreach (var day in hours.Days)
            {
                var start = hours.Start;
                blocks.Add(new(person.Id, day, start, start.AddMinutes(30), BusyKind.Busy, "Shift handover"));
                if (day is DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday)
                {
                    blocks.Add(new(person.Id, day, start.AddHours(2), start.AddHours(3), BusyKind.Busy, "Rounds"));
                }

                if (day is DayOfWeek.Tuesday or DayOfWeek.Thursday)
                {
                    blocks.Add(new(person.Id, day, start.AddHours(4), start.AddHours(4).AddMinutes(30), BusyKind.Busy, "Team huddle"));
                }

                if (day == DayOfWeek.Wednesday)
                {
                    blocks.Add(new(person.Id, day, hours.End.AddHours(-2), hours.End.AddHours(-1), BusyKind.Tentative, "Training session"));
                }

                if (day == DayOfWeek.Friday && index % 3 == 1)
                {
                    blocks.Add(new(person.Id, day, hours.End.AddHours(-3), hours.End, BusyKind.OutOfOffice, "Afternoon off"));
                }
            }
        }

        return blocks;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7521, Level = LogLevel.Information, Message = "Seeded the local calendar with a demo week: {Blocks} busy blocks for {People} people.")]
        public static partial void Seeded(ILogger logger, int blocks, int people);
    }
}
