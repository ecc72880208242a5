using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Pulses;

/// <summary>
/// Runs with the minute metronome (a Quartz job). Opens each pulse's run when its schedule comes round, invites its
/// audience through the outbox inside each person's working hours, sends one reminder to those who have not answered,
/// and when the run closes sends its results card to the programme admins. Every step is idempotent: opening is an
/// insert that may conflict, queueing is keyed by kind, run and person, and each step is then marked on the run.
/// </summary>
internal sealed partial class PulseScheduler(
    PulseStore store,
    PulseBallotBox ballots,
    IOptions<PulseOptions> options,
    TimeProvider time,
    ILogger<PulseScheduler> logger)
{
    public async Task RunAsync(MentorshipMap map, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pulses = await store.ActiveAsync(cancellationToken);
        foreach (var pulse in pulses)
        {
            await OpenDueAsync(map, pulse, cancellationToken);
        }

        foreach (var run in await store.UnreportedRunsAsync(cancellationToken))
        {
            var pulse = pulses.FirstOrDefault(p => p.Id == run.PulseId) ?? await store.FindAsync(run.PulseId, cancellationToken);
            IReadOnlyList<Person> audience = pulse is null ? [] : PulseCalendar.Audience(map, pulse.Audience);
            if (run.InvitedAt is null && run.IsOpenAt(now))
            {
                await InviteAsync(run, audience, cancellationToken);
            }

            if (run.RemindedAt is null && run.IsOpenAt(now) && now >= run.OpensAt + options.Value.ReminderAfter)
            {
                var answered = await ballots.RespondedAsync(run.Id, cancellationToken);
                var waiting = audience.Where(p => !answered.Contains(p.Id)).ToList();
                await store.MarkRemindedAsync(run.Id, Cards(PulseKinds.Reminder, run, waiting), cancellationToken);
                Log.Reminded(logger, waiting.Count);
            }

            if (now >= run.ClosesAt)
            {
                await store.MarkResultsSentAsync(run.Id, Cards(PulseKinds.Results, run, [.. map.People.Where(p => p.IsAdmin)]), cancellationToken);
            }
        }
    }

    /// <summary>Opens the pulse's current run if it is due and not open yet. Null when nothing opened.</summary>
    public async Task<PulseRun?> OpenDueAsync(MentorshipMap map, Pulse pulse, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var openFor = options.Value.OpenFor;
        if (PulseCalendar.Current(pulse.Schedule, pulse.StartsAt, now) is not { } due || now >= due.OpensAt + openFor)
        {
            return null;
        }

        var audience = PulseCalendar.Audience(map, pulse.Audience);
        if (audience.Count == 0)
        {
            return null;
        }

        var run = new PulseRun($"{pulse.Id}:{due.Seq}", pulse.Id, due.Seq, pulse.Questions, due.OpensAt, due.OpensAt + openFor, audience.Count, null, null, null);
        if (!await store.OpenRunAsync(run, cancellationToken))
        {
            return null;
        }

        Log.Opened(logger, due.Seq, audience.Count);
        return run;
    }

    /// <summary>Queues the run's card to everyone it asks, each inside their own working hours.</summary>
    public async Task InviteAsync(PulseRun run, IReadOnlyList<Person> audience, CancellationToken cancellationToken)
    {
        await store.MarkInvitedAsync(run.Id, Cards(PulseKinds.Invite, run, audience), cancellationToken);
    }

    /// <summary>The run's cards of one kind for these people, each inside their own working hours.</summary>
    private List<OutboxEntry> Cards(string kind, PulseRun run, IReadOnlyList<Person> people)
    {
        var now = time.GetUtcNow();
        return [.. people.Select(person => new OutboxEntry(kind, run.Id, person.Id, CheckInSlots.Place(now, person) - now))];
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7701, Level = LogLevel.Information, Message = "Pulse: run {Seq} opened for {People} people.")]
        public static partial void Opened(ILogger logger, int seq, int people);

        [LoggerMessage(EventId = 7702, Level = LogLevel.Information, Message = "Pulse: one reminder queued for {People} people who have not answered.")]
        public static partial void Reminded(ILogger logger, int people);
    }
}
