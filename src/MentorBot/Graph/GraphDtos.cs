using System.Text.Json.Serialization;

namespace MentorBot.Graph;

// Graph's JSON shapes. They stay inside Graph/; the rest of MentorBot sees GraphModels.
internal sealed class GraphPage<T>
{
    [JsonPropertyName("value")]
    public List<T>? Value { get; set; }

    [JsonPropertyName("@odata.nextLink")]
    public string? NextLink { get; set; }
}

internal sealed class GraphUserDto
{
    public string? Id { get; set; }

    public string? DisplayName { get; set; }

    public string? Mail { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? Department { get; set; }

    public string? JobTitle { get; set; }

    public bool? AccountEnabled { get; set; }

    public GraphUserDto? Manager { get; set; }
}

internal sealed class MailboxSettingsDto
{
    public string? TimeZone { get; set; }

    public WorkingHoursDto? WorkingHours { get; set; }
}

internal sealed class WorkingHoursDto
{
    public List<string>? DaysOfWeek { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public TimeZoneDto? TimeZone { get; set; }
}

internal sealed class TimeZoneDto
{
    public string? Name { get; set; }
}
