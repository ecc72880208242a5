using MentorBot.Features.CheckIns;
using Quartz;

namespace MentorBot.Scheduling;

/// <summary>The check-in metronome: every minute, open what is due and queue its cards.</summary>
[DisallowConcurrentExecution]
internal sealed class CheckInScheduleJob(CheckInScheduler scheduler) : IJob
{
    public static JobKey Key { get; } = new("checkin-schedule", "checkins");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await scheduler.RunAsync(cancellationToken);
}
