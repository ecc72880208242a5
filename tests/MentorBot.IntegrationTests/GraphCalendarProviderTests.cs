using System.Text.Json.Nodes;
using MentorBot.Features.Booking;
using static MentorBot.IntegrationTests.GraphCalendarHarness;

namespace MentorBot.IntegrationTests;

/// <summary>Reading free/busy through Graph's getSchedule: shapes, zones, unreadable calendars and throttling.</summary>
public sealed class GraphCalendarProviderTests : IAsyncLifetime
{
    private GraphCalendarHarness _h = null!;

    public async Task InitializeAsync() => _h = await GraphCalendarHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_schedule_with_only_an_availability_view_is_decoded_at_fifteen_minute_grain()
    {
        _h.MeganCalendar.AvailabilityViewOnly = true;
        _h.MeganCalendar.Busy(At(24, 15), At(24, 16)).Busy(At(24, 17), At(24, 17, 30), "oof").Busy(At(24, 18, 10), At(24, 18, 20));

        var megan = (await _h.ReadAsync(At(24, 0), At(25, 0))).Single(a => a.PersonId == "megan-bowen");

        Assert.True(megan.Readable);
        Assert.Equal(
            [new(At(24, 15), At(24, 16), BusyKind.Busy), new(At(24, 17), At(24, 17, 30), BusyKind.OutOfOffice), new(At(24, 18), At(24, 18, 30), BusyKind.Busy)],
            megan.Busy);
    }

    [Fact]
    public async Task Schedule_items_reported_in_a_windows_zone_are_read_as_utc_and_free_items_are_not_busy()
    {
        _h.AlexCalendar.ItemsTimeZone = "Pacific Standard Time";
        _h.AlexCalendar
            .Busy(At(24, 17), At(24, 18))
            .Busy(At(24, 19), At(24, 19, 30), "tentative")
            .Busy(At(24, 20), At(24, 21), "workingElsewhere")
            .Busy(At(24, 22), At(24, 23), "free");

        var alex = (await _h.ReadAsync(At(24, 0), At(25, 0))).Single(a => a.PersonId == "alex-wilber");

        Assert.Contains("{\"dateTime\":\"2026-11-24T09:00:00.0000000\",\"timeZone\":\"Pacific Standard Time\"}", _h.Graph.CalendarAnswers.Single(), StringComparison.Ordinal);
        Assert.Equal(
            [new(At(24, 17), At(24, 18), BusyKind.Busy), new(At(24, 19), At(24, 19, 30), BusyKind.Tentative), new(At(24, 20), At(24, 21), BusyKind.WorkingElsewhere)],
            alex.Busy);
        Assert.False(alex.Busy[2].Blocks);
    }

    [Fact]
    public async Task Schedule_items_in_a_zone_nobody_can_read_fall_back_to_the_availability_view()
    {
        _h.AlexCalendar.ItemsTimeZone = "Customized Time Zone";
        _h.AlexCalendar.WorkingHoursZone = "Customized Time Zone";
        _h.AlexCalendar.Busy(At(24, 17, 5), At(24, 17, 50));

        var alex = (await _h.ReadAsync(At(24, 0), At(25, 0))).Single(a => a.PersonId == "alex-wilber");

        Assert.True(alex.Readable);
        Assert.Equal([new BusyBlock(At(24, 17), At(24, 18), BusyKind.Busy)], alex.Busy);
        Assert.Null(alex.WorkingHours);
    }

    [Fact]
    public async Task Working_hours_in_a_windows_named_zone_come_back_with_the_iana_zone()
    {
        var people = await _h.ReadAsync(At(24, 0), At(25, 0));

        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var alex = people.Single(a => a.PersonId == "alex-wilber").WorkingHours!;
        Assert.Equal(("America/Los_Angeles", new TimeOnly(7, 0), new TimeOnly(15, 30)), (alex.TimeZone, alex.Start, alex.End));
        Assert.Equal(weekdays, alex.Days);
        Assert.Equal("Europe/Madrid", people.Single(a => a.PersonId == "megan-bowen").WorkingHours!.TimeZone);
    }

