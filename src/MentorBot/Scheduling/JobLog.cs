namespace MentorBot.Scheduling;

/// <summary>
/// What a scheduled job says when the database is unavailable: one warning, no crash, and the next firing tries again
/// (Quartz would otherwise log the whole exception as an unhandled job failure).
/// </summary>
internal static partial class JobLog
{
    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Job {Job}: the database is unavailable; the next firing tries again.")]
    public static partial void StoreUnavailable(ILogger logger, string job, Exception exception);
}
