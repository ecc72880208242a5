using System.Globalization;
using MentorBot.Features.Booking;

namespace MentorBot.Tests.Booking;

public sealed class GraphDateTimeTests
{
    public static TheoryData<string, string?, string> Cases => new()
    {
        // Graph's dateTime, its timeZone, the instant expected (UTC)
        { "2026-11-24T15:00:00.0000000", "UTC", "2026-11-24T15:00:00Z" },
        { "2026-11-24T15:00:00", null, "2026-11-24T15:00:00Z" },
        { "2026-11-24T15:00:00.0000000", "tzone://Microsoft/Utc", "2026-11-24T15:00:00Z" },
        { "2026-11-24T09:00:00.0000000", "Pacific Standard Time", "2026-11-24T17:00:00Z" },
        { "2026-07-14T09:00:00.0000000", "Pacific Standard Time", "2026-07-14T16:00:00Z" },
        { "2026-11-24T09:00:00.0000000", "America/Chicago", "2026-11-24T15:00:00Z" },
        { "2026-11-24T09:00:00.0000000", "W. Europe Standard Time", "2026-11-24T08:00:00Z" },
        { "2026-11-24T09:00:00.0000000", "India Standard Time", "2026-11-24T03:30:00Z" },

        // A text with its own offset keeps it, whatever the zone says.
        { "2026-11-24T09:00:00Z", "Pacific Standard Time", "2026-11-24T09:00:00Z" },
        { "2026-11-24T09:00:00+01:00", "UTC", "2026-11-24T08:00:00Z" },

        // Los Angeles springs forward 2027-03-14 02:00 → 03:00: 02:30 does not exist and lands after the gap (03:30 PDT).
        { "2027-03-14T02:30:00.0000000", "Pacific Standard Time", "2027-03-14T10:30:00Z" },

        // ... and falls back 2026-11-01 02:00 → 01:00: 01:30 happens twice; the first (PDT) is taken.
        { "2026-11-01T01:30:00.0000000", "Pacific Standard Time", "2026-11-01T08:30:00Z" },
        { "2026-11-01T00:59:00.0000000", "America/Los_Angeles", "2026-11-01T07:59:00Z" },
        { "2026-11-01T02:00:00.0000000", "America/Los_Angeles", "2026-11-01T10:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_wall_clock_time_in_a_named_zone_is_read_as_an_instant(string dateTime, string? timeZone, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), GraphDateTime.ToUtc(dateTime, timeZone));
    }

    [Theory]
    [InlineData("2026-11-24T09:00:00.0000000", "Customized Time Zone")]
    [InlineData("2026-11-24T09:00:00.0000000", "Mars/Olympus_Mons")]
    [InlineData("not a time", "UTC")]
    [InlineData("", "UTC")]
    [InlineData(null, "UTC")]
    public void A_time_or_zone_that_cannot_be_read_is_null_not_a_guess(string? dateTime, string timeZone)
    {
        Assert.Null(GraphDateTime.ToUtc(dateTime, timeZone));
    }

    [Fact]
    public void Times_are_sent_in_utc_to_the_second()
    {
        var instant = new DateTimeOffset(2026, 11, 24, 9, 15, 30, 500, TimeSpan.FromHours(-6));

        Assert.Equal("2026-11-24T15:15:30", GraphDateTime.FormatUtc(instant));
    }
}
