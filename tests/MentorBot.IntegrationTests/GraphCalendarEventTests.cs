using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MentorBot.Features.Booking;
using static MentorBot.IntegrationTests.GraphCalendarHarness;

namespace MentorBot.IntegrationTests;

/// <summary>Creating, moving and cancelling Teams meetings through Graph, with retries that never duplicate.</summary>
public sealed class GraphCalendarEventTests : IAsyncLifetime
{
    private GraphCalendarHarness _h = null!;

    public async Task InitializeAsync() => _h = await GraphCalendarHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_meeting_is_a_teams_meeting_on_the_organizers_calendar_with_the_attendee_invited()
    {
        var outcome = await _h.Provider.CreateAsync(Draft(At(24, 16)), default);

        var created = Assert.IsType<EventOutcome.Created>(outcome);
        var saved = Assert.Single(_h.Graph.Events);
        Assert.Equal((saved.Id, saved.JoinUrl, saved.WebLink), (created.EventId, created.JoinUrl, created.WebLink));
        Assert.Equal((AlexEmail, At(24, 16), At(24, 16, 30)), (saved.OrganizerEmail, saved.Start, saved.End));
        Assert.Equal([MeganEmail], saved.Attendees);
        Assert.Equal((true, "teamsForBusiness", true, "booking-1-attempt-1"), (saved.IsOnlineMeeting, saved.OnlineMeetingProvider, saved.AllowNewTimeProposals, saved.TransactionId));
        Assert.Equal("<p>Mentoring time for Alex Wilber and Megan Bowen, booked with MentorBot.</p>", saved.BodyHtml);

        var request = _h.Graph.CalendarRequests.Single();
        Assert.Equal($"/v1.0/users/{AlexAad}/events", request.Path);
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal(("2026-11-24T16:00:00", "UTC"), ((string)body["start"]!["dateTime"]!, (string)body["start"]!["timeZone"]!));
        Assert.Equal(("html", "required"), ((string)body["body"]!["contentType"]!, (string)body["attendees"]![0]!["type"]!));
        Assert.Equal("Mentoring: Alex and Megan", (string)body["subject"]!);
    }

    [Fact]
    public async Task Creating_twice_with_the_same_transaction_id_makes_exactly_one_event()
    {
        var first = Assert.IsType<EventOutcome.Created>(await _h.Provider.CreateAsync(Draft(At(24, 16)), default));
        var second = Assert.IsType<EventOutcome.Created>(await _h.Provider.CreateAsync(Draft(At(24, 16)), default));

        Assert.Equal(first, second);
        Assert.Equal(1, _h.Graph.EventsCreated);
        Assert.Single(_h.Graph.Events);
    }

    [Fact]
    public async Task A_gateway_timeout_after_graph_saved_the_event_is_retried_without_a_duplicate()
    {
        _h.Graph.FailNext(FakeGraphRoute.CreateEvent, 504, afterCommit: true);

        var created = Assert.IsType<EventOutcome.Created>(await _h.Provider.CreateAsync(Draft(At(24, 16)), default));

        Assert.Equal([504, 201], _h.Graph.CalendarRequests.Select(r => r.Status));
        Assert.Equal(1, _h.Graph.EventsCreated);
        Assert.Equal(created.EventId, Assert.Single(_h.Graph.Events).Id);
    }

