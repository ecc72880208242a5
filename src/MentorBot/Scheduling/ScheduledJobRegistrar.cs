using Hangfire;
using Hangfire.Storage;

namespace MentorBot.Scheduling;

/// <summary>
/// At start: adds or updates every declared job in Hangfire, and removes the ones no feature declares any more. An
/// occurrence missed while no instance ran runs once at the next start, and an instance that runs the server also runs
/// the frequent jobs (every few minutes) once as it starts, so that what fell due meanwhile does not wait for the next
/// occurrence.
/// </summary>
internal sealed partial class ScheduledJobRegistrar(
    ScheduledJobs jobs,
    IRecurringJobManagerV2 manager,
    JobStorage storage,
    Microsoft.Extensions.Options.IOptions<SchedulingOptions> options,
    Hosting.ReadinessState readiness,
    ILogger<ScheduledJobRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.Run(Register, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Register()
    {
        foreach (var job in jobs.All)
        {
            var id = job.Id;
            manager.AddOrUpdate<ScheduledJobRunner>(
                id,
                runner => runner.RunAsync(id, CancellationToken.None),
                job.Cron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc, MisfireHandling = MisfireHandlingMode.Relaxed });
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Where(recurring => jobs.Find(recurring.Id) is null))
        {
            manager.RemoveIfExists(stale.Id);
            Log.Removed(logger, stale.Id);
        }

        if (options.Value.RunServer)
        {
            foreach (var job in jobs.All.Where(job => Every.IsFrequent(job.Cron)))
            {
                manager.TriggerJob(job.Id);
            }
        }

        readiness.MarkJobsRegistered();
        Log.Registered(logger, jobs.All.Count);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Scheduling: {Count} recurring jobs registered with Hangfire.")]
        public static partial void Registered(ILogger logger, int count);

        [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Scheduling: removed the recurring job {Job}, which no feature declares any more.")]
        public static partial void Removed(ILogger logger, string job);
    }
}
