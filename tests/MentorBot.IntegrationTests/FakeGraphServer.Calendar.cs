using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The calendar side of the fake Graph: getSchedule and events, in Graph's documented JSON shapes.
/// <list type="bullet">
/// <item>Mailboxes are set up with <see cref="AddCalendar"/>; an address the fake does not know is answered, as Graph
/// does, with a schedule entry carrying <c>error</c> (ErrorMailRecipientNotFound).</item>
/// <item>Events honour <c>transactionId</c>: the same id with the same times returns the first event (201), the same
/// id with other times is refused with 400 ErrorDuplicateTransactionId. <see cref="EventsCreated"/> counts real
/// creations. Events show as busy for the organizer (and tentative for invited attendees) in later getSchedule calls.</item>
/// <item><see cref="FailNext"/> scripts faults per route (429 with Retry-After, 503, 504 after committing, ...).</item>
/// <item><see cref="TakeSlot"/> makes a slot busy between a proposal and the pick.</item>
/// </list>
/// </summary>
internal sealed partial class FakeGraphServer
{
    private readonly Lock _calendarGate = new();
    private readonly Dictionary<string, FakeCalendar> _calendars = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FakeEvent> _events = [];
    private readonly ConcurrentDictionary<FakeGraphRoute, ConcurrentQueue<FakeGraphFault>> _faults = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);
    private int _eventsCreated;

    /// <summary>Graph reads property names without regard to case: the SDK sends getSchedule's as PascalCase
    /// (<c>Schedules</c>, <c>StartTime</c>), as Graph's metadata names that action's parameters.</summary>
    public static JsonNodeOptions GraphJson { get; } = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Every calendar request, in the order they arrived, with bodies and the Prefer header.</summary>
    public ConcurrentQueue<FakeGraphRequest> CalendarRequests { get; } = new();

    /// <summary>Every successful calendar answer's JSON, in order.</summary>
    public ConcurrentQueue<string> CalendarAnswers { get; } = new();

    /// <summary>The most requests seen at once for one mailbox (the user id in the path).</summary>
    public ConcurrentDictionary<string, int> MaxInFlight { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long each calendar request takes, so that concurrent ones overlap.</summary>
    public TimeSpan CalendarLatency { get; set; }

    /// <summary>Events created for real (a replay by transactionId does not count).</summary>
    public int EventsCreated => Volatile.Read(ref _eventsCreated);

    /// <summary>The events on the fake's calendars now (cancelled ones are gone).</summary>
    public IReadOnlyList<FakeEvent> Events
    {
        get
        {
            lock (_calendarGate)
            {
                return [.. _events];
            }
        }
    }

    public FakeCalendar AddCalendar(string userId, string email)
    {
        var calendar = new FakeCalendar(userId, email);
        lock (_calendarGate)
        {
            _calendars[userId] = calendar;
            _calendars[email] = calendar;
        }

        return calendar;
    }

    /// <summary>The next <paramref name="times"/> calls to <paramref name="route"/> answer <paramref name="status"/>.
    /// With <paramref name="afterCommit"/>, an event create is carried out before the failure is answered (a gateway
    /// timeout after Graph saved the event).</summary>
    public void FailNext(FakeGraphRoute route, int status, int times = 1, string? retryAfter = null, bool afterCommit = false)
    {
        var queue = _faults.GetOrAdd(route, _ => new ConcurrentQueue<FakeGraphFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(new FakeGraphFault(status, retryAfter, afterCommit));
        }
    }

    /// <summary>Someone else books this time on the mailbox, as happens between a proposal and the pick.</summary>
    public void TakeSlot(string mailbox, DateTimeOffset start, DateTimeOffset end)
    {
        lock (_calendarGate)
        {
            _calendars[mailbox].Busy(start, end);
        }
    }

    public int Requests(FakeGraphRoute route) => CalendarRequests.Count(r => r.Route == route);

    private void MapCalendar(WebApplication app)
    {
        app.MapPost("/v1.0/users/{id}/calendar/getSchedule", (string id, HttpContext context) => HandleAsync(FakeGraphRoute.GetSchedule, id, context, GetSchedule));
        app.MapPost("/v1.0/users/{id}/events", (string id, HttpContext context) => HandleAsync(FakeGraphRoute.CreateEvent, id, context, CreateEvent));
        app.MapMethods("/v1.0/users/{id}/events/{eventId}", ["PATCH"], (string id, string eventId, HttpContext context) =>
            HandleAsync(FakeGraphRoute.MoveEvent, id, context, (calendar, body, prefer) => MoveEvent(calendar, eventId, body)));
        app.MapDelete("/v1.0/users/{id}/events/{eventId}", (string id, string eventId, HttpContext context) =>
            HandleAsync(FakeGraphRoute.DeleteEvent, id, context, (calendar, body, prefer) => DeleteEvent(calendar, eventId)));
    }

    private async Task<IResult> HandleAsync(FakeGraphRoute route, string id, HttpContext context, Func<FakeCalendar, JsonNode?, string?, IResult> handle)
    {
        var body = context.Request.ContentLength is > 0 || context.Request.ContentType is not null
            ? await new StreamReader(context.Request.Body).ReadToEndAsync()
            : null;
        var prefer = context.Request.Headers["Prefer"].ToString();
        var now = _inFlight.AddOrUpdate(id, 1, (_, n) => n + 1);
        MaxInFlight.AddOrUpdate(id, now, (_, max) => Math.Max(max, now));
        try
        {
            if (CalendarLatency > TimeSpan.Zero)
            {
                await Task.Delay(CalendarLatency);
            }

            var result = Answer(route, id, context, string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body, GraphJson), prefer.Length == 0 ? null : prefer, handle);
            CalendarRequests.Enqueue(new FakeGraphRequest(route, context.Request.Method, context.Request.Path, body, prefer.Length == 0 ? null : prefer, Status(result)));
            return result;
        }
        finally
        {
            _inFlight.AddOrUpdate(id, 0, (_, n) => n - 1);
        }
    }

    private IResult Answer(FakeGraphRoute route, string id, HttpContext context, JsonNode? body, string? prefer, Func<FakeCalendar, JsonNode?, string?, IResult> handle)
    {
        FakeCalendar? calendar;
        lock (_calendarGate)
        {
            calendar = _calendars.GetValueOrDefault(id);
        }

        if (calendar is null)
        {
            return Error(404, "ErrorInvalidUser", "The requested user is invalid.");
        }

        FakeGraphFault? fault = null;
        if (_faults.TryGetValue(route, out var queue) && queue.TryDequeue(out var next))
        {
            fault = next;
        }

        if (fault is { AfterCommit: false })
        {
            return Fault(context, fault);
        }

        var result = handle(calendar, body, prefer);
        return fault is null ? result : Fault(context, fault);
    }

    private static IResult Fault(HttpContext context, FakeGraphFault fault)
    {
        if (fault.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = fault.RetryAfter;
        }

        var code = fault.Status switch
        {
            429 => "TooManyRequests",
            503 => "ServiceUnavailable",
            504 => "GatewayTimeout",
            403 => "ErrorAccessDenied",
            _ => "InternalServerError",
        };
        return Error(fault.Status, code, "Scripted by the test.");
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Text(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), "application/json", statusCode: status);

    private IResult Json(JsonNode node, int status = 200)
    {
        var json = node.ToJsonString();
        CalendarAnswers.Enqueue(json);
        return Results.Text(json, "application/json", statusCode: status);
    }

    private static int Status(IResult result) => result is IStatusCodeHttpResult { StatusCode: { } status } ? status : 200;

    private static DateTimeOffset Instant(JsonNode? dateTimeTimeZone)
    {
        var text = (string)dateTimeTimeZone!["dateTime"]!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById((string?)dateTimeTimeZone["timeZone"] ?? "UTC");
        var wall = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }

    /// <summary>Graph's dateTimeTimeZone: the wall-clock time in <paramref name="zone"/>, named as Graph names it. A zone no
    /// machine knows ("Customized Time Zone") gets the UTC wall-clock time, which a client cannot tell.</summary>
    private static JsonObject DateTimeTimeZone(DateTimeOffset instant, string zone) => new()
    {
        ["dateTime"] = (TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var known) ? TimeZoneInfo.ConvertTime(instant, known) : instant.ToUniversalTime())
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        ["timeZone"] = zone,
    };
}
