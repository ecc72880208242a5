using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Kiota.Abstractions;

namespace MentorBot.Graph;

// The calendar calls: getSchedule (Calendars.Read) and events (Calendars.ReadWrite), all in UTC.
internal sealed partial class GraphClient
{
    /// <summary>getSchedule's slot length; also the precision of <see cref="AvailabilityView"/>.</summary>
    public static readonly TimeSpan ViewInterval = TimeSpan.FromMinutes(15);

    /// <summary>The longest getSchedule window MentorBot asks for (the limit Graph documents).</summary>
    public static readonly TimeSpan MaxScheduleWindow = TimeSpan.FromDays(42);

    public const int MaxSchedules = 20;

    /// <summary>
    /// Free/busy for up to 20 SMTP addresses over [from, to), read through <paramref name="mailboxUserId"/>'s calendar.
    /// A schedule Graph could not read comes back with <see cref="MailboxSchedule.ErrorCode"/>, not as a failure.
    /// </summary>
    /// <exception cref="GraphRequestException">Graph refused the whole call (after retries).</exception>
    public async Task<IReadOnlyList<MailboxSchedule>> GetScheduleAsync(string mailboxUserId, IReadOnlyList<string> schedules, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(schedules.Count, MaxSchedules);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(to, from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to - from, MaxScheduleWindow);

        // The window is sent to the second, and the availability view is read from the same start.
        var start = new DateTimeOffset(from.UtcTicks - (from.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var body = new GetSchedulePostRequestBody { Schedules = [.. schedules], StartTime = Utc(start), EndTime = Utc(to), AvailabilityViewInterval = (int)ViewInterval.TotalMinutes };
        var answer = await CallAsync(mailboxUserId, "read free/busy", cancellationToken, graph =>
            graph.Users[mailboxUserId].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(body, InUtc, cancellationToken));
        return [.. (answer?.Value ?? []).Select(s => Schedule(s, start, to))];
    }

    /// <summary>Creates a Teams meeting on the organizer's calendar; the same transaction id returns the same event, so
    /// the pipeline may retry it.</summary>
    /// <exception cref="GraphRequestException">Graph refused (after retries), for instance ErrorDuplicateTransactionId when
    /// the transaction id was used for a different event.</exception>
    public async Task<CreatedEvent> CreateEventAsync(string organizerUserId, NewCalendarEvent meeting, CancellationToken cancellationToken)
    {
        var body = new Event
        {
            Subject = meeting.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = meeting.BodyHtml },
            Start = Utc(meeting.Start),
            End = Utc(meeting.End),
            Attendees = [.. meeting.Attendees.Select(a => new Attendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Address = a.Email, Name = a.Name } })],
            IsOnlineMeeting = true,
            OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
            AllowNewTimeProposals = true,
            TransactionId = meeting.TransactionId,
        };
        var created = await CallAsync(organizerUserId, "create the meeting", cancellationToken, graph => graph.Users[organizerUserId].Events.PostAsync(body, InUtc, cancellationToken));
        return created?.Id is { Length: > 0 } id
            ? new CreatedEvent(id, created.OnlineMeeting?.JoinUrl, created.WebLink)
            : throw new GraphRequestException("Graph answered a meeting create without an event id.");
    }

    /// <summary>Moves an event: <see cref="GraphCallOutcome.Done"/>, or <see cref="GraphCallOutcome.NotFound"/> when it is gone.</summary>
    /// <exception cref="GraphRequestException">Graph refused (after retries).</exception>
    public Task<GraphCallOutcome> MoveEventAsync(string organizerUserId, string eventId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        EventOutcomeAsync(organizerUserId, "move the meeting", cancellationToken, graph =>
            graph.Users[organizerUserId].Events[eventId].PatchAsync(new Event { Start = Utc(start), End = Utc(end) }, InUtc, cancellationToken));

    /// <summary>Deletes an event (Graph tells the attendees): <see cref="GraphCallOutcome.Done"/>, or NotFound when it is gone.</summary>
    /// <exception cref="GraphRequestException">Graph refused (after retries).</exception>
    public Task<GraphCallOutcome> DeleteEventAsync(string organizerUserId, string eventId, CancellationToken cancellationToken) =>
        EventOutcomeAsync(organizerUserId, "cancel the meeting", cancellationToken, async graph =>
        {
            await graph.Users[organizerUserId].Events[eventId].DeleteAsync(cancellationToken: cancellationToken);
            return true;
        });

    private async Task<GraphCallOutcome> EventOutcomeAsync<T>(string organizerUserId, string what, CancellationToken cancellationToken, Func<GraphServiceClient, Task<T>> call)
    {
        try
        {
            await CallAsync(organizerUserId, what, cancellationToken, call);
            return GraphCallOutcome.Done;
        }
        catch (GraphRequestException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return GraphCallOutcome.NotFound;
        }
    }

    /// <summary>Times in answers come back in UTC.</summary>
    private static void InUtc(RequestConfiguration<DefaultQueryParameters> configuration) => configuration.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");

    private static DateTimeTimeZone Utc(DateTimeOffset instant) => new() { DateTime = GraphDateTime.FormatUtc(instant), TimeZone = "UTC" };

    private static MailboxSchedule Schedule(ScheduleInformation schedule, DateTimeOffset start, DateTimeOffset end)
    {
        var id = schedule.ScheduleId ?? string.Empty;
        if (schedule.Error is { } error)
        {
            return new MailboxSchedule(id, [], null, error.ResponseCode ?? "Unknown");
        }

        var hours = schedule.WorkingHours is null ? null : Hours(schedule.WorkingHours, null);
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
