using System.Diagnostics;
using Hangfire;
using MentorBot.Hosting.Telemetry;
using MentorBot.Persistence;

namespace MentorBot.Scheduling;

/// <summary>
/// What Hangfire runs for every recurring job: finds the feature's job by id and runs it in the job's own scope.
/// <list type="bullet">
/// <item>One run per job at a time across every instance (<see cref="Database.RunExclusiveAsync"/>): an occurrence
/// that finds the previous one still running is skipped, since the next finds whatever is still due. The lock dies with
/// its holder, so a killed instance blocks nothing.</item>
/// <item>A failure is Hangfire's: retried after 15 s, 1 and 5 minutes, then shown as failed in the dashboard. Other jobs
/// run on regardless.</item>
/// <item>Its only argument is the job's id: no personal data reaches Hangfire's storage or the dashboard.</item>
/// </list>
/// </summary>
internal sealed partial class ScheduledJobRunner(ScheduledJobs jobs, IServiceProvider services, Database database, MentorBotMetrics metrics, ILogger<ScheduledJobRunner> logger)
{

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [15, 60, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        if (jobs.Find(jobId) is not { } job)
        {
            // A job an earlier version declared; the registrar removes it at the next start.
            Log.Unknown(logger, jobId);
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Job"] = job.Id });
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (!await database.RunExclusiveAsync("job:" + job.Id, ct => job.Run(services, ct), cancellationToken))
            {
                Log.StillRunning(logger, job.Id);
                return;
            }

            metrics.Job(job.Id, succeeded: true, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Hangfire logs the failure with its exception, retries it and shows it; here it is only counted.
            metrics.Job(job.Id, succeeded: false, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Job {Job}: its previous run is still going; this occurrence is skipped.")]
        public static partial void StillRunning(ILogger logger, string job);

        [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Job {Job}: this version does not know it; it is removed at the next start.")]
        public static partial void Unknown(ILogger logger, string job);
    }
}
