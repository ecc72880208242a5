namespace MentorBot.Features.Booking;

/// <summary>How a block of calendar time counts. Free and working-elsewhere time can be booked; the rest cannot.</summary>
internal enum BusyKind
{
    Busy,
    Tentative,
    OutOfOffice,
    WorkingElsewhere,
}

/// <summary>One block on someone's calendar, in UTC.</summary>
internal sealed record BusyBlock(DateTimeOffset Start, DateTimeOffset End, BusyKind Kind)
{
    public bool Blocks => Kind != BusyKind.WorkingElsewhere;
}

/// <summary>Working hours as a calendar reports them (Graph's mailbox settings), in an IANA zone.</summary>
internal sealed record CalendarWorkingHours(string TimeZone, IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End);

/// <summary>Whose calendar to read or write: the map's id, the directory id and the mailbox address.</summary>
internal sealed record CalendarPerson(string PersonId, string? AadObjectId, string? Email, string Name);

/// <summary>
/// What a calendar says about one person over a window: busy blocks and, when it knows them, working hours. A
/// calendar that could not be read (an unknown mailbox, no permission) says why in <see cref="Error"/>.
/// </summary>
internal sealed record Availability(string PersonId, IReadOnlyList<BusyBlock> Busy, CalendarWorkingHours? WorkingHours, string? Error = null)
{
    public bool Readable => Error is null;
}

/// <summary>The meeting to create: organised on the mentor's calendar with the mentee as attendee.</summary>
internal sealed record MeetingDraft(
    CalendarPerson Organizer,
    CalendarPerson Attendee,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Subject,
    string TransactionId);

/// <summary>The outcome of reading free/busy.</summary>
internal abstract record AvailabilityOutcome
{
    private AvailabilityOutcome()
    {
    }

    public sealed record Read(IReadOnlyList<Availability> People) : AvailabilityOutcome;

    /// <summary>The calendar service could not be used (throttled past the retries, down, refused).</summary>
    public sealed record Failed(string Reason) : AvailabilityOutcome;
}

/// <summary>The outcome of creating, moving or cancelling an event.</summary>
internal abstract record EventOutcome
{
    private EventOutcome()
    {
    }

    /// <summary>The event exists (created now, or found again by its transaction id) with its Teams join link.</summary>
    public sealed record Created(string EventId, string? JoinUrl, string? WebLink) : EventOutcome;

    public sealed record Done : EventOutcome;

    /// <summary>The event is no longer there (deleted in Outlook, for instance).</summary>
    public sealed record Gone : EventOutcome;

    /// <summary>The calendar service refused or failed after its retries; nothing was changed on our side.</summary>
    public sealed record Failed(string Reason) : EventOutcome;
}
