using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Storage;
using MentorBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Hangfire runs the features' recurring jobs: each is registered under its own id and schedule, a failing one is
/// retried without holding up the others, and on one database every occurrence runs once however many instances run.
/// </summary>
public sealed class SchedulingTests
{
    private static readonly Dictionary<string, string?> ServerOn = new()
    {
        ["Scheduling:RunServer"] = "true",
        ["Scheduling:QueuePollInterval"] = "00:00:00.200",
        ["Scheduling:SchedulePollInterval"] = "00:00:00.500",
    };

    [Fact]
    public async Task Every_feature_job_is_registered_with_Hangfire_under_its_id_and_UTC_schedule()
    {
        await using var host = await MentorBotHost.StartAsync();
        using var connection = host.Service<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(job => job.Id);

        Assert.Equal(
            ["activity-memory", "answer-retention", "booking-recovery", "calibration", "checkins", "circle-debriefs", "concerns", "digests", "onboarding-phases", "pilot-reports", "pulses", "quarterly-reviews", "unreachable-report"],
            recurring.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("* * * * *", recurring["checkins"].Cron);
        Assert.Equal("* * * * *", recurring["digests"].Cron);
        Assert.Equal("41 3 * * *", recurring["answer-retention"].Cron);
        Assert.All(recurring.Values, job =>
        {
            Assert.Equal("UTC", job.TimeZoneId);
            Assert.Equal(typeof(ScheduledJobRunner), job.Job.Type);
            Assert.Equal(job.Id, Assert.Single(job.Job.Args, a => a is string));
        });

        // The dashboard shows what each job does, in words.
        var names = host.Service<ScheduledJobs>().All.ToDictionary(j => j.Id, j => j.Name);
        Assert.Equal("Check-ins: open what is due and send reminders", names["checkins"]);
        Assert.All(names.Values, name => Assert.Matches("^[A-Z][^:]+: [a-z]", name));
    }

    [Fact]
    public async Task A_job_no_feature_declares_any_more_is_removed_at_the_next_start()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var first = await MentorBotHost.StartOnAsync(database))
        {
            first.Service<IRecurringJobManager>().AddOrUpdate<ScheduledJobRunner>("retired-job", runner => runner.RunAsync("retired-job", CancellationToken.None), Cron.Daily());
            using var connection = first.Service<JobStorage>().GetConnection();
            Assert.Contains(connection.GetRecurringJobs(), job => job.Id == "retired-job");
        }

        await using var second = await MentorBotHost.StartOnAsync(database);
        using var after = second.Service<JobStorage>().GetConnection();
        Assert.DoesNotContain(after.GetRecurringJobs(), job => job.Id == "retired-job");
        Assert.Contains(after.GetRecurringJobs(), job => job.Id == "checkins");
    }

    [Fact]
    public async Task A_failing_job_is_retried_by_Hangfire_and_the_other_jobs_run_on()
    {
        var attempts = 0;
        await using var database = await TestDatabase.CreateAsync();
        await using var host = await MentorBotHost.StartOnAsync(database, ServerOn, services => services.AddScheduledJob(new ScheduledJob(
            "test-failing", "Test: fail every time", Cron.Yearly(), (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("The calendar is down.");
            })));
        var manager = host.Service<IRecurringJobManagerV2>();
        var failing = manager.TriggerJob("test-failing");
        var checkIns = manager.TriggerJob("checkins");
        var digests = manager.TriggerJob("digests");

        var monitoring = host.Service<JobStorage>().GetMonitoringApi();
        await Eventually.UntilAsync(() => monitoring.JobDetails(failing).History.Any(s => s.StateName == "Scheduled"), "the failing job was not scheduled for a retry");
        await Eventually.UntilAsync(() => Eventually.StateOf(host.Service<JobStorage>(), checkIns) == "Succeeded" && Eventually.StateOf(host.Service<JobStorage>(), digests) == "Succeeded", "the other jobs did not run");

        var history = monitoring.JobDetails(failing).History;
        var retry = Assert.Single(history, s => s.StateName == "Scheduled");
        Assert.Contains("Retry attempt 1 of 3", retry.Reason, StringComparison.Ordinal);
        Assert.Contains("The calendar is down.", retry.Reason, StringComparison.Ordinal);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Every_occurrence_runs_once_however_many_instances_share_the_database()
    {
        // Two instances on PostgreSQL; SQLite serves one instance, so one there.
        var runs = new ConcurrentQueue<string>();
        await using var database = await TestDatabase.CreateAsync();
        var instances = database.Provider == "Postgres" ? 2 : 1;
        var hosts = new List<MentorBotHost>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                var name = "instance-" + i;
                hosts.Add(await MentorBotHost.StartOnAsync(database, ServerOn, services => services.AddScheduledJob(new ScheduledJob(
                    "test-every-second", "Test: count occurrences", "* * * * * *", async (_, ct) =>
                    {
                        runs.Enqueue(name);
                        await Task.Delay(300, ct);
                    }))));
            }

            await Eventually.UntilAsync(() => runs.Count >= 12, "the every-second job did not run twelve times", TimeSpan.FromSeconds(60));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }

        var storage = SchedulingRegistration.CreateStorage(
            new Persistence.StorageOptions { Provider = Enum.Parse<Persistence.StorageProvider>(database.Provider), ConnectionString = database.ConnectionString },
            new SchedulingOptions());
        using var connection = storage.GetConnection();
        var monitoring = storage.GetMonitoringApi();
        var jobs = monitoring.SucceededJobs(0, 1000).Select(j => j.Key)
            .Concat(monitoring.ProcessingJobs(0, 1000).Select(j => j.Key))
            .Concat(monitoring.EnqueuedJobs("default", 0, 1000).Select(j => j.Key))
            .Where(id => connection.GetJobParameter(id, "RecurringJobId") == "\"test-every-second\"")
            .ToList();
        var occurrences = jobs.GroupBy(id => connection.GetJobParameter(id, "Time")).ToList();

        Assert.True(occurrences.Count >= 12, $"{occurrences.Count} occurrences");
        Assert.All(occurrences, occurrence => Assert.Single(occurrence));
        Assert.True(runs.Count <= jobs.Count, $"{runs.Count} runs of {jobs.Count} jobs: a job ran twice");
    }
}
