using System.Text.Json.Nodes;
using MentorBot.Features.Booking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorBot.IntegrationTests;

/// <summary>
/// A calendar slower than Teams' invoke limit: the press is answered at once with "checking calendars", the booking
/// finishes in the background, and the pressed card is then updated in place (PUT) with the booked meeting.
/// </summary>
public sealed class BookingBudgetTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartWithAsync(
            new Dictionary<string, string?> { ["Booking:InvokeBudget"] = "00:00:00.3" },
            services =>
            {
                services.RemoveAll<ICalendarProvider>();
                services.AddSingleton<ICalendarProvider>(sp => new SlowCalendar(sp.GetRequiredService<LocalCalendar>(), TimeSpan.FromSeconds(1.5)));
            });
        await _host.PostActivityAsync(TeamsActivities.Message("help"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_slow_calendar_gets_a_placeholder_at_once_and_the_card_is_updated_when_booked()
    {
        var proposals = await InvokeAsync(BookingVerbs.Propose, new JsonObject { [BookingFields.With] = "megan-bowen" });
        Assert.Contains("Checking calendars", proposals.Body, StringComparison.Ordinal);
        var updated = await WaitForUpdateAsync("Times with Megan Bowen");
        var pick = Sent.Descendants(JsonNode.Parse(updated)).First(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == BookingVerbs.Pick)["data"]!;

        var answer = await InvokeAsync(BookingVerbs.Pick, new JsonObject { [BookingFields.Booking] = (string?)pick[BookingFields.Booking], [BookingFields.At] = (string?)pick[BookingFields.At] });

        Assert.True(answer.Elapsed < TimeSpan.FromSeconds(1.4), $"The invoke took {answer.Elapsed}.");
        Assert.Contains("Checking calendars", answer.Body, StringComparison.Ordinal);
        Assert.Contains("Booked with Megan Bowen", await WaitForUpdateAsync("Booked with Megan Bowen"), StringComparison.Ordinal);
    }

    private async Task<(string Body, TimeSpan Elapsed)> InvokeAsync(string verb, JsonObject data)
    {
        var activity = JsonNode.Parse(TeamsActivities.ExecuteFrom(20, "Alex Wilber", verb, data))!.AsObject();
        activity["replyToId"] = "card-1";
        activity["conversation"] = new JsonObject { ["id"] = "a:personal-alex", ["conversationType"] = "personal", ["tenantId"] = TeamsActivities.TenantId };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await _host.PostActivityAsync(activity.ToJsonString());
        var body = (await Sent.InvokeBodyAsync(response)).ToJsonString();
        return (body, watch.Elapsed);
    }

    private async Task<string> WaitForUpdateAsync(string containing)
    {
        for (var i = 0; i < 100; i++)
        {
            var update = _host.Sent.Where(r => r.Method == HttpMethod.Put && r.Url.EndsWith("/activities/card-1", StringComparison.Ordinal))
                .Select(Sent.CardText).LastOrDefault(c => c.Contains(containing, StringComparison.Ordinal));
            if (update is not null)
            {
                return update;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No card update containing '{containing}'.");
    }

    private sealed class SlowCalendar(ICalendarProvider inner, TimeSpan delay) : ICalendarProvider
    {
        public string Name => inner.Name;

        public bool OffersIcs => inner.OffersIcs;

        public async Task<AvailabilityOutcome> GetAvailabilityAsync(IReadOnlyList<CalendarPerson> people, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            return await inner.GetAvailabilityAsync(people, from, to, cancellationToken);
        }

        public Task<EventOutcome> CreateAsync(MeetingDraft draft, CancellationToken cancellationToken) => inner.CreateAsync(draft, cancellationToken);

        public Task<EventOutcome> MoveAsync(CalendarPerson organizer, string eventId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
            inner.MoveAsync(organizer, eventId, start, end, cancellationToken);

        public Task<EventOutcome> CancelAsync(CalendarPerson organizer, string eventId, CancellationToken cancellationToken) => inner.CancelAsync(organizer, eventId, cancellationToken);
    }
}
