using MentorBot.Features.Booking;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Growth;
using MentorBot.Features.Map;

namespace MentorBot.Web.Growth;

internal sealed record UpcomingCheckIn(string With, string Lanes, DateTimeOffset? Next, DateOnly? PausedUntil);

internal sealed record UpcomingSession(string With, DateTimeOffset Start, DateTimeOffset End, string? JoinUrl);

/// <summary>
/// A person's growth page: their ladder as the reader may see it (the same view as the <c>my growth</c> card), and,
/// for their own page only, their check-in history, next check-ins and booked sessions.
/// </summary>
internal sealed record GrowthPageModel(
    GrowthView Ladder,
    IReadOnlyList<CheckInAnswer>? History,
    IReadOnlyList<UpcomingCheckIn> Upcoming,
    IReadOnlyList<UpcomingSession> Sessions);

internal sealed class GrowthPage(GrowthService growth, CheckInStore checkIns, BookingStore bookings)
{
    public const int HistoryShown = 10;

    /// <summary>The page, or null when the reader may not see <paramref name="subjectId"/>'s growth.</summary>
    public async Task<GrowthPageModel?> BuildAsync(TabReader reader, string? subjectId, CancellationToken cancellationToken)
    {
        var me = reader.Person;
        var subject = subjectId is { Length: > 0 } && subjectId != me.Id ? reader.Map.People.FirstOrDefault(p => p.Id == subjectId) : me;
        if (subject is null || !GrowthAccess.MaySeeStatus(me, subject, reader.Map.Mentorships))
        {
            return null;
        }

        var ladder = await growth.ViewAsync(reader.Map, me, subject, cancellationToken);
        if (subject.Id != me.Id)
        {
            return new GrowthPageModel(ladder, null, [], []);
        }

        var names = reader.Map.People.Where(p => p.Id != me.Id).ToDictionary(p => p.Id, p => p, StringComparer.Ordinal);
        var lanes = reader.Map.Lanes.ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
        var upcoming = reader.Pairings.Where(m => m.MenteeId == me.Id)
            .Select(m => new UpcomingCheckIn(
                names.TryGetValue(m.MentorId, out var mentor) ? mentor.Name : m.MentorId,
                string.Join(", ", m.Lanes.Select(l => lanes.GetValueOrDefault(l, l))),
                m.Status == MentorshipStatus.Paused ? null : CadenceCalendar.NextCheckIn(m, TimeZoneInfo.FindSystemTimeZoneById(me.TimeZone), reader.Now),
                m.Status == MentorshipStatus.Paused ? m.PausedUntil : null))
            .OrderBy(u => u.Next ?? DateTimeOffset.MaxValue)
            .ToList();
        var sessions = (await bookings.UpcomingAsync(me.Id, cancellationToken))
            .Where(b => b.Slot is not null)
            .Select(b => new UpcomingSession(
                names.TryGetValue(b.MentorId == me.Id ? b.MenteeId : b.MentorId, out var other) ? other.Name : reader.Pick("your pairing", "tu pareja"),
                b.Slot!.Start, b.Slot.End, b.JoinUrl))
            .ToList();
        return new GrowthPageModel(ladder, await checkIns.LatestAsync(me.Id, HistoryShown, cancellationToken), upcoming, sessions);
    }
}
