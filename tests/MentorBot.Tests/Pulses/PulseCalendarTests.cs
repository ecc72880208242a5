using MentorBot.Features.Map.Demo;
using MentorBot.Features.Pulses;

namespace MentorBot.Tests.Pulses;

public sealed class PulseCalendarTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 31, 15, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, int?, string?> Cases => new()
    {
        // schedule, now, expected run, expected opening (UTC)
        { PulseSchedule.Monthly, "2027-01-31T14:59:00Z", null, null },
        { PulseSchedule.Monthly, "2027-01-31T15:00:00Z", 1, "2027-01-31T15:00:00Z" },
        { PulseSchedule.Monthly, "2027-02-28T14:59:00Z", 1, "2027-01-31T15:00:00Z" },
        { PulseSchedule.Monthly, "2027-02-28T15:00:00Z", 2, "2027-02-28T15:00:00Z" },
        { PulseSchedule.Monthly, "2027-03-30T00:00:00Z", 2, "2027-02-28T15:00:00Z" },
        { PulseSchedule.Monthly, "2027-03-31T15:00:00Z", 3, "2027-03-31T15:00:00Z" },
        { PulseSchedule.Monthly, "2028-02-29T15:00:00Z", 14, "2028-02-29T15:00:00Z" },
        { PulseSchedule.Quarterly, "2027-04-30T15:00:00Z", 2, "2027-04-30T15:00:00Z" },
        { PulseSchedule.Quarterly, "2027-07-30T00:00:00Z", 2, "2027-04-30T15:00:00Z" },
        { PulseSchedule.Quarterly, "2027-07-31T15:00:00Z", 3, "2027-07-31T15:00:00Z" },
        { PulseSchedule.Once, "2029-01-01T00:00:00Z", 1, "2027-01-31T15:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runs_open_at_the_start_and_every_month_or_quarter_after_it(string schedule, string now, int? seq, string? opens)
    {
        var current = PulseCalendar.Current(schedule, Start, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(seq, current?.Seq);
        Assert.Equal(opens is null ? null : DateTimeOffset.Parse(opens, System.Globalization.CultureInfo.InvariantCulture), current?.OpensAt);
    }

    [Fact]
    public void The_next_run_follows_the_schedule()
    {
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 15, 0, 0, TimeSpan.Zero), PulseCalendar.Next(PulseSchedule.Monthly, Start, 1));
        Assert.Equal(new DateTimeOffset(2027, 7, 31, 15, 0, 0, TimeSpan.Zero), PulseCalendar.Next(PulseSchedule.Quarterly, Start, 2));
        Assert.Null(PulseCalendar.Next(PulseSchedule.Once, Start, 1));
    }

    [Theory]
    [InlineData(PulseAudienceKind.Unit, "medical-ward-3", 13)]
    [InlineData(PulseAudienceKind.Circle, "c-001", 8)]
    [InlineData(PulseAudienceKind.Level, "director", 2)]
    [InlineData(PulseAudienceKind.Programme, null, 52)]
    [InlineData(PulseAudienceKind.Unit, "no-such-unit", 0)]
    public void The_audience_comes_from_the_map(string kind, string? id, int people) =>
        Assert.Equal(people, PulseCalendar.Audience(DemoMap.Load(new DateOnly(2026, 11, 23)), new PulseAudience(kind, id)).Count);
}
