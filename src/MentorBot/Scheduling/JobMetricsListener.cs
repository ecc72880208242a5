using MentorBot.Hosting.Telemetry;
using Quartz;

namespace MentorBot.Scheduling;

/// <summary>Counts every scheduled job's runs, failures and durations (by the job's name only).</summary>
internal sealed class JobMetricsListener(MentorBotMetrics metrics) : IJobListener
{
    public string Name => "mentorbot-metrics";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        metrics.Job(context.JobDetail.Key.Name, jobException is null, context.JobRunTime);
        return ValueTask.CompletedTask;
    }
}
