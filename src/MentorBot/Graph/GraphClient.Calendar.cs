using System.Net;
using System.Net.Http.Json;

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
        var start = Truncate(from);
        var body = new GetScheduleRequestDto
        {
            Schedules = [.. schedules],
            StartTime = DateTimeTimeZoneDto.Utc(start),
            EndTime = DateTimeTimeZoneDto.Utc(to),
            AvailabilityViewInterval = (int)ViewInterval.TotalMinutes,
        };
        using var response = await SendAsync(() => Post(UserPath(mailboxUserId, "calendar/getSchedule"), body), cancellationToken, mailboxUserId);
        await EnsureSuccessAsync(response, "read free/busy", cancellationToken);
        var page = await response.Content.ReadFromJsonAsync<GraphPage<ScheduleInformationDto>>(Json, cancellationToken);
        return [.. (page?.Value ?? []).Select(s => Schedule(s, start, to))];
    }

    /// <summary>Creates a Teams meeting on the organizer's calendar; the same transaction id returns the same event.</summary>
    /// <exception cref="GraphRequestException">Graph refused (after retries), for instance ErrorDuplicateTransactionId when
    /// the transaction id was used for a different event.</exception>
    public async Task<CreatedEvent> CreateEventAsync(string organizerUserId, NewCalendarEvent meeting, CancellationToken cancellationToken)
    {
        var body = new EventRequestDto
        {
            Subject = meeting.Subject,
            Body = new ItemBodyDto { Content = meeting.BodyHtml },
            Start = DateTimeTimeZoneDto.Utc(meeting.Start),
            End = DateTimeTimeZoneDto.Utc(meeting.End),
            Attendees = [.. meeting.Attendees.Select(a => new AttendeeDto { EmailAddress = new EmailAddressDto { Address = a.Email, Name = a.Name } })],
            IsOnlineMeeting = true,
            OnlineMeetingProvider = "teamsForBusiness",
            AllowNewTimeProposals = true,
            TransactionId = meeting.TransactionId,
        };

        // Retried on 429/503/504 and network failures: safe only because of the transactionId.
        using var response = await SendAsync(() => Post(UserPath(organizerUserId, "events"), body), cancellationToken, organizerUserId);
        await EnsureSuccessAsync(response, "create the meeting", cancellationToken);
        var created = await response.Content.ReadFromJsonAsync<EventDto>(Json, cancellationToken);
        return created?.Id is { Length: > 0 } id
            ? new CreatedEvent(id, created.OnlineMeeting?.JoinUrl, created.WebLink)
            : throw new GraphRequestException("Graph answered a meeting create without an event id.", response.StatusCode);
    }

    /// <summary>Moves an event: <see cref="GraphCallOutcome.Done"/>, or <see cref="GraphCallOutcome.NotFound"/> when it is gone.</summary>
    /// <exception cref="GraphRequestException">Graph refused (after retries).</exception>
    public async Task<GraphCallOutcome> MoveEventAsync(string organizerUserId, string eventId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var body = new EventRequestDto { Start = DateTimeTimeZoneDto.Utc(start), End = DateTimeTimeZoneDto.Utc(end) };
        using var response = await SendAsync(
            () =>
            {
                var request = Post(UserPath(organizerUserId, $"events/{Uri.EscapeDataString(eventId)}"), body);
                request.Method = HttpMethod.Patch;
                return request;
            },
            cancellationToken,
            organizerUserId);
        return await EventOutcomeAsync(response, "move the meeting", cancellationToken);
    }

    /// <summary>Deletes an event (Graph tells the attendees): <see cref="GraphCallOutcome.Done"/>, or NotFound when it is gone.</summary>
    /// <exception cref="GraphRequestException">Graph refused (after retries).</exception>
    public async Task<GraphCallOutcome> DeleteEventAsync(string organizerUserId, string eventId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => Request(HttpMethod.Delete, UserPath(organizerUserId, $"events/{Uri.EscapeDataString(eventId)}")), cancellationToken, organizerUserId);
        return await EventOutcomeAsync(response, "cancel the meeting", cancellationToken);
    }

    private static async Task<GraphCallOutcome> EventOutcomeAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return GraphCallOutcome.NotFound;
        }

        await EnsureSuccessAsync(response, what, cancellationToken);
        return GraphCallOutcome.Done;
    }

    private static MailboxSchedule Schedule(ScheduleInformationDto dto, DateTimeOffset start, DateTimeOffset end)
    {
        var id = dto.ScheduleId ?? string.Empty;
        if (dto.Error is { } error)
        {
            return new MailboxSchedule(id, [], null, error.ResponseCode ?? "Unknown");
        }

        var hours = dto.WorkingHours is null ? null : Hours(dto.WorkingHours, null);
        var items = dto.ScheduleItems ?? [];
        var blocks = items.Select(Block).ToList();
        if (items.Count > 0 && blocks.All(b => b is not null))
        {
            return new MailboxSchedule(id, [.. blocks.OfType<ScheduleBlock>().OrderBy(b => b.Start)], hours);
        }

        // No items (or items in a zone this machine cannot read): the availability view says the same at 15-minute grain.
        return dto.AvailabilityView is not null || dto.ScheduleItems is not null
            ? new MailboxSchedule(id, AvailabilityView.Decode(dto.AvailabilityView, start, end, ViewInterval), hours)
            : new MailboxSchedule(id, [], hours, "NoFreeBusy");
    }

    private static ScheduleBlock? Block(ScheduleItemDto item) =>
        GraphDateTime.ToUtc(item.Start?.Value, item.Start?.TimeZone) is { } start && GraphDateTime.ToUtc(item.End?.Value, item.End?.TimeZone) is { } end
            ? new ScheduleBlock(start, end, AvailabilityView.Status(item.Status))
            : null;

    private static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private Uri UserPath(string userId, string rest) => new(options.Value.BaseUrl, $"users/{Uri.EscapeDataString(userId)}/{rest}");

    /// <summary>A JSON request whose times come back in UTC.</summary>
    private HttpRequestMessage Post<T>(Uri uri, T body)
    {
        var request = Request(HttpMethod.Post, uri);
        request.Headers.TryAddWithoutValidation("Prefer", "outlook.timezone=\"UTC\"");
        request.Content = JsonContent.Create(body, options: Json);
        return request;
    }
}
