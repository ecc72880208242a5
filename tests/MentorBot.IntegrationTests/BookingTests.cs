using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.Booking;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Booking on the local calendar (the embedded default) with the demo map and its seeded week: Alex Wilber (mentee)
/// and Megan Bowen (his mentor) in Chicago. The clock is Monday 23 November 2026, 08:00 in Chicago.
/// </summary>
public sealed class BookingTests : IAsyncLifetime
{
    private const string AlexChat = "a%3Apersonal-alex";
    private const string MeganChat = "a%3Apersonal-21";
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync(new Dictionary<string, string?> { ["Booking:PublicBaseUrl"] = "https://mentorbot.test/" });
        await _host.PostActivityAsync(TeamsActivities.Message("help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "help"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Book_offers_the_callers_own_mentors_and_mentees_only()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("book"));

        var card = Sent.Card(_host.Sent[^1]);
        var people = Sent.Descendants(card).Where(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == BookingVerbs.Propose).Select(o => (string?)o["data"]!["with"]).ToList();
        Assert.Equal(["isaiah-langer", "megan-bowen", "priya-raman"], people.Order(StringComparer.Ordinal));
        Assert.Contains("30 minutes", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_names_each_person_as_the_map_does_a_buddy_is_a_buddy_not_a_mentor()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("book"));
        var alex = Sent.CardText(_host.Sent[^1]);
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(23, "Isaiah Langer", "book"));
        var isaiah = Sent.CardText(_host.Sent[^1]);

        Assert.Contains("Megan Bowen (your mentor)", alex, StringComparison.Ordinal);
        Assert.Contains("Isaiah Langer (your buddy)", alex, StringComparison.Ordinal);
        Assert.DoesNotContain("Isaiah Langer (your mentor)", alex, StringComparison.Ordinal);
        Assert.Contains("Alex Wilber (your new starter)", isaiah, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_times_on_three_days_inside_both_working_days_in_the_readers_zone()
    {
        var card = await ProposeAsync();

        var slots = Slots(card);
        Assert.Equal(3, slots.Count);
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var local = slots.Select(s => TimeZoneInfo.ConvertTime(s, chicago)).ToList();
        Assert.Equal(3, local.Select(t => t.Date).Distinct().Count());
        Assert.All(local, t => Assert.InRange(t.TimeOfDay, TimeSpan.FromHours(7.5), TimeSpan.FromHours(15)));
        Assert.All(slots, s => Assert.True(s >= _host.Clock.GetUtcNow().AddHours(1)));
        Assert.Contains("America/Chicago", card.ToJsonString(), StringComparison.Ordinal);

        // Monday's handover (07:00–07:30) and rounds (09:00–10:00) are busy for both, so Monday's slot is 10:00 at the earliest.
        Assert.True(local[0].TimeOfDay >= TimeSpan.FromHours(10));
    }

    [Fact]
    public async Task Picking_a_time_books_one_meeting_tells_Megan_and_a_double_click_changes_nothing()
    {
        var card = await ProposeAsync();
        var (booking, at) = FirstSlot(card);

        var first = await PickAsync(booking, at);
        var second = await PickAsync(booking, at);

        Assert.Contains("Booked with Megan Bowen", first, StringComparison.Ordinal);
        Assert.Contains("Join", first, StringComparison.Ordinal);
        Assert.Contains("Download .ics", first, StringComparison.Ordinal);
        Assert.Contains("https://mentorbot.test/calendar/", first, StringComparison.Ordinal);
        Assert.Contains("Booked with Megan Bowen", second, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM local_calendar_events WHERE status = 'active'"));

        await DispatchAsync();
        var toMegan = Assert.Single(Sent.CardsTo(_host.Sent, MeganChat), c => c.Contains("Booked with Alex Wilber", StringComparison.Ordinal));
        Assert.Contains("Reschedule", toMegan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_outside_the_pairing_cannot_pick_see_or_cancel_it()
    {
        var (booking, at) = FirstSlot(await ProposeAsync());

        var pick = await InvokeAsync(22, "Adele Vance", BookingVerbs.Pick, new JsonObject { [BookingFields.Booking] = booking, [BookingFields.At] = at });
        var cancel = await InvokeAsync(22, "Adele Vance", BookingVerbs.Cancel, new JsonObject { [BookingFields.Booking] = booking });
        var propose = await InvokeAsync(22, "Adele Vance", BookingVerbs.Propose, new JsonObject { [BookingFields.With] = "alex-wilber" });

        Assert.Contains("That booking isn't available", pick, StringComparison.Ordinal);
        Assert.Contains("That booking isn't available", cancel, StringComparison.Ordinal);
        Assert.DoesNotContain(BookingVerbs.Pick, propose, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM local_calendar_events"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM bookings WHERE requester_id = 'adele-vance'"));
    }

    [Fact]
    public async Task A_time_taken_between_proposal_and_pick_brings_fresh_times_and_books_nothing()
    {
        var (booking, at) = FirstSlot(await ProposeAsync());
        var start = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        await _host.Service<LocalCalendar>().CreateAsync(
            new MeetingDraft(new("megan-bowen", null, null, "Megan Bowen"), new("omar-haddad", null, null, "Omar Haddad"), start, start.AddMinutes(30), "Something else", "other-meeting"), default);

        var answer = await PickAsync(booking, at);

        Assert.Contains("That time was just taken", answer, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"at\":\"{at}\"", answer, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM local_calendar_events"));
        Assert.Equal(BookingStatus.Proposed, (await _host.Service<BookingStore>().GetAsync(booking, default))!.Status);
    }

    [Fact]
    public async Task Rescheduling_moves_the_one_meeting_and_cancelling_frees_it_for_both()
    {
        var (booking, at) = FirstSlot(await ProposeAsync());
        await PickAsync(booking, at);

        var moveCard = JsonNode.Parse(Card(await InvokeAsync(20, "Alex Wilber", BookingVerbs.Reschedule, new JsonObject { [BookingFields.Booking] = booking })))!.AsObject();
        var newAt = Sent.Descendants(moveCard).First(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == BookingVerbs.Move)["data"]![BookingFields.At]!.GetValue<string>();
        var moved = await InvokeAsync(20, "Alex Wilber", BookingVerbs.Move, new JsonObject { [BookingFields.Booking] = booking, [BookingFields.At] = newAt });

        Assert.Contains("Booked with Megan Bowen", moved, StringComparison.Ordinal);
        Assert.Equal(long.Parse(newAt, System.Globalization.CultureInfo.InvariantCulture), await CountAsync("SELECT start_ms FROM local_calendar_events WHERE status = 'active'"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM local_calendar_events"));

        var cancelled = await InvokeAsync(21, "Megan Bowen", BookingVerbs.Cancel, new JsonObject { [BookingFields.Booking] = booking });
        var again = await InvokeAsync(21, "Megan Bowen", BookingVerbs.Cancel, new JsonObject { [BookingFields.Booking] = booking });

        Assert.Contains("Meeting cancelled", cancelled, StringComparison.Ordinal);
        Assert.Contains("Meeting cancelled", again, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM local_calendar_events WHERE status = 'active'"));
        await DispatchAsync();
        Assert.Contains(Sent.CardsTo(_host.Sent, AlexChat), c => c.Contains("Meeting cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_booked_meeting_downloads_as_ics()
    {
        var (booking, at) = FirstSlot(await ProposeAsync());
        await PickAsync(booking, at);
        var eventId = (await _host.Service<BookingStore>().GetAsync(booking, default))!.EventId;

        using var client = _host.CreateClient();
        var response = await client.GetAsync($"/calendar/{eventId}.ics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("BEGIN:VEVENT", text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Mentoring: Megan Bowen and Alex Wilber", text, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/calendar/not-a-meeting.ics")).StatusCode);
    }

    [Fact]
    public async Task A_booking_interrupted_by_a_crash_is_finished_once_by_the_recovery_sweep()
    {
        var (booking, at) = FirstSlot(await ProposeAsync());
        var store = _host.Service<BookingStore>();
        var slot = (await store.GetAsync(booking, default))!.Proposals.First(s => s.Start.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) == at);

        // An instance claimed the pick and died before the calendar call.
        Assert.True(await store.ClaimAsync(booking, [BookingStatus.Proposed], BookingStatus.Booking, slot, TimeSpan.FromMinutes(2), null, default));
        await _host.Scoped<BookingService>().RecoverAsync(default);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM local_calendar_events"));

        _host.Clock.Advance(TimeSpan.FromMinutes(3));
        await _host.Scoped<BookingService>().RecoverAsync(default);
        await _host.Scoped<BookingService>().RecoverAsync(default);

        Assert.Equal(BookingStatus.Booked, (await store.GetAsync(booking, default))!.Status);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM local_calendar_events"));
        await DispatchAsync();
        Assert.Single(Sent.CardsTo(_host.Sent, AlexChat), c => c.Contains("Booked with Megan Bowen", StringComparison.Ordinal));
        Assert.Single(Sent.CardsTo(_host.Sent, MeganChat), c => c.Contains("Booked with Alex Wilber", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Book_with_a_first_name_goes_straight_to_times()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("book megan"));

        Assert.Equal(3, Slots(Sent.Card(_host.Sent[^1])).Count);
    }

    private async Task<JsonObject> ProposeAsync() =>
        JsonNode.Parse(Card(await InvokeAsync(20, "Alex Wilber", BookingVerbs.Propose, new JsonObject { [BookingFields.With] = "megan-bowen" })))!.AsObject();

    private Task<string> PickAsync(string booking, string at) =>
        InvokeAsync(20, "Alex Wilber", BookingVerbs.Pick, new JsonObject { [BookingFields.Booking] = booking, [BookingFields.At] = at });

    private static (string Booking, string At) FirstSlot(JsonObject card)
    {
        var data = Sent.Descendants(card).First(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == BookingVerbs.Pick)["data"]!;
        return (data[BookingFields.Booking]!.GetValue<string>(), data[BookingFields.At]!.GetValue<string>());
    }

    private static List<DateTimeOffset> Slots(JsonObject card) =>
        [.. Sent.Descendants(card).Where(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == BookingVerbs.Pick)
            .Select(o => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(o["data"]![BookingFields.At]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)))];

    private async Task<string> InvokeAsync(int user, string name, string verb, JsonObject data) =>
        (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.ExecuteFrom(user, name, verb, data)))).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Card(string invokeBody) => JsonNode.Parse(invokeBody)!["value"]!.ToJsonString();

    private async Task DispatchAsync()
    {
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
