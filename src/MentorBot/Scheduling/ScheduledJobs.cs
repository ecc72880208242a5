namespace MentorBot.Scheduling;

/// <summary>Every recurring job the features declared, by id.</summary>
internal sealed class ScheduledJobs
{
    private readonly Dictionary<string, ScheduledJob> _byId;

    public ScheduledJobs(IEnumerable<ScheduledJob> jobs)
    {
        _byId = new Dictionary<string, ScheduledJob>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (!_byId.TryAdd(job.Id, job))
            {
                throw new InvalidOperationException($"Two scheduled jobs have the id '{job.Id}'.");
            }
        }
    }

    public IReadOnlyCollection<ScheduledJob> All => _byId.Values;

    public ScheduledJob? Find(string id) => _byId.GetValueOrDefault(id);
}