    [Fact]
    public async Task A_transaction_id_reused_for_other_times_is_failed_and_creates_nothing_more()
    {
        await _h.Provider.CreateAsync(Draft(At(24, 16)), default);

        var outcome = await _h.Provider.CreateAsync(Draft(At(24, 17)), default);

        Assert.Contains("transaction id", Assert.IsType<EventOutcome.Failed>(outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(1, _h.Graph.EventsCreated);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_with_backoff()
    {
        _h.Graph.FailNext(FakeGraphRoute.CreateEvent, 503);

        Assert.IsType<EventOutcome.Created>(await _h.Provider.CreateAsync(Draft(At(24, 16)), default));

        Assert.Equal([503, 201], _h.Graph.CalendarRequests.Select(r => r.Status));
        Assert.Equal([TimeSpan.FromSeconds(2)], _h.Clock.Waits);
        Assert.Equal(1, _h.Graph.EventsCreated);
    }

    [Fact]
    public async Task A_create_refused_on_every_attempt_is_failed_and_nothing_is_created()
    {
        _h.Graph.FailNext(FakeGraphRoute.CreateEvent, 503, times: 5, retryAfter: "3");

        var outcome = await _h.Provider.CreateAsync(Draft(At(24, 16)), default);

        Assert.Contains("503", Assert.IsType<EventOutcome.Failed>(outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(5, _h.Graph.Requests(FakeGraphRoute.CreateEvent));
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(3), 4), _h.Clock.Waits);
        Assert.Equal(0, _h.Graph.EventsCreated);
        Assert.Empty(_h.Graph.Events);
    }

    [Fact]
    public async Task An_attendee_without_an_email_is_not_sent_to_graph()
    {
        var draft = Draft(At(24, 16)) with { Attendee = Megan with { Email = null } };

        Assert.IsType<EventOutcome.Failed>(await _h.Provider.CreateAsync(draft, default));
        Assert.Empty(_h.Graph.CalendarRequests);
    }

    [Fact]
    public async Task A_meeting_moves_and_cancels_and_the_calendars_follow()
    {
        var created = Assert.IsType<EventOutcome.Created>(await _h.Provider.CreateAsync(Draft(At(24, 16)), default));
        var busy = await _h.ReadAsync(At(24, 0), At(25, 0));
        Assert.Equal([new BusyBlock(At(24, 16), At(24, 16, 30), BusyKind.Busy)], busy.Single(p => p.PersonId == "alex-wilber").Busy);
        Assert.Equal([new BusyBlock(At(24, 16), At(24, 16, 30), BusyKind.Tentative)], busy.Single(p => p.PersonId == "megan-bowen").Busy);

        Assert.IsType<EventOutcome.Done>(await _h.Provider.MoveAsync(Alex, created.EventId, At(24, 18), At(24, 18, 45), default));

        Assert.Equal((At(24, 18), At(24, 18, 45)), (_h.Graph.Events.Single().Start, _h.Graph.Events.Single().End));
        var patch = JsonNode.Parse(_h.Graph.CalendarRequests.Single(r => r.Route == FakeGraphRoute.MoveEvent).Body!)!;
        Assert.Equal(["@odata.type", "end", "start"], patch.AsObject().Select(p => p.Key));

        Assert.IsType<EventOutcome.Done>(await _h.Provider.CancelAsync(Alex, created.EventId, default));
        Assert.Empty(_h.Graph.Events);
        Assert.All(await _h.ReadAsync(At(24, 0), At(25, 0)), p => Assert.Empty(p.Busy));
    }

    [Fact]
    public async Task Moving_or_cancelling_a_meeting_that_is_gone_says_gone()
    {
        var created = Assert.IsType<EventOutcome.Created>(await _h.Provider.CreateAsync(Draft(At(24, 16)), default));
        await _h.Provider.CancelAsync(Alex, created.EventId, default);

        Assert.IsType<EventOutcome.Gone>(await _h.Provider.CancelAsync(Alex, created.EventId, default));
        Assert.IsType<EventOutcome.Gone>(await _h.Provider.MoveAsync(Alex, created.EventId, At(24, 18), At(24, 18, 30), default));
        Assert.IsType<EventOutcome.Gone>(await _h.Provider.CancelAsync(Alex, "AAMkAGNeverExisted=", default));
    }

    [Fact]
    public async Task A_throttled_cancel_waits_out_retry_after()
    {
        var created = Assert.IsType<EventOutcome.Created>(await _h.Provider.CreateAsync(Draft(At(24, 16)), default));
        _h.Graph.FailNext(FakeGraphRoute.DeleteEvent, 429, retryAfter: "5");

        Assert.IsType<EventOutcome.Done>(await _h.Provider.CancelAsync(Alex, created.EventId, default));

        Assert.Equal([TimeSpan.FromSeconds(5)], _h.Clock.Waits);
    }

    [Fact]
    public async Task Graph_out_of_reach_is_failed_after_the_retries_not_thrown()
    {
        await using var unreachable = await GraphCalendarHarness.StartAsync(maxAttempts: 3, baseUrl: $"http://127.0.0.1:{ClosedPort()}/v1.0/");

        var read = await unreachable.Provider.GetAvailabilityAsync([Alex, Megan], At(24, 0), At(25, 0), default);
        var create = await unreachable.Provider.CreateAsync(Draft(At(24, 16)), default);

        Assert.Equal("Microsoft 365 could not be reached.", Assert.IsType<AvailabilityOutcome.Failed>(read).Reason);
        Assert.Equal("Microsoft 365 could not be reached.", Assert.IsType<EventOutcome.Failed>(create).Reason);
        Assert.Equal([2, 4, 2, 4], unreachable.Clock.Waits.Select(w => (int)w.TotalSeconds));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
