using System.Text.Json.Nodes;
using MentorBot.Features.Booking;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The booking flow against the local fake Graph server: free/busy from getSchedule (working hours reported in a
/// Windows zone), one event with a Teams meeting created through POST /users/{mentor}/events, exactly once even when
/// Graph saved it and then failed to answer, and nothing half-booked when Graph keeps failing.
/// </summary>
public sealed class BookingGraphTests : IAsyncLifetime
{
    private const string AlexAad = "00000000-0000-0000-0000-0000000000020";
    private const string MeganAad = "00000000-0000-0000-0000-0000000000021";
    private FakeGraphServer _graph = null!;
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.AddCalendar(AlexAad, "alex.wilber@riversidecare.example").WorkingHours("Central Standard Time", "07:00:00.0000000", "15:30:00.0000000");
        _graph.AddCalendar(MeganAad, "megan.bowen@riversidecare.example").WorkingHours("Central Standard Time", "07:00:00.0000000", "15:30:00.0000000")
            .Busy(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero));
        _host = await MentorBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = _graph.BaseUrl,
            ["Graph:TenantId"] = "tenant",
            ["Graph:ClientId"] = "client",
            ["Graph:ClientSecret"] = "secret",
            ["Graph:MaxAttempts"] = "3",
        });
        _host.Connector.PassThrough(_graph.BaseUrl);
        await _host.PostActivityAsync(TeamsActivities.Message("help"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Three_times_avoid_Megans_busy_morning_and_a_retry_in_the_middle_still_makes_one_meeting()
    {
        var card = await ProposeAsync();
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var slots = Slots(card);
        Assert.Equal(3, slots.Count);
        Assert.True(TimeZoneInfo.ConvertTime(slots[0], chicago).TimeOfDay >= TimeSpan.FromHours(12), "Megan is busy 09:00–12:00 on Monday.");

        // Graph saves the event, then answers 503; the client retries with the same transactionId.
        _graph.FailNext(FakeGraphRoute.CreateEvent, 503, retryAfter: "1", afterCommit: true);
        var (booking, at) = First(card);
        var booked = await PickAsync(booking, at);
        var again = await PickAsync(booking, at);

        Assert.Contains("Booked with Megan Bowen", booked, StringComparison.Ordinal);
        Assert.Contains("Booked with Megan Bowen", again, StringComparison.Ordinal);
        Assert.Equal(1, _graph.EventsCreated);
        var meeting = Assert.Single(_graph.Events);
        Assert.True(meeting.IsOnlineMeeting);
        Assert.Equal("teamsForBusiness", meeting.OnlineMeetingProvider);
        Assert.Equal(["alex.wilber@riversidecare.example"], meeting.Attendees);
        Assert.Equal(Booking.TransactionIdFor(booking), meeting.TransactionId);
        Assert.DoesNotContain("Download .ics", booked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_Graph_keeps_failing_nothing_is_booked_and_the_same_time_can_be_tried_again()
    {
        var (booking, at) = First(await ProposeAsync());
        _graph.FailNext(FakeGraphRoute.CreateEvent, 503, times: 3, retryAfter: "1");

        var failed = await PickAsync(booking, at);

        Assert.Contains("That time couldn't be booked", failed, StringComparison.Ordinal);
        Assert.Equal(0, _graph.EventsCreated);
        Assert.Equal(BookingStatus.Failed, (await _host.Service<BookingStore>().GetAsync(booking, default))!.Status);

        var retried = await PickAsync(booking, at);

        Assert.Contains("Booked with Megan Bowen", retried, StringComparison.Ordinal);
        Assert.Equal(1, _graph.EventsCreated);
    }

    [Fact]
    public async Task A_time_taken_in_Outlook_after_the_proposal_brings_fresh_times()
    {
        var card = await ProposeAsync();
        var (booking, at) = First(card);
        var start = Slots(card)[0];
        _graph.TakeSlot("megan.bowen@riversidecare.example", start, start.AddMinutes(30));

        var answer = await PickAsync(booking, at);

        Assert.Contains("That time was just taken", answer, StringComparison.Ordinal);
        Assert.Equal(0, _graph.EventsCreated);
    }

    [Fact]
    public async Task Cancel_deletes_the_event_on_the_mentors_calendar()
    {
        var (booking, at) = First(await ProposeAsync());
        await PickAsync(booking, at);

        var cancelled = await InvokeAsync(BookingVerbs.Cancel, new JsonObject { [BookingFields.Booking] = booking });

        Assert.Contains("Meeting cancelled", cancelled, StringComparison.Ordinal);
        Assert.Empty(_graph.Events);
        Assert.Equal(1, _graph.Requests(FakeGraphRoute.DeleteEvent));
    }

    private async Task<JsonObject> ProposeAsync() =>
        JsonNode.Parse(await InvokeAsync(BookingVerbs.Propose, new JsonObject { [BookingFields.With] = "megan-bowen" }))!["value"]!.AsObject();

    private Task<string> PickAsync(string booking, string at) =>
        InvokeAsync(BookingVerbs.Pick, new JsonObject { [BookingFields.Booking] = booking, [BookingFields.At] = at });

    private async Task<string> InvokeAsync(string verb, JsonObject data) =>
        (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.ExecuteFrom(20, "Alex Wilber", verb, data))))
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static (string Booking, string At) First(JsonObject card)
    {
        var data = Sent.Descendants(card).First(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == BookingVerbs.Pick)["data"]!;
        return (data[BookingFields.Booking]!.GetValue<string>(), data[BookingFields.At]!.GetValue<string>());
    }

    private static List<DateTimeOffset> Slots(JsonObject card) =>
        [.. Sent.Descendants(card).Where(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == BookingVerbs.Pick)
            .Select(o => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(o["data"]![BookingFields.At]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)))];
}
