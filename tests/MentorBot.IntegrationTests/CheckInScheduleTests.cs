using Dapper;
using MentorBot.Features.CheckIns;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The cadence engine on the demo map, moved through weeks with the fake clock. The host starts on Monday
/// 23 November 2026, 08:00 in Chicago. Alex's pairings: Isaiah (buddy) Mondays 14:00, Megan Tuesdays 10:00,
/// Priya every other Thursday 13:00; Alex works 07:00–15:30 on weekdays.
/// </summary>
public sealed class CheckInScheduleTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync();
        await _host.PostActivityAsync(TeamsActivities.Message("help"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stale_occurrences_are_not_sent_late_when_the_programme_starts()
    {
        var summary = await RunAsync();

        Assert.Equal(0, await AlexPeriodsAsync());
        Assert.Equal(0, summary.Reminded);
    }

    [Fact]
    public async Task Each_pairing_opens_on_its_own_cadence_and_the_card_arrives_once()
    {
        _host.Clock.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1)); // Monday 14:01 Chicago
        await RunAsync();
        await RunAsync();
        var monday = await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);

        var toAlex = AlexCards();
        var isaiah = Assert.Single(toAlex, c => c.Contains("Share this answer with Isaiah Langer", StringComparison.Ordinal));
        Assert.Contains("Your check-in", isaiah, StringComparison.Ordinal);
        Assert.True(monday.Sent >= 1);

        _host.Clock.Advance(TimeSpan.FromHours(20)); // Tuesday 10:01
        await RunAsync();
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);

        Assert.Single(AlexCards(), c => c.Contains("Share this answer with Megan Bowen", StringComparison.Ordinal));
        Assert.Equal(2, await AlexPeriodsAsync());
    }

    [Fact]
    public async Task An_unanswered_check_in_gets_one_reminder_and_closes_as_missed_when_the_next_opens()
    {
        _host.Clock.Advance(TimeSpan.FromHours(26) + TimeSpan.FromMinutes(1)); // Tuesday 10:01
        await RunAsync();
        _host.Clock.Advance(TimeSpan.FromHours(24)); // Wednesday 10:01: the reminder is due
        await RunAsync();
        await RunAsync();
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);

        Assert.Single(AlexCards(), c => c.Contains("A gentle reminder", StringComparison.Ordinal) && c.Contains("Megan Bowen", StringComparison.Ordinal));

        _host.Clock.Advance(TimeSpan.FromDays(6)); // next Tuesday 10:01
        await RunAsync();

        await using var connection = await _host.Service<Database>().OpenAsync(default);
        var statuses = (await connection.QueryAsync<string>("SELECT status FROM checkin_periods WHERE mentorship_id = 'm-001' ORDER BY opens_at_ms")).ToList();
        Assert.Equal(["missed", "open"], statuses);
    }

    [Fact]
    public async Task An_answered_check_in_gets_no_reminder_and_is_not_marked_missed()
    {
        _host.Clock.Advance(TimeSpan.FromHours(26) + TimeSpan.FromMinutes(1)); // Tuesday 10:01
        await RunAsync();
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        var period = await connection.ExecuteScalarAsync<string>("SELECT id FROM checkin_periods WHERE mentorship_id = 'm-001'");
        var data = new System.Text.Json.Nodes.JsonObject { ["period"] = period, ["learned"] = "x", ["confidence"] = "4", ["load"] = "2" };
        await _host.PostActivityAsync(TeamsActivities.Execute(CheckInVerbs.Submit, data));

        _host.Clock.Advance(TimeSpan.FromDays(7));
        await RunAsync();

        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'checkin-reminder' AND reference = @period", new { period }));
        Assert.Equal("answered", await connection.ExecuteScalarAsync<string>("SELECT status FROM checkin_periods WHERE id = @period", new { period }));
    }

    [Fact]
    public async Task A_paused_pairing_sends_nothing_until_it_resumes()
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        await connection.ExecuteAsync("UPDATE map_mentorships SET status = 'paused', paused_until = '2026-12-07' WHERE id = 'm-001'");

        _host.Clock.Advance(TimeSpan.FromHours(26) + TimeSpan.FromMinutes(1)); // Tuesday 24 Nov
        await RunAsync();
        _host.Clock.Advance(TimeSpan.FromDays(14)); // Tuesday 8 Dec, after the pause
        await RunAsync();

        var opened = (await connection.QueryAsync<string>("SELECT id FROM checkin_periods WHERE mentorship_id = 'm-001'")).ToList();
        Assert.Equal(["m-001:2026-12-08"], opened);
    }

    [Fact]
    public async Task Skipping_a_scheduled_check_in_stops_its_reminder_and_keeps_the_streak()
    {
        _host.Clock.Advance(TimeSpan.FromHours(26) + TimeSpan.FromMinutes(1)); // Tuesday 10:01
        await RunAsync();
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        var period = await connection.ExecuteScalarAsync<string>("SELECT id FROM checkin_periods WHERE mentorship_id = 'm-001'");

        var skipped = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.Execute(CheckInVerbs.Skip, new System.Text.Json.Nodes.JsonObject { ["period"] = period })));
        var again = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.Execute(CheckInVerbs.Skip, new System.Text.Json.Nodes.JsonObject { ["period"] = period })));
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();

        Assert.Contains("Skipped: no problem", skipped["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)again["type"]);
        Assert.Equal("skipped", await connection.ExecuteScalarAsync<string>("SELECT status FROM checkin_periods WHERE id = @period", new { period }));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'checkin-reminder' AND reference = @period", new { period }));
    }

    [Fact]
    public async Task Pause_until_stops_scheduled_check_ins_and_resume_brings_them_back()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("pause until Dec 7"));
        Assert.Contains("No scheduled check-ins until Dec 7", Sent.CardText(_host.Sent[^1]), StringComparison.Ordinal);

        _host.Clock.Advance(TimeSpan.FromHours(26) + TimeSpan.FromMinutes(1)); // Tuesday 24 Nov
        await RunAsync();
        Assert.Equal(0, await AlexPeriodsAsync());

        await _host.PostActivityAsync(TeamsActivities.Message("resume"));
        _host.Clock.Advance(TimeSpan.FromDays(7)); // Tuesday 1 Dec
        await RunAsync();
        Assert.True(await AlexPeriodsAsync() >= 1);
    }

    [Fact]
    public async Task A_date_in_the_past_is_refused_with_an_example()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("pause until 2020-01-01"));

        Assert.Contains("pause until 2026-12-31", Sent.CardText(_host.Sent[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_shows_a_streak_of_answered_check_ins()
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        var last = string.Empty;
        for (var week = 0; week < 3; week++)
        {
            _host.Clock.Advance(week == 0 ? TimeSpan.FromHours(26) + TimeSpan.FromMinutes(1) : TimeSpan.FromDays(7));
            await RunAsync();
            var period = await connection.ExecuteScalarAsync<string>("SELECT id FROM checkin_periods WHERE mentorship_id = 'm-001' ORDER BY opens_at_ms DESC");
            var body = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(TeamsActivities.Execute(CheckInVerbs.Submit,
                new System.Text.Json.Nodes.JsonObject { ["period"] = period, ["learned"] = $"week {week}", ["confidence"] = "4", ["load"] = "2" })));
            last = body["value"]!.ToJsonString();
        }

        Assert.Contains("3 check-ins in a row", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_opens_only_together_with_its_prompt_and_a_later_tick_opens_it_then()
    {
        _host.Clock.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1)); // Monday 14:01 Chicago: Isaiah's pairing is due
        var store = _host.Service<CheckInStore>();
        var now = _host.Clock.GetUtcNow();
        var period = new CheckInPeriod("m-test:2026-11-23", "alex-wilber", "m-test", null, now, now.AddDays(7), PeriodStatus.Open);

        // The queueing fails (as a crash between the two writes would): the period is not left open without it.
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.OpenScheduledAsync(period, default, (_, _) => throw new InvalidOperationException("no outbox")));
        Assert.Null(await store.FindPeriodAsync(period.Id, default));

        // The metronome's next tick opens the due periods with their prompts, and a tick after it finds nothing new.
        Assert.True((await RunAsync()).Opened >= 1);
        Assert.Equal(0, (await RunAsync()).Opened);
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM checkin_periods p WHERE p.mentorship_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.reference = p.id AND o.kind = @kind)",
            new { kind = CheckInScheduler.PromptKind }));
    }

    private async Task<ScheduleSummary> RunAsync() => await _host.Scoped<CheckInScheduler>().RunAsync(default);

    /// <summary>Proactive cards sent into Alex's chat (replies to his messages go to …/activities/{id} instead).</summary>
    private List<string> AlexCards() =>
        [.. _host.Sent.Where(r => r.Method == HttpMethod.Post && r.Url.EndsWith("a%3Apersonal-alex/activities", StringComparison.Ordinal)).Select(r => r.Body ?? string.Empty)];

    private async Task<long> AlexPeriodsAsync()
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM checkin_periods WHERE person_id = 'alex-wilber' AND mentorship_id IS NOT NULL");
    }
}
