using MentorBot.Features.Privacy;

namespace MentorBot.Tests.Privacy;

public sealed class OutboxReferencesTests
{
    private static readonly HashSet<string> AlexRecords = new(StringComparer.Ordinal) { "m-001", "adhoc:alex-wilber:1763906400000", "m-001:2026-11-24", "note-7", "booking-3", "ondemand:abc" };

    [Theory]
    [InlineData("m-001:2026-11-24")] // a scheduled check-in period
    [InlineData("adhoc:alex-wilber:1763906400000")] // an ad-hoc period (its id names the person too)
    [InlineData("m-001")] // a calibration ask, intro or re-match request for a pairing with them
    [InlineData("m-001|2026-Q4")] // a quarterly review of that pairing
    [InlineData("m-001|2026-Q4|megan-bowen")] // the other person's shared review, sent to them
    [InlineData("note-7:3")] // a shared note, revision 3
    [InlineData("booking-3:2:booked")] // a booking update
    [InlineData("ondemand:abc")] // a coaching reminder
    [InlineData("m-099|alex-wilber|2")] // a calibration flag naming them
    public void References_to_their_records_or_naming_them_concern_them(string reference) =>
        Assert.True(OutboxReferences.Concerns(reference, AlexRecords, "alex-wilber"));

    [Theory]
    [InlineData("m-0011")]
    [InlineData("m-002:2026-11-24")]
    [InlineData("c-001:2026-11-02")]
    [InlineData("2026-11-23")]
    [InlineData("run-20261123-140000-abc123")]
    [InlineData("m-099|isaiah-langer|2")]
    [InlineData("note-77:1")]
    public void Other_references_do_not(string reference) =>
        Assert.False(OutboxReferences.Concerns(reference, AlexRecords, "alex-wilber"));
}
