namespace MentorBot.Features.Booking;

/// <summary>Where a booking is in its life.</summary>
internal static class BookingStatus
{
    /// <summary>Times were proposed; nobody has picked one yet.</summary>
    public const string Proposed = "proposed";

    /// <summary>A time was picked and an instance is creating the meeting (under a lease).</summary>
    public const string Booking = "booking";

    public const string Booked = "booked";

    /// <summary>A booked meeting is being moved to a new time (under a lease).</summary>
    public const string Moving = "moving";

    /// <summary>Creating the meeting failed; nothing was booked and the same time can be tried again.</summary>
    public const string Failed = "failed";

    public const string Cancelled = "cancelled";
}

/// <summary>What asked for the booking, for the digest's counts.</summary>
internal static class BookingSource
{
    public const string Command = "command";
    public const string CheckIn = "check-in";
    public const string Coaching = "coaching";
    public const string Calibration = "calibration";

    public static string Normalise(string? source) => source is CheckIn or Coaching or Calibration ? source : Command;
}

/// <summary>One booking between a mentor and a mentee.</summary>
internal sealed record Booking(
    string Id,
    string MentorshipId,
    string MentorId,
    string MenteeId,
    string RequesterId,
    string Source,
    int Minutes,
    string Status,
    IReadOnlyList<Slot> Proposals,
    Slot? Slot,
    string? TransactionId,
    string? EventId,
    string? JoinUrl,
    string Provider,
    DateTimeOffset? LeaseUntil,
    string? Problem,
    string? CardHandle,
    long Revision,
    DateTimeOffset CreatedAt)
{
    public bool Involves(string personId) => MentorId == personId || MenteeId == personId;

    public string OtherThan(string personId) => personId == MentorId ? MenteeId : MentorId;

    /// <summary>The calendar's idempotency key: fixed per booking, so a retry finds the meeting instead of making another.</summary>
    public static string TransactionIdFor(string bookingId) => $"mentorbot-{bookingId}";
}
