using MentorBot.Graph;

namespace MentorBot.Tests.Booking;

public sealed class AvailabilityViewTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    public static TheoryData<string, int, string> Cases => new()
    {
        // view, window in minutes, expected blocks as "from-to:status" in minutes after 08:00
        { "0000", 60, string.Empty },
        { "2200", 60, "0-30:Busy" },
        { "0120", 60, "15-30:Tentative 30-45:Busy" },
        { "3333", 60, "0-60:OutOfOffice" },
        { "4002", 60, "0-15:WorkingElsewhere 45-60:Busy" },
        { "0220", 40, "15-40:Busy" },
        { "0002", 40, string.Empty },
        { "2", 10, "0-10:Busy" },
        { "09", 30, "15-30:Unknown" },
        { "", 60, string.Empty },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runs_of_a_digit_become_one_block_clipped_to_the_window(string view, int minutes, string expected)
    {
        var blocks = AvailabilityView.Decode(view, Start, Start.AddMinutes(minutes), Quarter);

        var described = string.Join(' ', blocks.Select(b => $"{(b.Start - Start).TotalMinutes}-{(b.End - Start).TotalMinutes}:{b.Status}"));
        Assert.Equal(expected, described);
    }

    [Fact]
    public void A_missing_view_is_no_blocks()
    {
        Assert.Empty(AvailabilityView.Decode(null, Start, Start.AddHours(1), Quarter));
    }

    [Theory]
    [InlineData("free", "Free")]
    [InlineData("tentative", "Tentative")]
    [InlineData("busy", "Busy")]
    [InlineData("oof", "OutOfOffice")]
    [InlineData("workingElsewhere", "WorkingElsewhere")]
    [InlineData("unknown", "Unknown")]
    [InlineData("somethingNew", "Unknown")]
    [InlineData(null, "Unknown")]
    public void Schedule_item_statuses_are_read_and_anything_new_is_unknown_never_free(string? status, string expected)
    {
        Assert.Equal(expected, AvailabilityView.Status(status).ToString());
    }
}
