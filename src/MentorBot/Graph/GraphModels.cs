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
