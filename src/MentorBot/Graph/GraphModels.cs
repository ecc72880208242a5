using Microsoft.Graph.Models;

namespace MentorBot.Graph;

/// <summary>A user's time zone (IANA) and working hours, from mailbox settings or a getSchedule answer.</summary>
internal sealed record MailboxHours(string? IanaTimeZone, IReadOnlyList<DayOfWeek> Days, TimeOnly? Start, TimeOnly? End)
{
    /// <summary>Graph's working hours, in the zone they name or else <paramref name="fallbackZone"/>.</summary>
    public static MailboxHours From(WorkingHours? hours, string? fallbackZone) => new(
        ToIana(hours?.TimeZone?.Name) ?? ToIana(fallbackZone),
        [.. (hours?.DaysOfWeek ?? []).Select(d => Enum.TryParse<DayOfWeek>(d?.ToString(), ignoreCase: true, out var day) ? (DayOfWeek?)day : null).OfType<DayOfWeek>()],
        hours?.StartTime is { } start ? (TimeOnly)start : null,
        hours?.EndTime is { } end ? (TimeOnly)end : null);

    /// <summary>Graph reports some zones by Windows name ("Pacific Standard Time"); MentorBot keeps IANA ids.</summary>
    internal static string? ToIana(string? zone) =>
        string.IsNullOrWhiteSpace(zone) ? null
        : TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) && found.HasIanaId ? found.Id
        : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone, out var iana) ? iana : null;
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
