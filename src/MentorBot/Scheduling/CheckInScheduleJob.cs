using MentorBot.Features.Calibration;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Circles;
using MentorBot.Features.Map;
using MentorBot.Features.Reviews;
using Quartz;

namespace MentorBot.Scheduling;

/// <summary>
/// The programme's metronome: every minute, read the map once and open what is due (check-ins and reminders, circle
/// debriefs, calibrations, quarterly reviews, pulse runs), remind and escalate unacknowledged concerns, tell admins who
/// cannot be reached, finish bookings a crash interrupted, and queue the leaders' weekly digests.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class CheckInScheduleJob(
    MapStore map,
    CheckInScheduler checkIns,
    CircleDebriefScheduler circles,
    CalibrationService calibration,
    QuarterlyReviewScheduler reviews,
    UnreachableReport unreachable,
    Features.Booking.BookingService bookings,
    Features.Concerns.ConcernScheduler concerns,
    Features.Pulses.PulseScheduler pulses,
    Features.Digest.DigestScheduler digests,
    ILogger<CheckInScheduleJob> logger) : IJob
{
    public static JobKey Key { get; } = new("checkin-schedule", "checkins");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await RunAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException ex)
        {
            // What is due lives in the database, so the next tick finds whatever this one could not do.
            JobLog.StoreUnavailable(logger, Key.Name, ex);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var current = await map.LoadAsync(cancellationToken);
        await checkIns.RunAsync(current, cancellationToken);
        await circles.RunAsync(current, cancellationToken);
        await calibration.RunAsync(current, cancellationToken);
        await reviews.RunAsync(current, cancellationToken);
        await concerns.RunAsync(current, cancellationToken);
        await pulses.RunAsync(current, cancellationToken);
        await unreachable.RunAsync(current, cancellationToken);
        await bookings.RecoverAsync(cancellationToken);
        await digests.RunAsync(current, cancellationToken);
    }
}
