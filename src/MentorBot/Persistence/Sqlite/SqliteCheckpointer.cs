using Microsoft.Data.Sqlite;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// Moves SQLite's write-ahead log into the database file in the background, twice a second, with PASSIVE checkpoints:
/// they never wait for readers or writers, and their fsync happens outside any request. Requests stop checkpointing
/// themselves once this runs (<see cref="SqliteSettings"/>). Under a steady stream of readers the log rarely starts again
/// from its beginning by itself, so past 4,096 frames (16 MB) a checkpoint catches up with writers held back for the
/// moment it takes to copy what arrived meanwhile. The threshold is measured (docs/BENCHMARKS.md, invoke on SQLite):
/// at 65,536 frames each catch-up held writers long enough to set the p99, and the longer log cost a fifth of the
/// throughput; 1,024 catches up too often. A file that grew under a burst is cut back to <see cref="LogSizeLimitBytes"/>.
/// On PostgreSQL this does nothing.
/// </summary>
internal sealed partial class SqliteCheckpointer : BackgroundService
{
    public const long LogSizeLimitBytes = 64L * 1024 * 1024;
    private const long RestartAfterFrames = 4_096;
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
    private readonly Database _database;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteCheckpointer> _logger;

    public SqliteCheckpointer(Database database, TimeProvider time, ILogger<SqliteCheckpointer> logger)
    {
        _database = database;
        _time = time;
        _logger = logger;
        database.CheckpointInBackground();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_database.Provider != StorageProvider.Sqlite)
        {
            return;
        }

        using var timer = new PeriodicTimer(Every, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the last connection to close checkpoints what is left.
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Most of the log is copied while requests go on. A log that keeps growing under steady writes can only
            // start again from its beginning once a checkpoint has caught up with the last commit, so a long one is
            // finished with writers held back for the moment it takes to copy what arrived meanwhile.
            var frames = await PassiveAsync(cancellationToken);
            if (frames > RestartAfterFrames)
            {
                using var writersWait = await _database.SqliteWriters.EnterAsync(cancellationToken);
                frames = await PassiveAsync(cancellationToken);
            }

            Log.Checkpointed(_logger, frames);
        }
        catch (SqliteException ex)
        {
            Log.Failed(_logger, ex.SqliteErrorCode, ex.Message);
        }
    }

    /// <summary>One PASSIVE checkpoint; the number of frames in the log.</summary>
    private async Task<long> PassiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenUngatedSqliteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA journal_size_limit = {LogSizeLimitBytes}; PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long frames = 0;
        do
        {
            if (reader.FieldCount == 3 && await reader.ReadAsync(cancellationToken))
            {
                frames = reader.GetInt64(1);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return frames;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Trace, Message = "WAL checkpoint: {Frames} frames in the log.")]
        public static partial void Checkpointed(ILogger logger, long frames);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "WAL checkpoint failed ({Code}): {Reason}. It is tried again shortly.")]
        public static partial void Failed(ILogger logger, int code, string reason);
    }
}
