using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MentorBot.IntegrationTests;

// Events: POST (honouring transactionId), PATCH and DELETE on the organizer's calendar.
internal sealed partial class FakeGraphServer
{
    private IResult CreateEvent(FakeCalendar organizer, JsonNode? body, string? prefer)
    {
        var start = Instant(body!["start"]);
        var end = Instant(body["end"]);
        var transactionId = (string?)body["transactionId"];
        lock (_calendarGate)
        {
            var existing = transactionId is null ? null : _events.FirstOrDefault(e =>
                e.TransactionId == transactionId && string.Equals(e.OrganizerEmail, organizer.Email, StringComparison.OrdinalIgnoreCase));
            if (existing is not null)
            {
                // Graph: the same transactionId returns the event already made; reused for another event, it refuses.
                return existing.Start == start && existing.End == end
                    ? Json(EventJson(existing), 201)
                    : Error(400, "ErrorDuplicateTransactionId", "Your request can't be completed. The TransactionId specified in the request has already been used to create a different event.");
            }

            var n = Interlocked.Increment(ref _eventsCreated);
            var id = $"AAMkAGFakeEvent{n:D4}=";
            var created = new FakeEvent
            {
                Id = id,
                OrganizerEmail = organizer.Email,
                Subject = (string?)body["subject"] ?? string.Empty,
                BodyHtml = (string?)body["body"]?["content"] ?? string.Empty,
                Attendees = [.. (body["attendees"]?.AsArray() ?? []).Select(a => (string)a!["emailAddress"]!["address"]!)],
                TransactionId = transactionId,
                IsOnlineMeeting = (bool?)body["isOnlineMeeting"] ?? false,
                OnlineMeetingProvider = (string?)body["onlineMeetingProvider"],
                AllowNewTimeProposals = (bool?)body["allowNewTimeProposals"] ?? true,
                JoinUrl = $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_fake{n}%40thread.v2/0",
                WebLink = $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(id)}&exvsurl=1&path=/calendar/item",
                Start = start,
                End = end,
            };
            _events.Add(created);
            return Json(EventJson(created), 201);
        }
    }

    private IResult MoveEvent(FakeCalendar organizer, string eventId, JsonNode? body)
    {
        lock (_calendarGate)
        {
            if (Find(organizer, eventId) is not { } found)
            {
                return Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
            }

            found.Start = Instant(body!["start"]);
            found.End = Instant(body["end"]);
            return Json(EventJson(found));
        }
    }

    private IResult DeleteEvent(FakeCalendar organizer, string eventId)
    {
        lock (_calendarGate)
        {
            if (Find(organizer, eventId) is not { } found)
            {
                return Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
            }

            _events.Remove(found);
            return Results.NoContent();
        }
    }

    private FakeEvent? Find(FakeCalendar organizer, string eventId) =>
        _events.FirstOrDefault(e => e.Id == eventId && string.Equals(e.OrganizerEmail, organizer.Email, StringComparison.OrdinalIgnoreCase));

    private static JsonObject EventJson(FakeEvent e) => new()
    {
        ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('organizer')/events/$entity",
        ["id"] = e.Id,
        ["subject"] = e.Subject,
        ["start"] = DateTimeTimeZone(e.Start, "UTC"),
        ["end"] = DateTimeTimeZone(e.End, "UTC"),
        ["isOnlineMeeting"] = e.IsOnlineMeeting,
        ["onlineMeetingProvider"] = e.OnlineMeetingProvider,
        ["allowNewTimeProposals"] = e.AllowNewTimeProposals,
        ["transactionId"] = e.TransactionId,
        ["webLink"] = e.WebLink,
        ["onlineMeeting"] = new JsonObject { ["joinUrl"] = e.JoinUrl },
        ["attendees"] = new JsonArray([.. e.Attendees.Select(a => (JsonNode)new JsonObject
        {
            ["type"] = "required",
            ["status"] = new JsonObject { ["response"] = "none", ["time"] = "0001-01-01T00:00:00Z" },
            ["emailAddress"] = new JsonObject { ["address"] = a },
        })]),
    };
}
