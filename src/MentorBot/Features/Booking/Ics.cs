using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Booking;

/// <summary>Writes one meeting as an iCalendar (RFC 5545) file. Pure.</summary>
internal static class IcsWriter
{
    public static string Write(LocalEvent meeting, string organizerName, string attendeeName, DateTimeOffset stamp)
    {
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//MentorBot//Booking//EN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "BEGIN:VEVENT");
        Line(text, $"UID:{meeting.Id}@mentorbot");
        Line(text, $"DTSTAMP:{Utc(stamp)}");
        Line(text, $"DTSTART:{Utc(meeting.Start)}");
        Line(text, $"DTEND:{Utc(meeting.End)}");
        Line(text, $"SUMMARY:{Escape(meeting.Subject)}");
        Line(text, $"DESCRIPTION:{Escape($"Mentoring time for {organizerName} and {attendeeName}. Join: {meeting.JoinUrl}")}");
        Line(text, $"URL:{meeting.JoinUrl}");
        Line(text, "END:VEVENT");
        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .ReplaceLineEndings("\\n");

    /// <summary>Content lines end in CRLF and fold at 75 octets, continuing with a space.</summary>
    private static void Line(StringBuilder text, string line)
    {
        var bytes = 0;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1));
            if (bytes + size > 74)
            {
                text.Append(line, start, i - start).Append("\r\n ");
                start = i;
                bytes = 1;
            }

            bytes += size;
            if (char.IsHighSurrogate(line[i]))
            {
                i++;
            }
        }

        text.Append(line, start, line.Length - start).Append("\r\n");
    }
}

/// <summary>Download links for local-calendar meetings: the event id is a random 128-bit capability, like a meeting link.</summary>
internal sealed class IcsLinks(IOptions<BookingOptions> options, IServer server)
{
    public Uri? For(string eventId)
    {
        var root = options.Value.PublicBaseUrl
            ?? (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address && Uri.TryCreate(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var listening) ? listening : null);
        return root is null ? null : new Uri(root, $"/calendar/{Uri.EscapeDataString(eventId)}.ics");
    }
}

/// <summary>GET /calendar/{id}.ics for meetings in the local calendar.</summary>
internal static class IcsEndpoint
{
    public static async Task<IResult> HandleAsync(string file, LocalCalendar calendar, Map.MapDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var id = file.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ? file[..^4] : file;
        if (id.Length is 0 or > 64 || await calendar.FindEventAsync(id, cancellationToken) is not { } meeting)
        {
            return Results.NotFound();
        }

        var organizer = (await directory.FindByIdAsync(meeting.OrganizerId, cancellationToken))?.Name ?? "Mentor";
        var attendee = (await directory.FindByIdAsync(meeting.AttendeeId, cancellationToken))?.Name ?? "Mentee";
        var bytes = System.Text.Encoding.UTF8.GetBytes(IcsWriter.Write(meeting, organizer, attendee, time.GetUtcNow()));
        return Results.File(bytes, "text/calendar; charset=utf-8", "mentoring.ics");
    }
}
