using System.Text.Json.Serialization;

namespace MentorBot.Graph;

// Graph's calendar JSON shapes (getSchedule, events). They stay inside Graph/; the rest of MentorBot sees GraphModels.
internal sealed class DateTimeTimeZoneDto
{
    [JsonPropertyName("dateTime")]
    public string? Value { get; set; }

    public string? TimeZone { get; set; }

    public static DateTimeTimeZoneDto Utc(DateTimeOffset instant) => new() { Value = GraphDateTime.FormatUtc(instant), TimeZone = "UTC" };
}

internal sealed class GetScheduleRequestDto
{
    public List<string> Schedules { get; set; } = [];

    public DateTimeTimeZoneDto? StartTime { get; set; }

    public DateTimeTimeZoneDto? EndTime { get; set; }

    public int AvailabilityViewInterval { get; set; }
}

internal sealed class ScheduleInformationDto
{
    public string? ScheduleId { get; set; }

    public string? AvailabilityView { get; set; }

    public List<ScheduleItemDto>? ScheduleItems { get; set; }

    public WorkingHoursDto? WorkingHours { get; set; }

    public FreeBusyErrorDto? Error { get; set; }
}

// Deliberately without subject, location or isPrivate: MentorBot only needs when someone is busy.
internal sealed class ScheduleItemDto
{
    public string? Status { get; set; }

    public DateTimeTimeZoneDto? Start { get; set; }

    public DateTimeTimeZoneDto? End { get; set; }
}

internal sealed class FreeBusyErrorDto
{
    public string? ResponseCode { get; set; }
}

internal sealed class EventRequestDto
{
    public string? Subject { get; set; }

    public ItemBodyDto? Body { get; set; }

    public DateTimeTimeZoneDto? Start { get; set; }

    public DateTimeTimeZoneDto? End { get; set; }

    public List<AttendeeDto>? Attendees { get; set; }

    public bool? IsOnlineMeeting { get; set; }

    public string? OnlineMeetingProvider { get; set; }

    public bool? AllowNewTimeProposals { get; set; }

    public string? TransactionId { get; set; }
}

internal sealed class ItemBodyDto
{
    public string ContentType { get; set; } = "HTML";

    public string? Content { get; set; }
}

internal sealed class AttendeeDto
{
    public EmailAddressDto? EmailAddress { get; set; }

    public string Type { get; set; } = "required";
}

internal sealed class EmailAddressDto
{
    public string? Address { get; set; }

    public string? Name { get; set; }
}

internal sealed class EventDto
{
    public string? Id { get; set; }

    public string? WebLink { get; set; }

    public OnlineMeetingDto? OnlineMeeting { get; set; }
}

internal sealed class OnlineMeetingDto
{
    public string? JoinUrl { get; set; }
}

internal sealed class GraphErrorBodyDto
{
    public GraphErrorDto? Error { get; set; }
}

internal sealed class GraphErrorDto
{
    public string? Code { get; set; }
}
