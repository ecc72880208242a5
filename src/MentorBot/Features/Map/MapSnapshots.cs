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
    private Snapshot? _current;

    public async Task<MentorshipMap> CurrentAsync(CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).Map;

    /// <summary>
    /// The current map and the person in it with Entra object id <paramref name="aadObjectId"/>, compared ignoring
    /// case (the first listed when two match); null when no one has it. The index is built once per snapshot.
    /// </summary>
    public async Task<(MentorshipMap Map, Person? Person)> FindByAadObjectIdAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(cancellationToken);
        return (snapshot.Map, snapshot.ByAadObjectId.GetValueOrDefault(aadObjectId));
    }

    public void Dispose() => _gate.Dispose();

    private async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Read before the map: a change that lands during the read moves the counter, and the next call reads again.
            var generation = await MapGeneration.ReadAsync(database, cancellationToken);
            if (_current is { } current && current.Generation == generation)
            {
                return current;
            }

            var snapshot = new Snapshot(generation, await store.LoadAsync(cancellationToken));
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One read of the map; its index by object id is built when first asked for (the jobs never ask).</summary>
    private sealed class Snapshot(long generation, MentorshipMap map)
    {
        private Dictionary<string, Person>? _byAadObjectId;

        public long Generation { get; } = generation;

        public MentorshipMap Map { get; } = map;

        public IReadOnlyDictionary<string, Person> ByAadObjectId => LazyInitializer.EnsureInitialized(ref _byAadObjectId, () =>
        {
            var index = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
            foreach (var person in Map.People.Where(p => p.AadObjectId is not null))
            {
                index.TryAdd(person.AadObjectId!, person);
            }

            return index;
        });
    }
}

/// <summary>Recurring jobs that look at the whole map.</summary>
internal static class MapJobRegistration
{
    public static IServiceCollection AddMapJob<TService>(this IServiceCollection services, string id, string name, string cron, Func<TService, MentorshipMap, CancellationToken, Task> run)
        where TService : notnull =>
        services.AddScheduledJob(new ScheduledJob(id, name, cron, async (provider, cancellationToken) =>
            await run(provider.GetRequiredService<TService>(), await provider.GetRequiredService<MapSnapshots>().CurrentAsync(cancellationToken), cancellationToken)));
}
