using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.Growth;
using MentorBot.Outbox;
using MentorBot.Persistence;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Outcomes and pilots on the demo programme, as admins and leaders meet them in chat: figures over groups with the
/// counts behind them, never a person; a pilot's baseline, its report for the unit's leaders, and the report that
/// arrives by itself when the pilot ends.
/// </summary>
public sealed class OutcomeTests : IAsyncLifetime
{
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] Names = ["Alex Wilber", "Megan Bowen", "Isaiah Langer", "alex-wilber", "megan-bowen"];

    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync();
        foreach (var who in new[] { Speaker.Alex, Speaker.Megan, Speaker.Adele, Speaker.Lynne, Speaker.Patti })
        {
            await _host.PostActivityAsync(who.Message("help"));
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_programme_admin_sees_the_organisations_outcomes_with_counts_and_no_one_named()
    {
        await ValidateAsync("cg-vital-signs");

        var card = await SayAsync(Speaker.Lynne, "outcomes");

        Assert.Contains("Outcomes: the whole organisation", card, StringComparison.Ordinal);
        Assert.Contains("Time to independence", card, StringComparison.Ordinal);
        Assert.Contains("By unit", card, StringComparison.Ordinal);
        Assert.Contains("Medical Ward 3", card, StringComparison.Ordinal);
        Assert.Contains("hidden: too few people", card, StringComparison.Ordinal);
        Assert.All(Names, name => Assert.DoesNotContain(name, card, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_leader_sees_their_own_scope_and_staff_are_told_outcomes_are_not_for_them()
    {
        var adele = await SayAsync(Speaker.Adele, "outcomes");
        var alex = await SayAsync(Speaker.Alex, "outcomes");

        Assert.Contains("Outcomes: Medical Ward 3, Outpatient Clinic", adele, StringComparison.Ordinal);
        Assert.DoesNotContain("Emergency Department", adele, StringComparison.Ordinal);
        Assert.DoesNotContain("Outcomes:", alex, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_carries_outcome_lines_that_name_no_one()
    {
        var digest = await SayAsync(Speaker.Adele, "digest");

        Assert.Contains("Growth and outcomes (last 12 months)", digest, StringComparison.Ordinal);
        Assert.Contains("New hires still here at 90 days", digest, StringComparison.Ordinal);
        Assert.All(Names, name => Assert.DoesNotContain(name, digest, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_leader_whose_scope_is_a_reporting_line_gets_outcomes_and_digest_lines_on_either_store()
    {
        var omar = Speaker.Demo(28, "Omar Haddad");
        await _host.PostActivityAsync(omar.Message("help"));

        var outcomes = await SayAsync(omar, "outcomes");
        var digest = await SayAsync(omar, "digest");

        Assert.Contains("Outcomes:", outcomes, StringComparison.Ordinal);
        Assert.Contains("Growth and outcomes (last 12 months)", digest, StringComparison.Ordinal);
        Assert.All(Names, name => Assert.DoesNotContain(name, outcomes + digest, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pilot_records_its_baseline_reports_to_the_units_leaders_and_reports_by_itself_once_when_it_ends()
    {
        var started = await SayAsync(Speaker.Lynne, "pilot start \"Ward 3 pilot\" --unit medical-ward-3 --days 30");
        Assert.Contains("Pilot: Ward 3 pilot", started, StringComparison.Ordinal);
        Assert.Contains("Medical Ward 3, before", started, StringComparison.Ordinal);
        Assert.Contains("Other units, during the pilot", started, StringComparison.Ordinal);

        Assert.Contains("Pilot: Ward 3 pilot", await SayAsync(Speaker.Adele, "pilot report"), StringComparison.Ordinal);
        Assert.DoesNotContain("Pilot: Ward 3 pilot", await SayAsync(Speaker.Alex, "pilot report"), StringComparison.Ordinal);
        Assert.DoesNotContain("Pilot: Ward 3 pilot", await SayAsync(Speaker.Alex, "pilot start \"Mine\" --unit medical-ward-3"), StringComparison.Ordinal);
        Assert.Contains("no unit 'nowhere'", await SayAsync(Speaker.Lynne, "pilot start \"X\" --unit nowhere --days 30"), StringComparison.Ordinal);

        await using (var c = await _host.Service<Database>().OpenAsync(default))
        {
            Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pilots"));
            Assert.Equal("lynne-robbins", await c.ExecuteScalarAsync<string>("SELECT actor FROM audit_log WHERE action = 'pilot.start'"));
        }

        await _host.RunJobAsync("pilot-reports");
        Assert.Empty(await ReportRowsAsync());

        _host.Clock.Advance(TimeSpan.FromDays(31));
        await _host.RunJobAsync("pilot-reports");
        await _host.RunJobAsync("pilot-reports");
        var readers = await ReportRowsAsync();
        Assert.Contains("lynne-robbins", readers);
        Assert.Contains("adele-vance", readers);
        Assert.DoesNotContain("alex-wilber", readers);
        Assert.Equal(readers.Distinct().Count(), readers.Count);

        await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        Assert.Contains(Speaker.Adele.Cards(_host), c => c.Contains("Pilot: Ward 3 pilot", StringComparison.Ordinal) && c.Contains("the final report", StringComparison.Ordinal));
    }

    private async Task<List<string>> ReportRowsAsync()
    {
        await using var c = await _host.Service<Database>().OpenAsync(default);
        return [.. await c.QueryAsync<string>("SELECT person_id FROM outbox WHERE kind = 'pilot-report'")];
    }

    private async Task ValidateAsync(string competency)
    {
        using var response = await _host.PostActivityAsync(Speaker.Megan.Execute(GrowthVerbs.Validate, new JsonObject
        {
            ["person"] = "alex-wilber", ["competency"] = competency, ["on-" + competency] = "2026-11-20", ["method-" + competency] = "demonstration",
        }));
        Assert.True(response.IsSuccessStatusCode);
    }

    private async Task<string> SayAsync(Speaker who, string text)
    {
        using var response = await _host.PostActivityAsync(who.Message(text));
        Assert.True(response.IsSuccessStatusCode, $"{text}: {(int)response.StatusCode}");
        var encoded = Uri.EscapeDataString(who.Conversation);
        return Sent.Card(_host.Sent.Last(r => r.Url.Contains(encoded + "/activities", StringComparison.Ordinal))).ToJsonString(Readable);
    }
}
