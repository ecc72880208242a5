using Dapper;
using Hangfire;
using Hangfire.Storage;
using MentorBot.Persistence;
using MentorBot.Scheduling;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MentorBot.IntegrationTests;

/// <summary>
/// A job in the middle of its run when its instance is killed (SIGKILL) is not lost: on PostgreSQL another instance
/// takes it over and finishes it; on SQLite, the instance that starts again does.
/// </summary>
public sealed class SchedulingCrashTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Scheduling:RunServer"] = "true",
        ["Scheduling:QueuePollInterval"] = "00:00:00.200",
        ["Scheduling:SchedulePollInterval"] = "00:00:01",
        ["Scheduling:InvisibilityTimeout"] = "00:00:05",
        ["Outbox:PollInterval"] = "00:10:00",
        ["Map:SeedDemoMap"] = "true",
        ["Demo:SeedHistory"] = "false",
    };

    [Fact]
    public async Task A_job_running_when_its_instance_is_killed_is_finished_by_another()
    {
        await using var database = await TestDatabase.CreateAsync();
        var storage = SchedulingRegistration.CreateStorage(
            new StorageOptions { Provider = Enum.Parse<StorageProvider>(database.Provider), ConnectionString = database.ConnectionString },
            new SchedulingOptions());
        string jobId;
        var first = await BotProcess.StartAsync(database, Settings);
        try
        {
            await Eventually.UntilAsync(() => Recurring(storage).Contains("checkins"), "the first instance did not register its jobs", TimeSpan.FromSeconds(90));
            await Eventually.UntilAsync(() => NothingRunning(storage), "the jobs the first instance runs at start did not finish", TimeSpan.FromSeconds(60));

            // Hold the table the activity-memory job deletes from: the job starts and waits there.
            await using var blocker = await HoldWritesAsync(database);
            jobId = new RecurringJobManager(storage).TriggerJob("activity-memory");
            await Eventually.UntilAsync(() => Eventually.StateOf(storage, jobId) == "Processing", "the first instance did not take the job: " + jobId, detail: () => History(storage, jobId) + "\n" + first.Log);
            first.KillHard();
            await first.ExitedAsync();
        }
        finally
        {
            await first.DisposeAsync();
        }

        Assert.Equal("Processing", Eventually.StateOf(storage, jobId));
        await using var second = await BotProcess.StartAsync(database, Settings);
        await Eventually.UntilAsync(() => Eventually.StateOf(storage, jobId) == "Succeeded", "the job was not finished after the kill:\n" + second.Log, TimeSpan.FromSeconds(120));

        var processing = storage.GetMonitoringApi().JobDetails(jobId).History.Where(s => s.StateName == "Processing").Select(s => s.Data["ServerId"]).ToList();
        Assert.True(processing.Distinct().Count() >= 2, "one server ran it: " + string.Join(", ", processing));
    }

    private static async Task<IAsyncDisposable> HoldWritesAsync(TestDatabase database)
    {
        if (database.Provider == "Postgres")
        {
            var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("LOCK TABLE processed_activities IN ACCESS EXCLUSIVE MODE", transaction: transaction);
            return new Held(async () =>
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
            });
        }

        // SQLite: the one write lock, held; a writer waits for it (up to its 30 s timeout).
        var sqlite = new SqliteConnection(database.ConnectionString + ";Pooling=False");
        await sqlite.OpenAsync();
        await sqlite.ExecuteAsync("BEGIN IMMEDIATE");
        return new Held(async () => await sqlite.DisposeAsync()); // closing the connection lets go of the file
    }

    private static HashSet<string> Recurring(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return [.. connection.GetRecurringJobs().Select(job => job.Id)];
    }

    private static bool NothingRunning(JobStorage storage)
    {
        var monitoring = storage.GetMonitoringApi();
        return monitoring.ProcessingCount() == 0 && monitoring.EnqueuedCount("default") == 0;
    }

    private static string History(JobStorage storage, string jobId) =>
        string.Join(" → ", storage.GetMonitoringApi().JobDetails(jobId)?.History.AsEnumerable().Reverse().Select(s => s.StateName + (s.Reason is null ? "" : $" ({s.Reason})")) ?? []);

    private sealed class Held(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}
