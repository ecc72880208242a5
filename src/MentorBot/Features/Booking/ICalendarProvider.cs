namespace MentorBot.Features.Booking;

/// <summary>
/// Where mentoring time is read and booked: Microsoft Graph, or the local calendar in the database (the embedded
/// default). Chosen by <c>Booking:Calendar</c> and logged at start.
/// </summary>
internal interface ICalendarProvider
{
    /// <summary>A short name for logs and cards, such as "Microsoft 365" or "the local calendar".</summary>
    string Name { get; }

    /// <summary>Whether created meetings can be downloaded as .ics from MentorBot (only the local calendar).</summary>
    bool OffersIcs { get; }

    Task<AvailabilityOutcome> GetAvailabilityAsync(IReadOnlyList<CalendarPerson> people, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Creates the meeting. The same <see cref="MeetingDraft.TransactionId"/> never creates a second event.</summary>
    Task<EventOutcome> CreateAsync(MeetingDraft draft, CancellationToken cancellationToken);

    Task<EventOutcome> MoveAsync(CalendarPerson organizer, string eventId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    Task<EventOutcome> CancelAsync(CalendarPerson organizer, string eventId, CancellationToken cancellationToken);
}
