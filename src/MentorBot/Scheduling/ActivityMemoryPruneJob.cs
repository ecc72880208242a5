using MentorBot.Persistence;
using Microsoft.Extensions.Options;
using Quartz;

namespace MentorBot.Scheduling;

/// <summary>Hourly: forgets inbound activity ids older than <see cref="StorageOptions.ActivityMemory"/>.</summary>
internal sealed partial class ActivityMemoryPruneJob(
    ProcessedActivityStore processed,
    IOptions<StorageOptions> options,
    ILogger<ActivityMemoryPruneJob> logger) : IJob
{
    public static JobKey Key { get; } = new("activity-memory-prune", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Job"] = Key.Name });
        try
        {
            var removed = await processed.PruneAsync(options.Value.ActivityMemory, cancellationToken);
            Log.Pruned(logger, removed);
        }
        catch (System.Data.Common.DbException ex)
        {
            JobLog.StoreUnavailable(logger, Key.Name, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Forgot {Count} processed activity ids.")]
        public static partial void Pruned(ILogger logger, int count);
    }
}
