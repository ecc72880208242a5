using Microsoft.Extensions.Options;

namespace MentorBot.Features.Map.Demo;

/// <summary>On start, loads the demo map into an empty database when <see cref="MapOptions.SeedDemoMap"/> is on.</summary>
internal sealed partial class DemoMapSeeder(
    MapStore store,
    IOptions<MapOptions> options,
    TimeProvider time,
    ILogger<DemoMapSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoMap || !await store.IsEmptyAsync(cancellationToken))
        {
            return;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var map = DemoMap.Load(today);
        await store.ImportAsync(map, null, new AuditStamp("mentorbot", Privacy.AuditActions.MapImport, "map", "the embedded demo map (Map:SeedDemoMap): "), cancellationToken);
        Log.Seeded(logger, map.People.Count, map.Mentorships.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Loaded the demo map: {People} people, {Mentorships} mentorships. The six Agents Playground users each have a role; see the README.")]
        public static partial void Seeded(ILogger logger, int people, int mentorships);
    }
}
