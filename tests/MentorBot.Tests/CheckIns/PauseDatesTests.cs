using MentorBot.Features.CheckIns;

namespace MentorBot.Tests.CheckIns;

public sealed class PauseDatesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("2026-12-31", "2026-12-31")]
    [InlineData("12/31/2026", "2026-12-31")]
    [InlineData("Dec 31", "2026-12-31")]
    [InlineData("December 31", "2026-12-31")]
    [InlineData("31 Dec", "2026-12-31")]
    [InlineData("dec 31, 2027", "2027-12-31")]
    [InlineData("Jan 5", "2027-01-05")]
    [InlineData("Nov 23", "2027-11-23")]
    public void Dates_people_type_are_read(string text, string expected)
    {
        Assert.True(PauseDates.TryRead(text, Today, out var date));
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("2026-13-40")]
    [InlineData("next tuesday")]
    public void Anything_else_is_not_a_date(string text) => Assert.False(PauseDates.TryRead(text, Today, out _));
}
