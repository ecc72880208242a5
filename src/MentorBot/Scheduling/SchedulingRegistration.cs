using MentorBot.Persistence;
using Quartz;

namespace MentorBot.Scheduling;

/// <summary>
/// Quartz with a persistent store in MentorBot's own database: jobs and triggers survive restarts. PostgreSQL runs
/// clustered so several instances share the work; SQLite is single-instance.
/// </summary>
internal static class SchedulingRegistration
{
    public const string TablePrefix = "qrtz_";

    public static IHostApplicationBuilder AddMentorBotScheduling(this IHostApplicationBuilder builder, StorageOptions storage)
    {
        builder.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "MentorBot");
            q.AddJobListener<JobMetricsListener>();
            q.UsePersistentStore(store =>
            {
                if (storage.Provider == StorageProvider.Postgres)
                {
                    store.UsePostgres(storage.ConnectionString);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                }
                else
                {
                    store.UseSqlite(SchedulerDatabase.SqliteConnectionString(storage.ConnectionString));
                }

                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer(_ => { });
                store.ConfigureStore(o => o.TablePrefix = TablePrefix);
            });

            q.ScheduleJob<ActivityMemoryPruneJob>(
                trigger => trigger
                    .WithIdentity(ActivityMemoryPruneJob.Key.Name + "-hourly")
                    .WithCronSchedule("0 17 * * * ?", c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)),
                job => job.WithIdentity(ActivityMemoryPruneJob.Key).DisallowConcurrentExecution(true));

            // Daily, at night in UTC: the retention sweep. A missed night (downtime) runs once at the next start.
            q.ScheduleJob<Features.Privacy.AnswerRetentionJob>(
                trigger => trigger
                    .WithIdentity(Features.Privacy.AnswerRetentionJob.Key.Name + "-daily")
                    .WithCronSchedule("0 41 3 * * ?", c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                job => job.WithIdentity(Features.Privacy.AnswerRetentionJob.Key).DisallowConcurrentExecution(true));

            var poll = builder.Configuration.GetSection(OutboxOptions.SectionName).Get<OutboxOptions>()?.PollInterval ?? TimeSpan.FromSeconds(5);
            q.ScheduleJob<OutboxDispatchJob>(
                trigger => trigger
                    .WithIdentity(OutboxDispatchJob.Key.Name + "-poll")
                    .WithSimpleSchedule(s => s.WithInterval(poll).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(OutboxDispatchJob.Key).DisallowConcurrentExecution(false));

            var every = builder.Configuration.GetSection(Features.CheckIns.CheckInOptions.SectionName).Get<Features.CheckIns.CheckInOptions>()?.ScheduleInterval ?? TimeSpan.FromMinutes(1);
            q.ScheduleJob<CheckInScheduleJob>(
                trigger => trigger
                    .WithIdentity(CheckInScheduleJob.Key.Name + "-tick")
                    .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(CheckInScheduleJob.Key).DisallowConcurrentExecution(true));
        });

        builder.Services.AddSingleton<OutboxDispatchGate>();
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
