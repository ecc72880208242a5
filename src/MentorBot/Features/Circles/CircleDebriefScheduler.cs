using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Circles;

/// <summary>
/// Opens each circle's debrief when its cadence comes round (in the facilitator's time zone) and queues the card to
/// every member's 1:1 chat, each inside their own working hours. Enqueueing is idempotent, so while the debrief is fresh
/// every tick re-offers the same items: a crash between opening and queueing loses nobody.
/// </summary>
internal sealed partial class CircleDebriefScheduler(CircleStore store, IOptions<CheckInOptions> options, TimeProvider time, ILogger<CircleDebriefScheduler> logger)
{
    public const string Kind = "circle-debrief";

    public async Task<int> RunAsync(MentorshipMap map, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var people = map.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var queued = 0;
        foreach (var circle in map.Circles)
        {
            if (!people.TryGetValue(circle.FacilitatorId, out var facilitator)
                || CheckInSlots.CurrentWindow(circle.Cadence, CadenceCalendar.CircleAnchor, facilitator, now) is not { } window
                || now - window.Current > options.Value.CatchUp)
            {
                continue;
            }

            var zone = TimeZoneInfo.FindSystemTimeZoneById(facilitator.TimeZone);
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(window.Current, zone).DateTime);
            var debrief = new CircleDebrief($"{circle.Id}:{MapValues.DateText(date)}", circle.Id, window.Current, window.Next);
            var cards = circle.MemberIds.Append(circle.FacilitatorId).Distinct(StringComparer.Ordinal)
                .Where(people.ContainsKey)
                .Select(member => new OutboxEntry(Kind, debrief.Id, member, CheckInSlots.Place(now, people[member]) - now))
                .ToList();
            queued += await store.OpenAsync(debrief, cards, cancellationToken);
        }

        if (queued > 0)
        {
            Log.Queued(logger, queued);
        }

        return queued;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Circles: {Count} debrief cards queued.")]
        public static partial void Queued(ILogger logger, int count);
    }
}
