using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.Conversations;
using MentorBot.Persistence;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Thousands of generated and mutated activities at /api/messages: truncated JSON, wrong types, huge strings,
/// unknown verbs, stale card data and other people's cards. Never a 500, the bot stays healthy, and the store stays
/// consistent (nobody's answer was written through someone else's card). MENTORBOT_FUZZ_COUNT changes the count.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private static readonly string[] People = ["20|Alex Wilber", "21|Megan Bowen", "22|Adele Vance", "23|Isaiah Langer", "24|Patti Fernandez", "25|Lynne Robbins", "99|Nobody Known"];
    private static readonly string[] Keys = ["period", "booking", "at", "with", "minutes", "source", "mentorship", "score", "note", "delivery", "template", "mentee", "visibility", "run", "accept-alex-wilber", "learned", "need", "stuck", "confidence", "load", "circle", "quarter", "progress"];
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync();
        foreach (var person in People)
        {
            var (user, name) = Split(person);
            await _host.PostActivityAsync(TeamsActivities.MessageFrom(user, name, "check in"));
        }

        await _host.PostActivityAsync(TeamsActivities.MessageFrom(20, "Alex Wilber", "book megan"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Generated_and_mutated_activities_never_get_a_500_and_leave_the_store_consistent()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("MENTORBOT_FUZZ_COUNT"), out var n) ? n : 10_000;
        var random = new Random(20261121);
        var verbs = _host.Scoped<IEnumerable<ICardAction>>().Select(a => a.Verb).Append("no.such.verb").Append(string.Empty).ToArray();
        var phrases = _host.Service<IEnumerable<CommandRegistration>>().Select(c => c.Descriptor.Phrase).Append("gibberish").ToArray();
        var ids = await RealIdsAsync();
        var statuses = new Dictionary<int, int>();
        using var client = _host.CreateClient();

        for (var i = 0; i < count; i++)
        {
            var body = Mutate(random, Generate(random, verbs, phrases, ids), i);
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/api/messages", content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status != 500 && status is < 502 or > 504, $"Request {i} got {status}: {Truncate(body)}");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.True(statuses.GetValueOrDefault(200) > count / 10, "Most generated activities should be valid enough to be handled: " + string.Join(", ", statuses.Select(s => $"{s.Key}={s.Value}")));
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM checkin_answers a JOIN checkin_periods p ON p.id = a.period_id WHERE a.person_id <> p.person_id"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM checkin_answers a WHERE NOT EXISTS (SELECT 1 FROM checkin_periods p WHERE p.id = a.period_id)"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM mentor_notes n WHERE NOT EXISTS (SELECT 1 FROM map_mentorships m WHERE m.mentor_id = n.author_id AND m.mentee_id = n.mentee_id)"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM bookings b WHERE b.requester_id <> b.mentor_id AND b.requester_id <> b.mentee_id"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM map_mentorships WHERE origin = 'matching'"));
        if (_host.Provider == "Sqlite")
        {
            Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        }
    }

    private static JsonObject Generate(Random random, string[] verbs, string[] phrases, string[] ids)
    {
        var (user, name) = Split(People[random.Next(People.Length)]);
        var kind = random.Next(3);
        var activity = TeamsActivities.Base(kind == 0 ? "message" : kind == 1 ? "invoke" : "message",
            conversationId: $"a:personal-{user}", fromAad: $"00000000-0000-0000-0000-00000000000{user}", fromId: $"29:user-{user}", fromName: name);
        if (kind == 0)
        {
            activity["text"] = phrases[random.Next(phrases.Length)] + (random.Next(3) == 0 ? " " + Word(random) : string.Empty);
            return activity;
        }

        var data = new JsonObject();
        var verb = verbs[random.Next(verbs.Length)];
        data["verb"] = verb;
        for (var k = random.Next(6); k > 0; k--)
        {
            data[Keys[random.Next(Keys.Length)]] = random.Next(3) == 0 ? Word(random) : ids[random.Next(ids.Length)];
        }

        if (kind == 1)
        {
            activity["name"] = random.Next(20) == 0 ? "composeExtension/query" : "adaptiveCard/action";
            activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        }
        else
        {
            activity["value"] = data;
            activity["replyToId"] = "card-" + random.Next(100);
        }

        return activity;
    }

    /// <summary>Leaves most activities whole; the rest get one of the mutations a broken or hostile client sends.</summary>
    private static string Mutate(Random random, JsonObject activity, int i)
    {
        switch (random.Next(12))
        {
            case 0:
                var text = activity.ToJsonString();
                return text[..random.Next(text.Length)];
            case 1:
                activity[Pick(random, "from", "conversation", "value", "type", "id", "text", "recipient", "channelData")] = random.Next(3) switch
                {
                    0 => 42,
                    1 => new JsonArray(1, "two", null),
                    _ => null,
                };
                break;
            case 2:
                activity["text"] = new string('x', random.Next(1, 3) == 1 ? 100_000 : 300_000);
                break;
            case 3:
                if (activity["value"] is JsonObject value)
                {
                    value["action"] = random.Next(2) == 0 ? "Action.Execute" : new JsonObject { ["type"] = "Action.Execute", ["verb"] = 7, ["data"] = new JsonArray() };
                }

                break;
            case 4:
                activity["id"] = "dup-" + (i % 50);
                break;
            case 5:
                activity["text"] = "\u0000\u202e\ud83d\ude00 <script>alert(1)</script> {{verb}} %s";
                break;
            default:
                break;
        }

        return activity.ToJsonString();
    }

    private async Task<string[]> RealIdsAsync()
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        var periods = await connection.QueryAsync<string>("SELECT id FROM checkin_periods");
        var bookings = await connection.QueryAsync<string>("SELECT id FROM bookings");
        var mentorships = await connection.QueryAsync<string>("SELECT id FROM map_mentorships");
        return [.. periods, .. bookings, .. mentorships, "alex-wilber", "megan-bowen", "isaiah-langer", "3", "30", "-1", "true", "false", "9999999999999", "case-debrief", "private", "shared"];
    }

    private static (int User, string Name) Split(string person) => (int.Parse(person.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture), person.Split('|')[1]);

    private static string Word(Random random) => random.Next(4) switch
    {
        0 => string.Empty,
        1 => new string('é', random.Next(1, 2000)),
        2 => Guid.NewGuid().ToString(),
        _ => "' OR 1=1 --",
    };

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];

    private static string Truncate(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
