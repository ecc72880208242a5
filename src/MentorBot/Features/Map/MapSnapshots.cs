using MentorBot.Persistence;
using MentorBot.Scheduling;

namespace MentorBot.Features.Map;

/// <summary>
/// The whole map for the scheduled jobs, read again only when the stored change counter (<see cref="MapGeneration"/>)
/// moved: a dozen jobs look at it every minute, and at 20,000 people a full read is the dearest thing they do.
/// </summary>
internal sealed class MapSnapshots(MapStore store, Database database) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Generation, MentorshipMap Map)? _current;

    public async Task<MentorshipMap> CurrentAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Read before the map: a change that lands during the read moves the counter, and the next call reads again.
            var generation = await MapGeneration.ReadAsync(database, cancellationToken);
            if (_current is { } current && current.Generation == generation)
            {
                return current.Map;
            }

            var map = await store.LoadAsync(cancellationToken);
            _current = (generation, map);
            return map;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}

/// <summary>Recurring jobs that look at the whole map.</summary>
internal static class MapJobRegistration
{
    public static IServiceCollection AddMapJob<TService>(this IServiceCollection services, string id, string name, string cron, Func<TService, MentorshipMap, CancellationToken, Task> run)
        where TService : notnull =>
        services.AddScheduledJob(new ScheduledJob(id, name, cron, async (provider, cancellationToken) =>
            await run(provider.GetRequiredService<TService>(), await provider.GetRequiredService<MapSnapshots>().CurrentAsync(cancellationToken), cancellationToken)));
}
