using System.Globalization;
using Dapper;
using MentorBot.Bench.Host;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;
using MentorBot.Hosting;
using MentorBot.Persistence;
using MentorBot.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bench;

/// <summary>
/// Puts <c>count</c> due check-ins in a store before the bot starts, with MentorBot's own services (not started): a
/// programme of that many mentees, each paired with a lead, imported as <c>map import</c> does; a personal conversation
/// per mentee at the benchmark connector's service URL, as if each had installed the app; then an ad-hoc check-in for
/// every mentee, queued in the outbox, as <c>dispatch checkins --now</c> does. The pairings start in two months, so the
/// bot's own scheduler opens nothing else while the benchmark runs.
/// </summary>
internal static class FanOutSeed
{
    public const string Tenant = "bench-tenant";

    public static async Task<int> QueueAsync(BenchStore store, int count, string serviceUrl)
    {
        await using var app = await ImportAsync(store, Programme(count, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60)), serviceUrl);
        using var scope = app.Services.CreateScope();
        var opened = (await scope.ServiceProvider.GetRequiredService<CheckInScheduler>().OpenAllNowAsync(default)).Opened;
        var queued = (await app.Services.GetRequiredService<OutboxStore>().CountByStatusAsync(default)).GetValueOrDefault("queued");
        return opened == queued ? queued : throw new InvalidOperationException($"{opened} check-ins opened but {queued} queued.");
    }

    /// <summary>
    /// Imports <paramref name="map"/> into the store with MentorBot's own services (not started), and gives every mentee
    /// a personal conversation at <paramref name="serviceUrl"/>. The caller disposes the services.
    /// </summary>
    public static async Task<WebApplication> ImportAsync(BenchStore store, MentorshipMap map, string serviceUrl)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = store.Provider,
            ["Storage:ConnectionString"] = store.ConnectionString,
            ["Map:SeedDemoMap"] = "false",
        });
        builder.AddMentorBot();
        var app = builder.Build();
        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(default);
        await app.Services.GetRequiredService<MapStore>().ImportAsync(map, null, default);
        await RegisterConversationsAsync(app.Services.GetRequiredService<Database>(), map, serviceUrl);
        return app;
    }

    public static string Conversation(int mentee) => "a:bench-" + mentee.ToString(CultureInfo.InvariantCulture);

    public static string StaffId(int mentee) => "staff" + mentee.ToString(CultureInfo.InvariantCulture);

    public static string StaffAadObjectId(int mentee) => AadObjectId(StaffId(mentee));

    /// <summary>
    /// <paramref name="count"/> staff under one manager, each with a lane mentor (a lead mentors four), weekly on
    /// Tuesdays at 10:00 in America/Chicago inside the usual working hours unless told otherwise.
    /// </summary>
    public static MentorshipMap Programme(int count, DateOnly start, Cadence? cadence = null, string timeZone = "America/Chicago", WorkingHours? hours = null)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        Person Make(string id, Level level, string? manager, int capacity) =>
            new(id, AadObjectId(id), $"Person {id}", null, level, "unit", manager, timeZone, hours ?? WorkingHours.Default, null, new DateOnly(2020, 1, 1), "en-US", capacity, capacity > 0 ? ["lane"] : [], false);
        var people = new List<Person> { Make("manager", Level.Manager, null, 0) };
        people.AddRange(Enumerable.Range(0, (count + 3) / 4).Select(l => Make("lead" + N(l), Level.Lead, "manager", 4)));
        people.AddRange(Enumerable.Range(0, count).Select(s => Make(StaffId(s), Level.Staff, "manager", 0)));
        var pairings = Enumerable.Range(0, count).Select(s => new Mentorship(
            "pair" + N(s), "lead" + N(s / 4), StaffId(s), ["lane"], MentorshipKind.Lane,
            cadence ?? new Cadence(CadenceFrequency.Weekly, DayOfWeek.Tuesday, new TimeOnly(10, 0)), start, MentorshipStatus.Active, null, null)).ToList();
        return new MentorshipMap("Fan-out bench", [new Lane("lane", "Lane", string.Empty)], [new Unit("unit", "Unit", null)], people, pairings, [], []);
    }

    private static string AadObjectId(string id) => new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(id))).ToString();

    private static async Task RegisterConversationsAsync(Database database, MentorshipMap map, string serviceUrl)
    {
        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO conversation_references (conversation_id, conversation_type, tenant_id, service_url, bot_id, user_id, aad_object_id, status, created_at_ms, updated_at_ms)
                VALUES (@Conversation, 'personal', @Tenant, @ServiceUrl, '28:bench-bot', @User, @Aad, 'active', 0, 0)
                """,
                map.Mentorships.Select((m, i) => new { Conversation = Conversation(i), Tenant, ServiceUrl = serviceUrl, User = "29:" + m.MenteeId, Aad = AadObjectId(m.MenteeId) }),
                transaction);
            return true;
        }, default);
    }
}
