using System.Globalization;

namespace MentorBot.Features.Booking;

/// <summary>
/// Graph's <c>dateTimeTimeZone</c>: a wall-clock time without an offset plus the zone it is in, which may be "UTC",
/// a Windows name ("Pacific Standard Time") or an IANA id.
/// </summary>
internal static class GraphDateTime
{
    /// <summary>The <c>dateTime</c> to send with <c>timeZone: "UTC"</c>.</summary>
    public static string FormatUtc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// The instant a Graph <c>dateTime</c> means in <paramref name="timeZone"/> (UTC when absent), or null when
    /// the text or the zone cannot be read. A time skipped by a daylight-saving change is read with the offset before
    /// the change (so it lands after the gap); a time that happens twice is read as the first of the two.
    /// </summary>
    public static DateTimeOffset? ToUtc(string? dateTime, string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(dateTime)
            || !DateTime.TryParse(dateTime, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var wall))
        {
            return null;
        }

        if (wall.Kind != DateTimeKind.Unspecified)
        {
            // The text carries its own offset ("Z" or "+02:00"); that wins over the zone.
            return DateTimeOffset.Parse(dateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
        }

        if (FindZone(timeZone) is not { } zone)
        {
            return null;
        }

        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        if (zone.IsInvalidTime(wall))
        {
            offset = zone.GetUtcOffset(wall.AddHours(-3));
        }

        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }

    /// <summary>The zone Graph names, or null for one this machine does not know (Graph's "Customized Time Zone").</summary>
    public static TimeZoneInfo? FindZone(string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone) || timeZone is "UTC" or "tzone://Microsoft/Utc" or "Coordinated Universal Time")
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : null;
    }
}
