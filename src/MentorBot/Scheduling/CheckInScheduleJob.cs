using MentorBot.Features.CheckIns;
using Quartz;

namespace MentorBot.Scheduling;

/// <summary>The programme's metronome: every minute, open the check-ins and calibrations that are due and queue their cards.</summary>
[DisallowConcurrentExecution]
internal sealed class CheckInScheduleJob(Features.Map.MapStore map, CheckInScheduler scheduler, Features.Calibration.CalibrationService calibration) : IJob
{
    public static JobKey Key { get; } = new("checkin-schedule", "checkins");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var current = await map.LoadAsync(cancellationToken);
        await scheduler.RunAsync(current, cancellationToken);
        await calibration.RunAsync(current, cancellationToken);
    }
}
