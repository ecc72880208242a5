using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Reviews;

/// <summary>
/// In the first two weeks of each quarter: a review prompt to both people in every active pairing that started before
/// the quarter, and a map review to every programme admin. Each inside the reader's working hours; each once.
/// </summary>
internal sealed partial class QuarterlyReviewScheduler(QuarterlyReviewStore store, OutboxStore outbox, TimeProvider time, ILogger<QuarterlyReviewScheduler> logger)
{
    public const string ReviewKind = "quarterly-review";
    public const string MapReviewKind = "map-review";

    /// <summary>How long into a quarter its review is still offered (a deployment made mid-quarter waits for the next).</summary>
    public const int OfferDays = 14;

    public async Task<int> RunAsync(MentorshipMap map, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var people = map.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var queued = 0;
        foreach (var pairing in map.Mentorships.Where(m => m.Status == MentorshipStatus.Active))
        {
            if (!people.TryGetValue(pairing.MenteeId, out var mentee) || !people.TryGetValue(pairing.MentorId, out var mentor))
            {
                continue;
            }

            var today = CallerProfiles.LocalToday(mentee, now);
            var start = Quarters.StartOf(today);
            if (today.DayNumber - start.DayNumber >= OfferDays || pairing.StartDate >= start)
            {
                continue;
            }

            var quarter = Quarters.Name(today);
            foreach (var (person, role) in new[] { (mentee, "mentee"), (mentor, "mentor") })
            {
                if (await store.AskAsync(pairing.Id, quarter, person.Id, role, new OutboxEntry(ReviewKind, $"{pairing.Id}|{quarter}", person.Id, CheckInSlots.Place(now, person) - now), cancellationToken))
                {
                    queued++;
                }
            }
        }

        foreach (var admin in map.People.Where(p => p.IsAdmin))
        {
            var today = CallerProfiles.LocalToday(admin, now);
            if (today.DayNumber - Quarters.StartOf(today).DayNumber < OfferDays
                && await outbox.EnqueueAsync(MapReviewKind, Quarters.Name(today), admin.Id, cancellationToken, CheckInSlots.Place(now, admin) - now))
            {
                queued++;
            }
        }

        if (queued > 0)
        {
            Log.Queued(logger, queued);
        }

        return queued;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Quarterly reviews: {Count} cards queued.")]
        public static partial void Queued(ILogger logger, int count);
    }
}
