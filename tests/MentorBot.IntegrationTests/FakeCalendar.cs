namespace MentorBot.IntegrationTests;

/// <summary>The fake Graph routes whose answers a test can script.</summary>
internal enum FakeGraphRoute
{
    GetSchedule,
    CreateEvent,
    MoveEvent,
    DeleteEvent,
}

/// <summary>
/// One mailbox in <see cref="FakeGraphServer"/>: busy items (UTC), working hours in a named zone (Windows or IANA, as
/// Graph reports it), and switches for the shapes Graph may answer in.
/// </summary>
internal sealed class FakeCalendar(string userId, string email)
{
    public string UserId { get; } = userId;

    public string Email { get; } = email;

    /// <summary>Items set by the test (the fake's own events are added on top).</summary>
    public List<FakeBusyItem> Items { get; } = [];

    /// <summary>The zone working hours are reported in: "Pacific Standard Time", "Europe/Madrid", "UTC".</summary>
    public string WorkingHoursZone { get; set; } = "UTC";

    public string WorkingHoursStart { get; set; } = "08:00:00.0000000";

    public string WorkingHoursEnd { get; set; } = "17:00:00.0000000";

    public string[] WorkingDays { get; set; } = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    /// <summary>Answer only <c>availabilityView</c>, without <c>scheduleItems</c> (as for calendars shared free/busy only).</summary>
    public bool AvailabilityViewOnly { get; set; }

    /// <summary>Report scheduleItems in this zone whatever the Prefer header asks (a proxy that drops the header).</summary>
    public string? ItemsTimeZone { get; set; }

    public FakeCalendar Busy(DateTimeOffset start, DateTimeOffset end, string status = "busy")
    {
        lock (Items)
        {
            Items.Add(new FakeBusyItem(start.ToUniversalTime(), end.ToUniversalTime(), status));
        }

        return this;
    }

    public FakeCalendar WorkingHours(string zone, string start = "08:00:00.0000000", string end = "17:00:00.0000000")
    {
        (WorkingHoursZone, WorkingHoursStart, WorkingHoursEnd) = (zone, start, end);
        return this;
    }
}

/// <summary>A block on a fake calendar; status is Graph's word (free, tentative, busy, oof, workingElsewhere, unknown).</summary>
internal sealed record FakeBusyItem(DateTimeOffset Start, DateTimeOffset End, string Status);

/// <summary>An event the fake created, as the organizer's calendar holds it (times in UTC).</summary>
internal sealed class FakeEvent
{
    public required string Id { get; init; }

    public required string OrganizerEmail { get; init; }

    public required string Subject { get; init; }

    public required string BodyHtml { get; init; }

    public required IReadOnlyList<string> Attendees { get; init; }

    public required string? TransactionId { get; init; }

    public required bool IsOnlineMeeting { get; init; }

    public required string? OnlineMeetingProvider { get; init; }

    public required bool AllowNewTimeProposals { get; init; }

    public required string JoinUrl { get; init; }

    public required string WebLink { get; init; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }
}

/// <summary>One calendar request as the fake received it, with its body and Prefer header.</summary>
internal sealed record FakeGraphRequest(FakeGraphRoute Route, string Method, string Path, string? Body, string? Prefer, int Status);

internal sealed record FakeGraphFault(int Status, string? RetryAfter, bool AfterCommit);
