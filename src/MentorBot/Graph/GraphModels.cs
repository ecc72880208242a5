namespace MentorBot.Graph;

/// <summary>A directory user as MentorBot needs it: identity, manager, department.</summary>
internal sealed record DirectoryUser(string Id, string DisplayName, string? Mail, string? Department, string? JobTitle, string? ManagerId);

/// <summary>A user's mailbox settings: IANA time zone and working hours, when Graph has them.</summary>
internal sealed record MailboxHours(string? IanaTimeZone, IReadOnlyList<DayOfWeek> Days, TimeOnly? Start, TimeOnly? End);

/// <summary>The outcome of one Graph call that may be refused.</summary>
internal enum GraphCallOutcome
{
    Done,
    AlreadyDone,
    NotFound,
    Forbidden,
    Failed,
}

/// <summary>Free/busy status as getSchedule reports it.</summary>
internal enum FreeBusyStatus
{
    Free,
    Tentative,
    Busy,
    OutOfOffice,
    WorkingElsewhere,
    Unknown,
}

/// <summary>One block of a schedule, in UTC. Graph's subject and location are never read.</summary>
internal sealed record ScheduleBlock(DateTimeOffset Start, DateTimeOffset End, FreeBusyStatus Status);

/// <summary>
/// One mailbox's answer from getSchedule, matched by its SMTP address. <see cref="ErrorCode"/> is Graph's
/// <c>responseCode</c> (such as ErrorMailRecipientNotFound) when this schedule could not be read; Graph's error
/// message is not kept, as it can name the person.
/// </summary>
internal sealed record MailboxSchedule(string ScheduleId, IReadOnlyList<ScheduleBlock> Blocks, MailboxHours? WorkingHours, string? ErrorCode = null);

/// <summary>A Teams meeting to create on an organizer's calendar. The transaction id makes a retried create safe.</summary>
internal sealed record NewCalendarEvent(
    string Subject,
    string BodyHtml,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<EventAttendee> Attendees,
    string TransactionId);

internal sealed record EventAttendee(string Email, string Name);

/// <summary>The created (or found again) event: its id, Teams join link and Outlook link.</summary>
internal sealed record CreatedEvent(string Id, string? JoinUrl, string? WebLink);
