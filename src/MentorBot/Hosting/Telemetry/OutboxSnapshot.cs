using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Hosting.Telemetry;

/// <summary>
/// Samples the send queue's depth and the age of its oldest waiting item every <see cref="Every"/> (one small query) for
/// <see cref="MentorBotMetrics"/>, so that a metrics scrape never waits for the database.
/// </summary>
internal sealed partial class OutboxSnapshot(Database database, MentorBotMetrics metrics, TimeProvider time, ILogger<OutboxSnapshot> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        try
        {
            do
            {
                await SampleAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var (depth, oldest) = await connection.QuerySingleAsync<(long, long?)>(new CommandDefinition(
                "SELECT COUNT(*), MIN(created_at_ms) FROM outbox WHERE status IN ('queued', 'sending')", cancellationToken: cancellationToken));
            metrics.Outbox(depth, oldest is { } ms ? time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(ms) : TimeSpan.Zero);
        }
        catch (System.Data.Common.DbException ex)
        {
            // Before the first migration, or while the database is away: the gauges keep their last values.
            Log.Unread(logger, ex.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9101, Level = LogLevel.Debug, Message = "The send queue's depth could not be read ({Error}); the gauges keep their last values.")]
        public static partial void Unread(ILogger logger, string error);
    }
}
