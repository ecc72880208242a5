using Dapper;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>A large flat programme for fan-out tests: staff each with a lane mentor, every mentee with a conversation.</summary>
internal static class FanOutMap
{
    /// <summary><paramref name="count"/> staff, each with a lane mentor (leads with capacity 4), under one manager.</summary>
    public static MentorshipMap Pairs(int count)
    {
        string I(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hours = WorkingHours.Default;
        Person Make(string id, Level level, string? manager, int capacity) =>
            new(id, Guid.NewGuid().ToString(), id, null, level, "u", manager, "America/Chicago", hours, null, new DateOnly(2020, 1, 1), "en-US", capacity, capacity > 0 ? ["lane"] : [], false);
        var people = new List<Person> { Make("boss", Level.Manager, null, 0) };
        people.AddRange(Enumerable.Range(0, (count + 3) / 4).Select(l => Make("lead" + I(l), Level.Lead, "boss", 4)));
        people.AddRange(Enumerable.Range(0, count).Select(s => Make("staff" + I(s), Level.Staff, "boss", 0)));
        var pairs = Enumerable.Range(0, count).Select(s => new Mentorship(
            "m" + I(s), "lead" + I(s / 4), "staff" + I(s), ["lane"], MentorshipKind.Lane,
            new Cadence(CadenceFrequency.Weekly, DayOfWeek.Tuesday, new TimeOnly(10, 0)), new DateOnly(2026, 1, 6), MentorshipStatus.Active, null, null)).ToList();
        return new MentorshipMap("Fan-out", [new Lane("lane", "Lane", string.Empty)], [new Unit("u", "Unit", null)], people, pairs, [], []);
    }

    /// <summary>Personal conversations for every mentee, at <paramref name="serviceUrl"/>, as if each had installed the app.</summary>
    public static async Task RegisterConversationsAsync(MentorBotHost host, MentorshipMap map, string serviceUrl)
    {
        var mentees = map.Mentorships.Select(m => m.MenteeId).ToHashSet(StringComparer.Ordinal);
        await host.Service<Database>().WriteAsync((connection, transaction) => connection.ExecuteAsync(
            """
            INSERT INTO conversation_references (conversation_id, conversation_type, tenant_id, service_url, bot_id, user_id, aad_object_id, status, created_at_ms, updated_at_ms)
            VALUES (@Conversation, 'personal', 'tenant-large', @ServiceUrl, '28:bot', @User, @Aad, 'active', 0, 0)
            """,
            map.People.Where(p => mentees.Contains(p.Id)).Select(p => new { Conversation = "a:" + p.Id, ServiceUrl = serviceUrl, User = "29:" + p.Id, Aad = p.AadObjectId!.ToLowerInvariant() }),
            transaction), default);
    }

    /// <summary>
    /// The programme and <paramref name="people"/> queued check-in prompts to conversations at <paramref name="serviceUrl"/>,
    /// written by an in-process host that is gone before the test's MentorBot processes start.
    /// </summary>
    public static async Task QueuePromptsAsync(TestDatabase database, string serviceUrl, int people)
    {
        await using var host = await MentorBotHost.StartOnAsync(database, new Dictionary<string, string?> { ["Map:SeedDemoMap"] = "false" });

        // This host only writes the data: its own scheduler must not start sending what it queues.
        // Holding the dispatch gate waits for a dispatch already running and keeps every later one out.
        await host.Service<OutboxDispatchGate>().Semaphore.WaitAsync();
        host.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var map = Pairs(people);
        await host.Service<MapStore>().ImportAsync(map, null, default);
        await RegisterConversationsAsync(host, map, serviceUrl);
        var queued = await host.Scoped<CheckInScheduler>().OpenAllNowAsync(default);
        Assert.Equal(people, queued.Opened);
        Assert.Equal(people, (await host.Service<OutboxStore>().CountByStatusAsync(default)).GetValueOrDefault("queued"));
    }

    /// <summary>A connection of the test's own to the suite's database, for asserting on what MentorBot stored.</summary>
    public static async Task<System.Data.Common.DbConnection> OpenAsync(TestDatabase database)
    {
        System.Data.Common.DbConnection connection = database.Provider == "Postgres"
            ? new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
