using Quartz;

namespace MentorBot.Features.Privacy;

/// <summary>Once a day: the retention sweep (free text older than <c>Privacy:AnswerRetention</c> is cleared).</summary>
[DisallowConcurrentExecution]
internal sealed class AnswerRetentionJob(AnswerRetention retention, ILogger<AnswerRetentionJob> logger) : IJob
{
    public static JobKey Key { get; } = new("answer-retention", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Job"] = Key.Name });
        try
        {
            await retention.SweepAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException ex)
        {
            Scheduling.JobLog.StoreUnavailable(logger, Key.Name, ex);
        }
    }
}
