using MentorBot.Features.Booking;

namespace MentorBot.Tests.Booking;

public sealed class IcsWriterTests
{
    [Fact]
    public void A_meeting_is_a_valid_icalendar_event_in_utc_with_escaped_text_and_folded_lines()
    {
        var start = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(-6));
        var meeting = new LocalEvent("e1", "megan-bowen", "alex-wilber", start, start.AddMinutes(30), "Mentoring: Megan Bowen, Alex; and a very long subject that goes on and on past seventy-five octets", "https://teams.microsoft.com/l/meetup-join/local-e1");

        var text = IcsWriter.Write(meeting, "Megan Bowen", "Alex Wilber", start);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261124T160000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261124T163000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Mentoring: Megan Bowen\\, Alex\\; and", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n ", text, StringComparison.Ordinal);
    }
}
