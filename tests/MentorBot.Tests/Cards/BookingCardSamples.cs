using MentorBot.Cards;
using MentorBot.Features.Booking;
using BookingRecord = MentorBot.Features.Booking.Booking;

namespace MentorBot.Tests.Cards;

/// <summary>Samples of the booking cards, merged into <see cref="CardSamples.All"/>.</summary>
internal static class BookingCardSamples
{
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    private static readonly Slot[] Three =
    [
        new(Tuesday, Tuesday.AddMinutes(30)),
        new(Tuesday.AddDays(1).AddHours(-1), Tuesday.AddDays(1).AddMinutes(-30)),
        new(Tuesday.AddDays(2), Tuesday.AddDays(2).AddMinutes(30)),
    ];

    private static BookingRecord Booking(string status, IReadOnlyList<Slot>? proposals = null, Slot? slot = null) =>
        new("b-1", "m-001", "megan-bowen", "alex-wilber", "alex-wilber", BookingSource.Command, 30, status, proposals ?? Three, slot, "mentorbot-b-1",
            slot is null ? null : "event-1", slot is null ? null : "https://teams.microsoft.com/l/meetup-join/sample", "the local calendar", null, null, null, 1, Tuesday.AddDays(-1));

    private static BookingView View(BookingRecord booking, Language l, string? notice = null, Uri? ics = null) =>
        new(booking, "Megan Bowen", "America/Chicago", l, ics, notice);

    public static IReadOnlyDictionary<string, AdaptiveCard> Build() => new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
    {
        ["BookingCard.chooser"] = BookingCard.Chooser([new("megan-bowen", "Megan Bowen", "your mentor"), new("priya-raman", "Priya Raman", "your mentor"), new("isaiah-langer", "Isaiah Langer", "your buddy")], 30, Language.English),
        ["BookingCard.chooser.nobody"] = BookingCard.Chooser([], 30, Language.English),
        ["BookingCard.proposals"] = BookingCard.Proposals(View(Booking(BookingStatus.Proposed), Language.English), moving: false),
        ["BookingCard.proposals.spanish"] = BookingCard.Proposals(View(Booking(BookingStatus.Proposed), Language.Spanish), moving: false),
        ["BookingCard.proposals.taken"] = BookingCard.Proposals(View(Booking(BookingStatus.Proposed), Language.English, "That time was just taken on one of your calendars. Here are fresh times."), moving: false),
        ["BookingCard.proposals.none"] = BookingCard.Proposals(View(Booking(BookingStatus.Proposed, []), Language.English), moving: false),
        ["BookingCard.reschedule"] = BookingCard.Proposals(View(Booking(BookingStatus.Booked, slot: Three[0]), Language.English), moving: true),
        ["BookingCard.booked"] = BookingCard.Booked(View(Booking(BookingStatus.Booked, slot: Three[0]), Language.English, ics: new Uri("https://mentorbot.example/calendar/event-1.ics"))),
        ["BookingCard.booked.spanish"] = BookingCard.Booked(View(Booking(BookingStatus.Booked, slot: Three[0]), Language.Spanish)),
        ["BookingCard.pending"] = BookingCard.Pending(View(Booking(BookingStatus.Booking, slot: Three[0]), Language.English)),
        ["BookingCard.working"] = BookingCard.Working("b-1", Language.English),
        ["BookingCard.failed"] = BookingCard.Failed(View(Booking(BookingStatus.Failed, slot: Three[0]), Language.English)),
        ["BookingCard.cancelled"] = BookingCard.Cancelled(View(Booking(BookingStatus.Cancelled, slot: Three[0]), Language.English)),
    };
}
