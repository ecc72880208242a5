using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace MentorBot.IntegrationTests;

// getSchedule: scheduleInformation per requested address, as learn.microsoft.com/graph/api/calendar-getschedule shows it.
internal sealed partial class FakeGraphServer
{
    private IResult GetSchedule(FakeCalendar caller, JsonNode? body, string? prefer)
    {
        var start = Instant(body!["startTime"]);
        var end = Instant(body["endTime"]);
        var interval = TimeSpan.FromMinutes((int?)body["availabilityViewInterval"] ?? 30);
        var preferred = prefer is not null && PreferZone().Match(prefer) is { Success: true } match ? match.Groups["zone"].Value : null;
        var value = new JsonArray();
        foreach (var address in body["schedules"]!.AsArray().Select(n => (string)n!))
        {
            FakeCalendar? calendar;
            lock (_calendarGate)
            {
                calendar = _calendars.GetValueOrDefault(address);
            }

            value.Add(calendar is null ? UnknownSchedule(address) : Schedule(calendar, address, start, end, interval, preferred));
        }

        return Json(new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)", ["value"] = value });
    }

    private static JsonObject UnknownSchedule(string address) => new()
    {
        ["scheduleId"] = address,
        ["availabilityView"] = string.Empty,
        ["scheduleItems"] = new JsonArray(),
        ["error"] = new JsonObject { ["message"] = $"The user {address} could not be found.", ["responseCode"] = "ErrorMailRecipientNotFound" },
    };

    private JsonObject Schedule(FakeCalendar calendar, string address, DateTimeOffset start, DateTimeOffset end, TimeSpan interval, string? preferredZone)
    {
        var items = BusyItems(calendar).Where(i => i.End > start && i.Start < end).OrderBy(i => i.Start).ToList();
        var zone = calendar.ItemsTimeZone ?? preferredZone ?? "UTC";
        var schedule = new JsonObject
        {
            ["scheduleId"] = address,
            ["availabilityView"] = View(items, start, end, interval),
            ["workingHours"] = new JsonObject
            {
                ["daysOfWeek"] = new JsonArray([.. calendar.WorkingDays.Select(d => (JsonNode)d)]),
                ["startTime"] = calendar.WorkingHoursStart,
                ["endTime"] = calendar.WorkingHoursEnd,
                ["timeZone"] = new JsonObject { ["name"] = calendar.WorkingHoursZone },
            },
        };
        if (!calendar.AvailabilityViewOnly)
        {
            // Graph adds subject and location for callers with Calendars.Read; MentorBot must never need them.
            schedule["scheduleItems"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
            {
                ["isPrivate"] = false,
                ["status"] = i.Status,
                ["subject"] = "A private appointment",
                ["location"] = "Room 12",
                ["start"] = DateTimeTimeZone(i.Start, zone),
                ["end"] = DateTimeTimeZone(i.End, zone),
            })]);
        }

        return schedule;
    }

    /// <summary>The calendar's own items plus the fake's events: busy for the organizer, tentative for an invitee.</summary>
    private List<FakeBusyItem> BusyItems(FakeCalendar calendar)
    {
        lock (_calendarGate)
        {
            lock (calendar.Items)
            {
                return
                [
                    .. calendar.Items,
                    .. _events.Where(e => string.Equals(e.OrganizerEmail, calendar.Email, StringComparison.OrdinalIgnoreCase)).Select(e => new FakeBusyItem(e.Start, e.End, "busy")),
                    .. _events.Where(e => e.Attendees.Contains(calendar.Email, StringComparer.OrdinalIgnoreCase)).Select(e => new FakeBusyItem(e.Start, e.End, "tentative")),
                ];
            }
        }
    }

    /// <summary>One digit per interval; where items overlap, out of office beats busy beats tentative beats elsewhere.</summary>
    private static string View(List<FakeBusyItem> items, DateTimeOffset start, DateTimeOffset end, TimeSpan interval)
    {
        var digits = new System.Text.StringBuilder();
        for (var slot = start; slot < end; slot += interval)
        {
            var next = slot + interval;
            var overlapping = items.Where(i => i.Start < next && i.End > slot).Select(i => Rank(i.Status)).DefaultIfEmpty((Rank: 0, Digit: '0')).Max();
            digits.Append(overlapping.Digit);
        }

        return digits.ToString();
    }

    private static (int Rank, char Digit) Rank(string status) => status switch
    {
        "oof" => (4, '3'),
        "busy" => (3, '2'),
        "tentative" => (2, '1'),
        "workingElsewhere" => (1, '4'),
        _ => (0, '0'),
    };

    [GeneratedRegex("outlook\\.timezone=\"(?<zone>[^\"]+)\"")]
    private static partial Regex PreferZone();
}