    [Fact]
    public async Task An_unknown_mailbox_or_a_person_without_an_email_is_unreadable_without_failing_the_others()
    {
        var stranger = new CalendarPerson("jordan-nguyen", null, "jordan.nguyen@elsewhere.example", "Jordan Nguyen");
        var noMail = new CalendarPerson("rio-alvarez", "aaaaaaaa-0000-0000-0000-000000000002", null, "Río Álvarez");
        _h.AlexCalendar.Busy(At(24, 15), At(24, 16));

        var people = await _h.ReadAsync(At(24, 0), At(25, 0), Alex, stranger, noMail);

        Assert.Equal(["alex-wilber", "jordan-nguyen", "rio-alvarez"], people.Select(p => p.PersonId));
        Assert.True(people[0].Readable);
        Assert.Single(people[0].Busy);
        Assert.All(people.Skip(1), p => Assert.Equal((false, GraphCalendarProvider.UnreadableCalendar, 0), (p.Readable, p.Error, p.Busy.Count)));
        var sent = JsonNode.Parse(_h.Graph.CalendarRequests.Single().Body!, FakeGraphServer.GraphJson)!;
        Assert.Equal([AlexEmail, "jordan.nguyen@elsewhere.example"], sent["schedules"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task GetSchedule_is_asked_in_utc_at_fifteen_minutes_through_the_organizers_mailbox()
    {
        await _h.ReadAsync(At(24, 8, 30), At(26, 8, 30));

        var request = _h.Graph.CalendarRequests.Single();
        Assert.Equal($"/v1.0/users/{AlexAad}/calendar/getSchedule", request.Path);
        Assert.Equal("outlook.timezone=\"UTC\"", request.Prefer);
        var body = JsonNode.Parse(request.Body!, FakeGraphServer.GraphJson)!;
        Assert.Equal([AlexEmail, MeganEmail], body["schedules"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(("2026-11-24T08:30:00", "UTC"), ((string)body["startTime"]!["dateTime"]!, (string)body["startTime"]!["timeZone"]!));
        Assert.Equal(("2026-11-26T08:30:00", "UTC"), ((string)body["endTime"]!["dateTime"]!, (string)body["endTime"]!["timeZone"]!));
        Assert.Equal(15, (int)body["availabilityViewInterval"]!);
    }

    [Fact]
    public async Task A_throttled_read_waits_out_retry_after_then_succeeds()
    {
        _h.Graph.FailNext(FakeGraphRoute.GetSchedule, 429, times: 2, retryAfter: "7");
        _h.MeganCalendar.Busy(At(24, 15), At(24, 16));

        var people = await _h.ReadAsync(At(24, 0), At(25, 0));

        Assert.Single(people.Single(p => p.PersonId == "megan-bowen").Busy);
        Assert.Equal([429, 429, 200], _h.Graph.CalendarRequests.Select(r => r.Status));
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], _h.Clock.Waits);
        Assert.Equal(At(23, 14, 0).AddSeconds(14), _h.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_read_still_throttled_after_every_attempt_is_failed_not_thrown()
    {
        _h.Graph.FailNext(FakeGraphRoute.GetSchedule, 429, times: 5, retryAfter: "1");

        var outcome = await _h.Provider.GetAvailabilityAsync([Alex, Megan], At(24, 0), At(25, 0), default);

        var failed = Assert.IsType<AvailabilityOutcome.Failed>(outcome);
        Assert.Contains("429", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(5, _h.Graph.Requests(FakeGraphRoute.GetSchedule));
        Assert.Equal(4, _h.Clock.Waits.Count);
    }

    [Fact]
    public async Task A_refused_read_is_failed_with_a_reason_that_points_at_permissions()
    {
        _h.Graph.FailNext(FakeGraphRoute.GetSchedule, 403);

        var outcome = await _h.Provider.GetAvailabilityAsync([Alex, Megan], At(24, 0), At(25, 0), default);

        Assert.Contains("403", Assert.IsType<AvailabilityOutcome.Failed>(outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(1, _h.Graph.Requests(FakeGraphRoute.GetSchedule));
    }

    [Fact]
    public async Task A_slot_taken_between_proposal_and_pick_shows_as_busy_on_the_next_read()
    {
        var before = await _h.ReadAsync(At(24, 0), At(25, 0));
        Assert.All(before, p => Assert.Empty(p.Busy));

        _h.Graph.TakeSlot(MeganEmail, At(24, 16), At(24, 16, 30));

        var after = await _h.ReadAsync(At(24, 0), At(25, 0));
        Assert.Equal([new BusyBlock(At(24, 16), At(24, 16, 30), BusyKind.Busy)], after.Single(p => p.PersonId == "megan-bowen").Busy);
    }

    [Fact]
    public async Task Each_mailbox_gets_at_most_four_requests_at_once_and_every_slot_is_given_back_afterwards()
    {
        _h.Graph.CalendarLatency = TimeSpan.FromMilliseconds(100);
        var reads = Enumerable.Range(0, 10).SelectMany(_ => new[]
        {
            _h.Provider.GetAvailabilityAsync([Alex, Megan], At(24, 0), At(25, 0), default),
            _h.Provider.GetAvailabilityAsync([Megan, Alex], At(24, 0), At(25, 0), default),
        });

        var outcomes = await Task.WhenAll(reads);

        Assert.All(outcomes, o => Assert.IsType<AvailabilityOutcome.Read>(o));
        Assert.InRange(_h.Graph.MaxInFlight[AlexAad], 1, 4);
        Assert.InRange(_h.Graph.MaxInFlight[MeganAad], 1, 4);
        Assert.All(new[] { AlexAad, MeganAad }, m => Assert.Equal(4, _h.Client.Mailboxes.GetStatistics(m)!.CurrentAvailablePermits));
    }

    [Fact]
    public async Task The_callers_own_cancellation_propagates()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _h.Provider.GetAvailabilityAsync([Alex, Megan], At(24, 0), At(25, 0), cancelled.Token));
        Assert.All(new[] { AlexAad, MeganAad }, m => Assert.Equal(4, _h.Client.Mailboxes.GetStatistics(m)!.CurrentAvailablePermits));
    }

    [Fact]
    public async Task The_provider_can_be_made_by_activator_utilities()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(_h.Client).BuildServiceProvider();

        var provider = ActivatorUtilities.CreateInstance<GraphCalendarProvider>(services);

        Assert.Equal(("Microsoft 365", false), (provider.Name, provider.OffersIcs));
        await services.DisposeAsync();
    }
}
