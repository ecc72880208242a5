using System.Diagnostics;
using Dapper;
using MentorBot.Features.Map;
using MentorBot.Features.Map.File;
using MentorBot.Persistence;

namespace MentorBot.IntegrationTests;

public sealed class MapImportTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync() => _host = await MentorBotHost.StartAsync(new Dictionary<string, string?> { ["Map:SeedDemoMap"] = "false" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Importing_the_same_map_twice_changes_nothing_the_second_time()
    {
        var map = MentorBot.Features.Map.Demo.DemoMap.Load(new DateOnly(2026, 11, 23));
        var store = _host.Service<MapStore>();

        var first = await store.ImportAsync(map, null, default);
        var second = await store.ImportAsync(map, null, default);

        Assert.Equal(52, first.People.Added);
        Assert.False(second.Changed);
        Assert.Equal(52, second.People.Unchanged);
        Assert.Equal(33, second.Mentorships.Unchanged);
    }

    [Fact]
    public async Task People_and_pairings_that_leave_the_map_are_ended_not_deleted_and_can_come_back()
    {
        var store = _host.Service<MapStore>();
        var map = MentorBot.Features.Map.Demo.DemoMap.Load(new DateOnly(2026, 11, 23));
        await store.ImportAsync(map, null, default);
        var isaiah = map.People.Single(p => p.Name == "Isaiah Langer");
        var without = map with
        {
            People = [.. map.People.Where(p => p.Id != isaiah.Id)],
            Mentorships = [.. map.Mentorships.Where(m => m.MentorId != isaiah.Id && m.MenteeId != isaiah.Id)],
            Circles = [.. map.Circles.Select(c => c with { MemberIds = [.. c.MemberIds.Where(m => m != isaiah.Id)] })],
        };

        var changed = await store.ImportAsync(without, null, default);

        Assert.Equal(1, changed.People.Ended);
        Assert.True(changed.Mentorships.Ended >= 1);
        await using (var connection = await _host.Service<Database>().OpenAsync(default))
        {
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT active FROM map_people WHERE id = @id", new { id = isaiah.Id }));
            Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM map_mentorships WHERE (mentor_id = @id OR mentee_id = @id) AND status = 'ended'", new { id = isaiah.Id }) >= 1);
        }

        Assert.Null(await _host.Service<MapDirectory>().FindByAadObjectIdAsync(isaiah.AadObjectId!, default));
        var back = await store.ImportAsync(map, null, default);
        Assert.Equal(1, back.People.Updated);
        Assert.NotNull(await _host.Service<MapDirectory>().FindByAadObjectIdAsync(isaiah.AadObjectId!, default));
    }

    [Fact]
    public async Task A_failed_import_leaves_nothing_half_written()
    {
        var store = _host.Service<MapStore>();
        var map = LargeMap.Generate(1_000);
        var failing = new ThrowingProgress();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ImportAsync(map, failing, default));

        Assert.True(await store.IsEmptyAsync(default));
    }

    [Fact]
    public async Task Ten_thousand_people_import_in_one_transaction_with_progress()
    {
        var map = LargeMap.Generate(10_000);
        var reports = new List<ImportProgress>();
        var progress = new SynchronousProgress(reports.Add);
        var clock = Stopwatch.StartNew();

        var summary = await _host.Service<MapStore>().ImportAsync(map, progress, default);

        Assert.Equal(10_000, summary.People.Added);
        Assert.Equal(map.Mentorships.Count, summary.Mentorships.Added);
        Assert.True(reports.Count >= 40, $"only {reports.Count} progress reports");
        Assert.Equal(reports[^1].Total, reports[^1].Done);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"took {clock.Elapsed}");

        var again = await _host.Service<MapStore>().ImportAsync(map, null, default);
        Assert.False(again.Changed);
    }

    [Fact]
    public async Task The_cli_validates_and_imports_with_exit_codes()
    {
        var directory = Directory.CreateTempSubdirectory("mentorbot-cli-");
        try
        {
            var good = Path.Combine(directory.FullName, "good.json");
            var bad = Path.Combine(directory.FullName, "bad.json");
            File.WriteAllText(good, System.Text.Json.JsonSerializer.Serialize(MapDocumentWriter.From(MentorBot.Features.Map.Demo.DemoMap.Load(new DateOnly(2026, 11, 23))), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
            File.WriteAllText(bad, """{ "people": [ { "id": "x", "name": "X", "level": "nurse" } ] }""");
            string[] storage = [$"--Storage:Provider={_host.Provider}", $"--Storage:ConnectionString={_host.Service<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.ConnectionString}"];

            Assert.Equal(1, await MentorBot.Hosting.MentorBotCli.RunAsync(["map", "validate", bad, .. storage]));
            Assert.Equal(0, await MentorBot.Hosting.MentorBotCli.RunAsync(["map", "validate", good, .. storage]));
            Assert.Equal(1, await MentorBot.Hosting.MentorBotCli.RunAsync(["map", "import", bad, .. storage]));
            Assert.True(await _host.Service<MapStore>().IsEmptyAsync(default));
            Assert.Equal(0, await MentorBot.Hosting.MentorBotCli.RunAsync(["map", "import", good, .. storage]));
            Assert.False(await _host.Service<MapStore>().IsEmptyAsync(default));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed class ThrowingProgress : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => throw new InvalidOperationException("the import was interrupted");
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
