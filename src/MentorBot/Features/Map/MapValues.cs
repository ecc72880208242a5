using System.Globalization;
using System.Text.RegularExpressions;

namespace MentorBot.Features.Map;

/// <summary>Pure parsing of the small value types a map file holds.</summary>
internal static partial class MapValues
{
    public static bool TryLevel(string? value, out Level level) => Enum.TryParse(value, ignoreCase: true, out level) && Enum.IsDefined(level) && !int.TryParse(value, out _);

    public static bool TryKind(string? value, out MentorshipKind kind)
    {
        kind = value?.ToLowerInvariant() switch
        {
            "lane" => MentorshipKind.Lane,
            "peer" => MentorshipKind.Peer,
            "reverse" => MentorshipKind.Reverse,
            "onboarding-buddy" or "buddy" => MentorshipKind.OnboardingBuddy,
            _ => (MentorshipKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    public static string KindName(MentorshipKind kind) => kind switch
    {
        MentorshipKind.OnboardingBuddy => "onboarding-buddy",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static bool TryStatus(string? value, out MentorshipStatus status) =>
        Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(value, out _);

    public static bool TryFrequency(string? value, out CadenceFrequency every) =>
        Enum.TryParse(value, ignoreCase: true, out every) && Enum.IsDefined(every) && !int.TryParse(value, out _);

    public static bool TryDay(string? value, out DayOfWeek day)
    {
        var found = value?.Trim().ToLowerInvariant() switch
        {
            "mon" or "monday" => DayOfWeek.Monday,
            "tue" or "tues" or "tuesday" => DayOfWeek.Tuesday,
            "wed" or "wednesday" => DayOfWeek.Wednesday,
            "thu" or "thurs" or "thursday" => DayOfWeek.Thursday,
            "fri" or "friday" => DayOfWeek.Friday,
            "sat" or "saturday" => DayOfWeek.Saturday,
            "sun" or "sunday" => DayOfWeek.Sunday,
            _ => (DayOfWeek?)null,
        };
        day = found ?? default;
        return found is not null;
    }

    public static string DayName(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();

    public static bool TryTime(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string TimeText(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static bool TryDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool IsTimeZone(string? value) =>
        !string.IsNullOrWhiteSpace(value) && TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone) && zone.HasIanaId;

    public static bool IsId(string? value) => value is { Length: > 0 and <= 100 } && IdPattern().IsMatch(value);

    /// <summary>
    /// Entra object ids are GUIDs in Teams; the Agents Playground's default users have longer, GUID-like ids, so the
    /// check is on shape, not on GUID syntax.
    /// </summary>
    public static bool IsObjectId(string? value) => value is { Length: > 0 and <= 64 } && ObjectIdPattern().IsMatch(value);

    public static bool IsEmail(string? value) => value is { Length: <= 254 } && EmailPattern().IsMatch(value);

    public static bool IsLocale(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 20)
        {
            return false;
        }

        try
        {
            return !CultureInfo.GetCultureInfo(value, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex ObjectIdPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
