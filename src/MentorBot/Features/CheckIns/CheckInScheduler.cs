using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// Opens each pairing's check-in when its cadence comes round (in the mentee's time zone, inside working hours, outside
/// quiet hours), queues the card, closes the previous unanswered one as missed, and queues one reminder. Every step is
/// keyed so a rerun, a restart or a second instance does nothing twice.
/// </summary>
internal sealed partial class CheckInScheduler(
    MapStore map,
    CheckInStore store,
    IOptions<CheckInOptions> options,
    TimeProvider time,
    ILogger<CheckInScheduler> logger)
{
    public const string PromptKind = "checkin-prompt";
    public const string ReminderKind = "checkin-reminder";

    /// <summary>Periods opened in one transaction.</summary>
    private const int OpenBatch = 250;

    public async Task<ScheduleSummary> RunAsync(CancellationToken cancellationToken, Func<Person, bool>? include = null) =>
        await RunAsync(await map.LoadAsync(cancellationToken), cancellationToken, include);

    /// <summary>One pass over an already loaded map, so the metronome reads the map once for every scheduler.</summary>
    public async Task<ScheduleSummary> RunAsync(MentorshipMap current, CancellationToken cancellationToken, Func<Person, bool>? include = null)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var people = current.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var pauses = await store.PausesAsync(cancellationToken);
        var due = new List<CheckInPeriod>();
        foreach (var mentorship in current.Mentorships.Where(m => m.Status != MentorshipStatus.Ended))
        {
            if (!people.TryGetValue(mentorship.MenteeId, out var mentee) || !(include?.Invoke(mentee) ?? true) || IsPaused(mentorship, mentee, now)
                || (pauses.TryGetValue(mentee.Id, out var until) && CallerProfiles.LocalToday(mentee, now) < until))
            {
                continue;
            }

            if (CheckInSlots.CurrentWindow(mentorship, mentee, now) is not { } window || now - window.Current > settings.CatchUp)
            {
                continue;
            }

            var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(window.Current, TimeZoneInfo.FindSystemTimeZoneById(mentee.TimeZone)).DateTime);
            due.Add(new CheckInPeriod($"{mentorship.Id}:{MapValues.DateText(localDate)}", mentee.Id, mentorship.Id, mentorship.MentorId, window.Current, window.Next, PeriodStatus.Open));
        }

        // A period stays due for the whole catch-up window (a day), so most minutes find it opened already: one read
        // skips those, and only new ones take a write transaction (which still opens each once, whoever races it).
        var known = await store.KnownPeriodIdsAsync([.. due.Select(p => p.Id)], cancellationToken);
        // Opened a few hundred to a transaction (a Monday morning opens thousands in the same minute), each prompt queued
        // in the transaction that opens its period: a restart between the two can't lose it.
        var opened = 0;
        foreach (var batch in due.Where(p => !known.Contains(p.Id)).Chunk(OpenBatch))
        {
            opened += await store.OpenScheduledAsync(batch, cancellationToken, (connection, transaction, periods) =>
                OutboxStore.QueueAsync(connection, transaction, [.. periods.Select(p => new OutboxEntry(PromptKind, p.Id, p.PersonId))], now, CancellationToken.None));
        }

        var reminded = 0;
        foreach (var period in await store.AwaitingReminderAsync(cancellationToken))
        {
            if (people.TryGetValue(period.PersonId, out var person) && (include?.Invoke(person) ?? true)
                && now >= CheckInSlots.Place(period.OpensAt + settings.ReminderAfter, person)
                && await store.ClaimReminderAsync(period.Id, new OutboxEntry(ReminderKind, period.Id, person.Id), cancellationToken))
            {
                reminded++;
            }
        }

        if (opened + reminded > 0)
        {
            Log.Scheduled(logger, opened, reminded);
        }

        return new ScheduleSummary(opened, reminded);
    }

    /// <summary>For demos and operations: an ad-hoc check-in now for every mentee with an active pairing and nothing open.</summary>
    public async Task<ScheduleSummary> OpenAllNowAsync(CancellationToken cancellationToken, Func<Person, bool>? include = null)
    {
        var current = await map.LoadAsync(cancellationToken);
        var people = current.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var opened = 0;
        foreach (var group in current.Mentorships.Where(m => m.Status == MentorshipStatus.Active).GroupBy(m => m.MenteeId, StringComparer.Ordinal))
        {
            if (!people.TryGetValue(group.Key, out var mentee) || !(include?.Invoke(mentee) ?? true))
            {
                continue;
            }

            var primary = group.OrderBy(m => m.Kind == MentorshipKind.Lane ? 0 : 1).ThenBy(m => m.StartDate).First();
            var (_, queued) = await store.OpenAdHocAsync(group.Key, primary.Id, primary.MentorId, options.Value.AdHocWindow,
                period => [new OutboxEntry(PromptKind, period.Id, group.Key)], cancellationToken);
            opened += queued;
        }

        return new ScheduleSummary(opened, 0);
    }

    private static bool IsPaused(Mentorship mentorship, Person mentee, DateTimeOffset now) =>
        mentorship.Status == MentorshipStatus.Paused && mentorship.PausedUntil is { } until && CallerProfiles.LocalToday(mentee, now) < until;

    private static partial class Log
    {
        [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Check-ins: {Opened} opened, {Reminded} reminders queued.")]
        public static partial void Scheduled(ILogger logger, int opened, int reminded);
    }
}

internal sealed record ScheduleSummary(int Opened, int Reminded);
