using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Concerns;

/// <summary>
/// Runs with the minute metronome. A concern still unacknowledged <see cref="ConcernOptions.ReminderAfter"/> after it
/// was raised (moved into the recipient's working hours) gets one reminder; one still unacknowledged
/// <see cref="ConcernOptions.BackupAfter"/> after that reminder also goes to the backup contact (see
/// <see cref="ConcernRouting"/>), inside their working hours, and the sender is told. Each step is claimed with a
/// conditional update, so a rerun or a second instance does nothing twice.
/// </summary>
internal sealed partial class ConcernScheduler(
    ConcernStore store,
    ConcernQueries queries,
    IOptions<ConcernOptions> options,
    TimeProvider time,
    ILogger<ConcernScheduler> logger)
{
    public async Task<(int Reminded, int Forwarded)> RunAsync(MentorshipMap map, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var people = map.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var reminded = 0;
        foreach (var concern in await queries.AwaitingReminderAsync(settings.ReminderAfter, cancellationToken))
        {
            var due = concern.RaisedAt + settings.ReminderAfter;
            if (people.TryGetValue(concern.RecipientId, out var recipient))
            {
                due = CheckInSlots.Place(due, recipient);
            }

            if (now >= due)
            {
                // Claimed and queued in one transaction.
                reminded += await store.ClaimReminderAsync(concern.Id, (c, _) => [new OutboxEntry(ConcernKinds.Reminder, c.Id, c.RecipientId)], cancellationToken) ? 1 : 0;
            }
        }

        var forwarded = 0;
        foreach (var concern in await queries.AwaitingBackupAsync(settings.BackupAfter, cancellationToken))
        {
            var sender = await store.SenderOfAsync(concern.Id, cancellationToken);
            var backups = ConcernRouting.Backups(map, concern.Target, concern.RecipientId, concern.UnitId, sender);

            // The backups' cards, and the sender's news that it was forwarded, go in the forwarding transaction.
            IEnumerable<OutboxEntry> Cards(Concern updated, string? senderId) =>
            [
                .. backups.Select(b => new OutboxEntry(ConcernKinds.Received, updated.Id, b.PersonId, CheckInSlots.Place(now, people[b.PersonId]) - now)),
                .. backups.Count > 0 ? ConcernHandling.ToSender("forwarded")(updated, senderId) : [],
            ];

            if (await store.ForwardAsync(concern.Id, [.. backups.Select(b => b.PersonId)], Cards, cancellationToken) is null)
            {
                continue;
            }

            forwarded++;
            if (backups.Count == 0)
            {
                Log.NoBackup(logger);
            }
        }

        if (reminded + forwarded > 0)
        {
            Log.Escalated(logger, reminded, forwarded);
        }

        return (reminded, forwarded);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7621, Level = LogLevel.Information, Message = "Concerns: {Reminded} reminders queued, {Forwarded} forwarded to backup contacts.")]
        public static partial void Escalated(ILogger logger, int reminded, int forwarded);

        [LoggerMessage(EventId = 7622, Level = LogLevel.Warning, Message = "An unacknowledged concern has no backup contact: the map has no designated person, manager or programme admin to forward it to.")]
        public static partial void NoBackup(ILogger logger);
    }
}
