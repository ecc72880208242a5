using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Coaching;

namespace MentorBot.IntegrationTests;

/// <summary>
/// A check-in and what it announces (the mentor's card, the coaching prompt that follows) are stored together or not at
/// all. MentorBot runs as a real process while hundreds of mentees submit their check-ins at once, and is killed with
/// SIGKILL in the middle; after a restart and everyone pressing Send again, every stored check-in has both of its cards
/// queued exactly once, and nothing else is queued.
/// </summary>
public sealed class FollowUpCrashTests : IAsyncLifetime
{
    private const int Mentees = 400;
    private const int KillAfter = 120;
    private TestDatabase _database = null!;
    private LocalConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _connector = await LocalConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_hard_kill_among_check_in_submits_never_leaves_a_check_in_without_its_follow_ups()
    {
        await FanOutMap.QueuePromptsAsync(_database, _connector.ServiceUrl, Mentees);
        var periods = await OpenPeriodsAsync();
        Assert.Equal(Mentees, periods.Count);

        // Nothing is dispatched meanwhile: the test reads what was queued, not what was sent.
        var settings = new Dictionary<string, string> { ["Outbox:PollInterval"] = "00:10:00", ["Scheduling:RunServer"] = "false", ["Demo:SeedHistory"] = "false" };
        var bot = await BotProcess.StartAsync(_database, settings);
        var answered = 0;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            await Parallel.ForEachAsync(periods, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (period, ct) =>
            {
                try
                {
                    var response = await http.PostAsync($"http://127.0.0.1:{bot.Port}/api/messages", Json(Submit(period)), ct);
                    if (response.IsSuccessStatusCode && Interlocked.Increment(ref answered) == KillAfter)
                    {
                        bot.KillHard();
                    }
                }
                catch (HttpRequestException)
                {
                    // The process is gone: this submit may or may not have been stored.
                }
            });
            await bot.ExitedAsync();
        }
        finally
        {
            await bot.DisposeAsync();
        }

        Assert.True(answered >= KillAfter, "the process was killed before enough check-ins were answered");
        var before = await CountsAsync();
        Assert.InRange(before.Answers, KillAfter, Mentees - 1);
        Assert.Equal(before.Answers, before.MentorCards);
        Assert.Equal(before.Answers, before.Coaching);

        // Everyone presses Send again (a retry, or the card still open): the rest are stored, nothing twice.
        await using (var restarted = await BotProcess.StartAsync(_database, settings))
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            await Parallel.ForEachAsync(periods, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (period, ct) =>
                (await http.PostAsync($"http://127.0.0.1:{restarted.Port}/api/messages", Json(Submit(period)), ct)).EnsureSuccessStatusCode());
        }

        var after = await CountsAsync();
        Assert.Equal((Mentees, Mentees, Mentees), (after.Answers, after.MentorCards, after.Coaching));
        Assert.Equal(Mentees * 3, after.Queued); // each mentee's prompt, their mentor's card and their coaching prompt
    }

    /// <summary>Each mentee's open check-in, by their Entra object id and map id.</summary>
    private async Task<List<(string Person, string Aad, string Period)>> OpenPeriodsAsync()
    {
        await using var connection = await FanOutMap.OpenAsync(_database);
        return [.. await connection.QueryAsync<(string Person, string Aad, string Period)>(
            "SELECT c.person_id, p.aad_object_id, c.id FROM checkin_periods c JOIN map_people p ON p.id = c.person_id WHERE c.status = 'open'")];
    }

    private async Task<(long Answers, long MentorCards, long Coaching, long Queued)> CountsAsync()
    {
        await using var connection = await FanOutMap.OpenAsync(_database);
        return (
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM checkin_answers"),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = @kind AND reference IN (SELECT period_id FROM checkin_answers)", new { kind = MenteeCheckInRenderer.Kind }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = @kind AND reference IN (SELECT period_id FROM checkin_answers)", new { kind = CoachingKinds.AfterCheckIn }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox"));
    }

    /// <summary>A mentee's Send on their check-in card, as Teams posts it (Development auth: no token).</summary>
    private string Submit((string Person, string Aad, string Period) mentee)
    {
        var (personId, aad, periodId) = mentee;
        return new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["serviceUrl"] = _connector.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:" + personId, ["name"] = personId, ["aadObjectId"] = aad },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "tenant-large", ["id"] = "a:" + personId },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "MentorBot" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-large" } },
            ["locale"] = "en-US",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = "checkin.submit",
                    ["data"] = new JsonObject { ["period"] = periodId, ["learned"] = "Handover notes", ["confidence"] = "4", ["load"] = "3" },
                },
                ["trigger"] = "manual",
            },
        }.ToJsonString();
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
