using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.CheckIns;
using MentorBot.Persistence;

namespace MentorBot.IntegrationTests;

/// <summary>
/// A database file made by an earlier MentorBot (Fixtures/mentorbot-57a9034.db.gz: commit 57a9034, SQLite 3.35 through
/// Microsoft.Data.Sqlite 6, schema version 13; the demo map, and Alex's answered check-in) opens on today's SQLite,
/// is migrated in place, keeps what it held, and works.
/// </summary>
public sealed class SqliteUpgradeTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "mentorbot-57a9034.db.gz");

    [Fact]
    public async Task A_database_file_from_an_earlier_MentorBot_is_migrated_in_place_and_keeps_working()
    {
        await using var database = await TestDatabase.CopyOfSqliteAsync(Fixture);
        long before;
        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString))
        {
            await old.OpenAsync();
            before = await old.ExecuteScalarAsync<long>("SELECT MAX(version) FROM schema_migrations");
        }

        await using var host = await MentorBotHost.StartOnAsync(database, new Dictionary<string, string?> { ["Map:SeedDemoMap"] = "false" });
        await using var connection = await host.Service<Database>().OpenAsync(default);

        Assert.Equal(13, before);
        Assert.Equal(EmbeddedMigration.LoadAll()[^1].Version, await connection.ExecuteScalarAsync<long>("SELECT MAX(version) FROM schema_migrations"));
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        Assert.StartsWith("3.5", await connection.ExecuteScalarAsync<string>("SELECT sqlite_version()"), StringComparison.Ordinal);

        // What the old file held is still there: the map, and Alex's check-in with its answer.
        Assert.Equal(52, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM map_people"));
        var earlier = await connection.QuerySingleAsync<string>("SELECT period_id FROM checkin_answers WHERE person_id = 'alex-wilber'");
        Assert.Equal("Handover notes, written before the upgrade", (await host.Service<CheckInStore>().FindAnswerAsync(earlier, default))!.Learned);

        // And it works: a turn answers, and an edit of that check-in saves a new revision.
        var help = await host.PostActivityAsync(Speaker.Alex.Message("help"));
        Assert.True(help.IsSuccessStatusCode);
        var saved = await Sent.InvokeBodyAsync(await host.PostActivityAsync(Speaker.Alex.Execute(CheckInVerbs.Submit, new JsonObject
        {
            ["period"] = earlier, ["learned"] = "Edited after the upgrade", ["confidence"] = "4", ["load"] = "2",
        })));
        Assert.Contains("application/vnd.microsoft.card.adaptive", saved.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, (await host.Service<CheckInStore>().FindAnswerAsync(earlier, default))!.Revision);
    }
}
