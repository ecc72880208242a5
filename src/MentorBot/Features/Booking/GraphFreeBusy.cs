using MentorBot.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;

namespace MentorBot.Features.Booking;

/// <summary>
/// getSchedule in MentorBot's terms: the request for a window, and each answered schedule read as busy blocks and
/// working hours. Pure: no I/O and no clock.
/// </summary>
internal static class GraphFreeBusy
{
    /// <summary>getSchedule's slot length; also the precision of <see cref="AvailabilityView"/>.</summary>
    public static readonly TimeSpan ViewInterval = TimeSpan.FromMinutes(15);

    /// <summary>The longest getSchedule window MentorBot asks for (the limit Graph documents).</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(42);

    public const int MaxSchedules = 20;

    /// <summary>The request for up to 20 addresses over [from, to), sent to the second, and the start the answer is read from.</summary>
    public static (GetSchedulePostRequestBody Body, DateTimeOffset Start) Request(IReadOnlyList<string> schedules, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(schedules.Count, MaxSchedules);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(to, from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to - from, MaxWindow);
        var start = new DateTimeOffset(from.UtcTicks - (from.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return (new GetSchedulePostRequestBody { Schedules = [.. schedules], StartTime = Utc(start), EndTime = Utc(to), AvailabilityViewInterval = (int)ViewInterval.TotalMinutes }, start);
    }

    /// <summary>Graph's <c>dateTimeTimeZone</c> for an instant, in UTC.</summary>
    public static DateTimeTimeZone Utc(DateTimeOffset instant) => new() { DateTime = GraphDateTime.FormatUtc(instant), TimeZone = "UTC" };

    /// <summary>
    /// One answered schedule over [start, end). A schedule Graph could not read comes back with its
    /// <c>responseCode</c> (such as ErrorMailRecipientNotFound) and no blocks; Graph's message is not kept, as it can
    /// name the person.
    /// </summary>
    public static MailboxSchedule Read(ScheduleInformation schedule, DateTimeOffset start, DateTimeOffset end)
    {
        var id = schedule.ScheduleId ?? string.Empty;
        if (schedule.Error is { } error)
        {
            return new MailboxSchedule(id, [], null, error.ResponseCode ?? "Unknown");
        }

        var hours = schedule.WorkingHours is null ? null : MailboxHours.From(schedule.WorkingHours, null);
        var items = schedule.ScheduleItems ?? [];
        var blocks = items.Select(Block).ToList();
        if (items.Count > 0 && blocks.All(b => b is not null))
        {
            return new MailboxSchedule(id, [.. blocks.OfType<ScheduleBlock>().OrderBy(b => b.Start)], hours);
        }

        // No items (or items in a zone this machine cannot read): the availability view says the same at 15-minute grain.
        return schedule.AvailabilityView is not null || schedule.ScheduleItems is not null
            ? new MailboxSchedule(id, AvailabilityView.Decode(schedule.AvailabilityView, start, end, ViewInterval), hours)
            : new MailboxSchedule(id, [], hours, "NoFreeBusy");
    }

    private static ScheduleBlock? Block(ScheduleItem item) =>
        GraphDateTime.ToUtc(item.Start?.DateTime, item.Start?.TimeZone) is { } start && GraphDateTime.ToUtc(item.End?.DateTime, item.End?.TimeZone) is { } end
            ? new ScheduleBlock(start, end, AvailabilityView.Status(item.Status?.ToString()))
            : null;
}

/// <summary>One mailbox's free/busy, matched by its SMTP address; <see cref="ErrorCode"/> when Graph could not read it.</summary>
internal sealed record MailboxSchedule(string ScheduleId, IReadOnlyList<ScheduleBlock> Blocks, MailboxHours? WorkingHours, string? ErrorCode = null);
