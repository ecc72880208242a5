using System.Net;
using System.Text.Json;
using MentorBot.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using FreeBusyStatus = MentorBot.Graph.FreeBusyStatus;

namespace MentorBot.Features.Booking;

/// <summary>
/// Mentoring time on Microsoft 365 calendars through the Graph SDK: getSchedule (Calendars.Read) and events
/// (Calendars.ReadWrite), all in UTC. Free/busy is read through the first person's mailbox
/// (the organizer's) for everyone at once; a calendar Graph cannot read marks that person only. Meetings are Teams
/// meetings on the organizer's calendar with the attendee invited. Graph's refusals, outages and timeouts (after the
/// client's retries) become <c>Failed</c> outcomes; only the caller's own cancellation escapes as an exception, and
/// a caller's bug (a window over 42 days, more than 20 people, an end before the start) throws.
/// </summary>
internal sealed partial class GraphCalendarProvider(GraphClient graph, ILogger<GraphCalendarProvider> logger) : ICalendarProvider
{
    /// <summary>What a person is told about a calendar MentorBot could not read; it never repeats Graph's text.</summary>
    public const string UnreadableCalendar = "MentorBot could not read this calendar";

    public string Name => "Microsoft 365";

    public bool OffersIcs => false;

    public async Task<AvailabilityOutcome> GetAvailabilityAsync(IReadOnlyList<CalendarPerson> people, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var emails = people.Select(p => p.Email).OfType<string>().Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var mailbox = people.Select(Mailbox).FirstOrDefault(m => m is not null);
        if (emails.Count == 0 || mailbox is null)
        {
            Log.NoMailboxes(logger, people.Count);
            return new AvailabilityOutcome.Read([.. people.Select(p => Unreadable(p.PersonId))]);
        }

        var (body, start) = GraphFreeBusy.Request(emails, from, to);
        IReadOnlyList<MailboxSchedule> schedules;
        try
        {
            var answer = await graph.CallAsync(mailbox, "read free/busy", cancellationToken, client =>
                client.Users[mailbox].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(body, InUtc, cancellationToken));
            schedules = [.. (answer?.Value ?? []).Select(s => GraphFreeBusy.Read(s, start, to))];
        }
        catch (Exception ex) when (Reason(ex, cancellationToken) is { } reason)
        {
            Log.ReadFailed(logger, Status(ex), Code(ex));
            return new AvailabilityOutcome.Failed(reason);
        }

        var byAddress = schedules.GroupBy(s => s.ScheduleId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return new AvailabilityOutcome.Read([.. people.Select(p => ToAvailability(p, byAddress))]);
    }

    public async Task<EventOutcome> CreateAsync(MeetingDraft draft, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(draft.End, draft.Start);
        if (Mailbox(draft.Organizer) is not { } organizer)
        {
            return new EventOutcome.Failed("The organizer has no Microsoft 365 mailbox that MentorBot knows of.");
        }

        if (string.IsNullOrWhiteSpace(draft.Attendee.Email))
        {
            return new EventOutcome.Failed("The attendee has no email address, so they cannot be invited.");
        }

        // The transaction id makes a retried create answer the same event, so the pipeline may send it twice.
        var meeting = new Event
        {
            Subject = draft.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = Body(draft.Organizer.Name, draft.Attendee.Name) },
            Start = GraphFreeBusy.Utc(draft.Start),
            End = GraphFreeBusy.Utc(draft.End),
            Attendees = [new Attendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Address = draft.Attendee.Email, Name = draft.Attendee.Name } }],
            IsOnlineMeeting = true,
            OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
            AllowNewTimeProposals = true,
            TransactionId = draft.TransactionId,
        };
        try
        {
            var created = await graph.CallAsync(organizer, "create the meeting", cancellationToken, client => client.Users[organizer].Events.PostAsync(meeting, InUtc, cancellationToken));
            if (created?.Id is not { Length: > 0 } id)
            {
                throw new GraphRequestException("Graph answered a meeting create without an event id.");
            }

            Log.Created(logger);
            return new EventOutcome.Created(id, created.OnlineMeeting?.JoinUrl, created.WebLink);
        }
        catch (Exception ex) when (Reason(ex, cancellationToken) is { } reason)
        {
            Log.WriteFailed(logger, "create", Status(ex), Code(ex));
            return new EventOutcome.Failed(reason);
        }
    }

    public Task<EventOutcome> MoveAsync(CalendarPerson organizer, string eventId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        var moved = new Event { Start = GraphFreeBusy.Utc(start), End = GraphFreeBusy.Utc(end) };
        return ChangeAsync("move", organizer, (client, mailbox) => client.Users[mailbox].Events[eventId].PatchAsync(moved, InUtc, cancellationToken), cancellationToken);
    }

    /// <summary>Deletes the event; Graph tells the attendees.</summary>
    public Task<EventOutcome> CancelAsync(CalendarPerson organizer, string eventId, CancellationToken cancellationToken) =>
        ChangeAsync("cancel", organizer, async (client, mailbox) =>
        {
            await client.Users[mailbox].Events[eventId].DeleteAsync(cancellationToken: cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>A change to an existing event: done, gone (404), or failed with a reason.</summary>
    private async Task<EventOutcome> ChangeAsync<T>(string what, CalendarPerson organizer, Func<Microsoft.Graph.GraphServiceClient, string, Task<T>> change, CancellationToken cancellationToken)
    {
        if (Mailbox(organizer) is not { } mailbox)
        {
            return new EventOutcome.Failed("The organizer has no Microsoft 365 mailbox that MentorBot knows of.");
        }

        try
        {
            await graph.CallAsync(mailbox, what + " the meeting", cancellationToken, client => change(client, mailbox));
            return new EventOutcome.Done();
        }
        catch (GraphRequestException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return new EventOutcome.Gone();
        }
        catch (Exception ex) when (Reason(ex, cancellationToken) is { } reason)
        {
            Log.WriteFailed(logger, what, Status(ex), Code(ex));
            return new EventOutcome.Failed(reason);
        }
    }

    /// <summary>Times in answers come back in UTC.</summary>
    private static void InUtc(RequestConfiguration<DefaultQueryParameters> configuration) => configuration.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");

    /// <summary>The invitation's text: names only, never what the mentoring is about.</summary>
    private static string Body(string organizer, string attendee) =>
        $"<p>Mentoring time for {WebUtility.HtmlEncode(organizer)} and {WebUtility.HtmlEncode(attendee)}, booked with MentorBot.</p>";

    /// <summary>The directory id when known (it survives a renamed address), else the address.</summary>
    private static string? Mailbox(CalendarPerson person) =>
        !string.IsNullOrWhiteSpace(person.AadObjectId) ? person.AadObjectId : !string.IsNullOrWhiteSpace(person.Email) ? person.Email : null;

    private Availability ToAvailability(CalendarPerson person, Dictionary<string, MailboxSchedule> byAddress)
    {
        if (string.IsNullOrWhiteSpace(person.Email) || !byAddress.TryGetValue(person.Email, out var schedule))
        {
            return Unreadable(person.PersonId);
        }

        if (schedule.ErrorCode is { } code)
        {
            Log.ScheduleUnreadable(logger, code);
            return Unreadable(person.PersonId);
        }

        var busy = schedule.Blocks.Where(b => b.Status != FreeBusyStatus.Free && b.End > b.Start).Select(ToBusy).ToList();
        return new Availability(person.PersonId, busy, WorkingHours(schedule.WorkingHours));
    }

    private static Availability Unreadable(string personId) => new(personId, [], null, UnreadableCalendar);

    /// <summary>Unknown status counts as busy: a slot MentorBot cannot vouch for is not offered.</summary>
    private static BusyBlock ToBusy(ScheduleBlock block) => new(block.Start, block.End, block.Status switch
    {
        FreeBusyStatus.Tentative => BusyKind.Tentative,
        FreeBusyStatus.OutOfOffice => BusyKind.OutOfOffice,
        FreeBusyStatus.WorkingElsewhere => BusyKind.WorkingElsewhere,
        _ => BusyKind.Busy,
    });

    /// <summary>Only complete working hours in a zone MentorBot can name (IANA) are passed on.</summary>
    private static CalendarWorkingHours? WorkingHours(MailboxHours? hours) =>
        hours is { IanaTimeZone: { } zone, Start: { } start, End: { } end } && hours.Days.Count > 0
            ? new CalendarWorkingHours(zone, hours.Days, start, end)
            : null;

    /// <summary>Why Graph could not be used, in words fit for a person; null for the caller's own cancellation and bugs.</summary>
    private static string? Reason(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        GraphRequestException { Code: "ErrorDuplicateTransactionId" } => "Microsoft 365 refused: this booking's transaction id was already used for a different meeting.",
        GraphRequestException { Status: HttpStatusCode.Unauthorized } => "Microsoft 365 did not accept MentorBot's sign-in (401); check the Graph credentials.",
        GraphRequestException { Status: HttpStatusCode.Forbidden } => "Microsoft 365 refused access to the calendar (403); check the Calendars permissions and the Exchange access policy.",
        GraphRequestException { Status: HttpStatusCode.NotFound } => "Microsoft 365 does not know this mailbox (404).",
        GraphRequestException { Status: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } e =>
            $"Microsoft 365 is busy ({(int)e.Status!}) and still refused after retries; try again later.",
        GraphRequestException { Status: { } status } => $"Microsoft 365 answered {(int)status} {status}.",
        GraphRequestException => "Microsoft 365 answered with something MentorBot could not use.",
        HttpRequestException => "Microsoft 365 could not be reached.",
        OperationCanceledException or TimeoutException when !cancellationToken.IsCancellationRequested => "Microsoft 365 did not answer in time.",
        JsonException => "Microsoft 365 answered with something MentorBot could not read.",
        _ => null,
    };

    private static int Status(Exception ex) => ex is GraphRequestException { Status: { } status } ? (int)status : 0;

    private static string Code(Exception ex) => ex is GraphRequestException { Code: { } code } ? code : ex.GetType().Name;

    private static partial class Log
    {
        [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Free/busy could not be read from Graph (status {Status}, {Code}).")]
        public static partial void ReadFailed(ILogger logger, int status, string code);

        [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Graph could not read one calendar ({Code}); that person is marked unreadable.")]
        public static partial void ScheduleUnreadable(ILogger logger, string code);

        [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "None of the {Count} people has a mailbox address; free/busy was not asked for.")]
        public static partial void NoMailboxes(ILogger logger, int count);

        [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "A Teams meeting was created (or found again by its transaction id).")]
        public static partial void Created(ILogger logger);

        [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Graph could not {Operation} a meeting (status {Status}, {Code}).")]
        public static partial void WriteFailed(ILogger logger, string operation, int status, string code);
    }
}
