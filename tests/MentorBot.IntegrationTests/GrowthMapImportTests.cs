using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.Map;
using MentorBot.Features.Map.File;
using MentorBot.Persistence;

namespace MentorBot.IntegrationTests;

/// <summary>
/// People leaving and the ladder, as a map file brings them in: the demo map file as written (its anchor date is the
/// host's today, so its dates stand), changed one thing at a time and imported again.
/// </summary>
public sealed class GrowthMapImportTests : IAsyncLifetime
{
    private const string Today = "2026-11-23";
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync(new Dictionary<string, string?> { ["Map:SeedDemoMap"] = "false" });
        await ImportAsync(DemoFile());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_demo_files_former_staff_are_stored_as_left_with_their_own_dates_and_reasons()
    {
        await using var c = await _host.Service<Database>().OpenAsync(default);
        var irene = await c.QuerySingleAsync<(long Active, string LeftOn, string Reason)>("SELECT active, left_on, end_reason FROM map_people WHERE id = 'irene-castillo'");
        var history = (await c.QueryAsync<(string Change, string On, string? To)>("SELECT change, on_date, to_value FROM person_history WHERE person_id = 'irene-castillo' ORDER BY on_date")).ToList();

        Assert.Equal((0L, "2026-05-29", "moved-unit"), irene);
        Assert.Equal([("joined", "2025-02-18", "staff"), ("left", "2026-05-29", "moved-unit")], history);
        Assert.Equal(6L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM map_people WHERE left_on IS NOT NULL AND active = 0"));
        Assert.Null(await _host.Service<MapDirectory>().FindByIdAsync("irene-castillo", default));
    }

    [Fact]
    public async Task A_person_who_gains_left_is_ended_with_that_reason_and_one_dropped_from_the_file_is_ended_as_unspecified()
    {
        var file = DemoFile();
        Person(file, "vikram-shah")["left"] = new JsonObject { ["on"] = "2026-11-20", ["reason"] = "moved-unit" };
        file["people"]!.AsArray().Remove(Person(file, "chloe-martin"));

        var summary = await ImportAsync(file);

        Assert.Equal(1, summary.People.Unexplained);
        await using var c = await _host.Service<Database>().OpenAsync(default);
        var people = (await c.QueryAsync<(string Id, long Active, string? LeftOn, string? Reason)>(
            "SELECT id, active, left_on, end_reason FROM map_people WHERE id IN ('vikram-shah', 'chloe-martin') ORDER BY id")).ToList();
        Assert.Equal([("chloe-martin", 0L, Today, "unspecified"), ("vikram-shah", 0L, "2026-11-20", "moved-unit")], people);
        var left = (await c.QueryAsync<(string Person, string On, string? To)>(
            "SELECT person_id, on_date, to_value FROM person_history WHERE change = 'left' AND person_id IN ('vikram-shah', 'chloe-martin') ORDER BY person_id")).ToList();
        Assert.Equal([("chloe-martin", Today, "unspecified"), ("vikram-shah", "2026-11-20", "moved-unit")], left);

        // The same file again: nobody leaves twice.
        var again = await ImportAsync(file);
        Assert.Equal(0, again.People.Unexplained);
        Assert.Equal(2L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM person_history WHERE change = 'left' AND person_id IN ('vikram-shah', 'chloe-martin')"));
    }

    [Fact]
    public async Task A_former_person_listed_again_without_left_returns_and_loses_the_end_reason()
    {
        var file = DemoFile();
        Person(file, "marta-kowalczyk").Remove("left");

        await ImportAsync(file);

        await using var c = await _host.Service<Database>().OpenAsync(default);
        var marta = await c.QuerySingleAsync<(long Active, string? LeftOn, string? Reason)>("SELECT active, left_on, end_reason FROM map_people WHERE id = 'marta-kowalczyk'");
        Assert.Equal((1L, (string?)null, (string?)null), marta);
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM person_history WHERE person_id = 'marta-kowalczyk' AND change = 'returned'"));
    }

    [Fact]
    public async Task A_ladder_problem_is_reported_at_its_json_path_and_the_cli_imports_nothing()
    {
        var file = DemoFile();
        file["ladder"]!["tracks"]![0]!["steps"]![0]!["competencies"]![0]!["lane"] = "nope";
        file["ladder"]!["tracks"]![0]!["steps"]![1]!["onboarding"]!["observe"] = new JsonArray("cg-vital-signs");

        var (map, problems) = Validate(file);

        Assert.Null(map);
        Assert.Contains(problems, p => p.Location == "$.ladder.tracks[0].steps[0].competencies[0].lane" && p.Message == "Unknown lane 'nope'.");
        Assert.Contains(problems, p => p.Location == "$.ladder.tracks[0].steps[1].onboarding.observe[0]" && p.Message.Contains("not one of this step's competencies", StringComparison.Ordinal));

        var directory = Directory.CreateTempSubdirectory("mentorbot-ladder-");
        try
        {
            var path = Path.Combine(directory.FullName, "bad-ladder.json");
            await File.WriteAllTextAsync(path, file.ToJsonString());
            string[] storage = [$"--Storage:Provider={_host.Provider}", $"--Storage:ConnectionString={_host.ConnectionString}"];

            Assert.Equal(1, await MentorBot.Hosting.MentorBotCli.RunAsync(["map", "validate", path, .. storage]));
            Assert.Equal(1, await MentorBot.Hosting.MentorBotCli.RunAsync(["map", "import", path, .. storage]));
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        await using var c = await _host.Service<Database>().OpenAsync(default);
        Assert.Equal("clinical-judgment", await c.ExecuteScalarAsync<string>("SELECT lane_id FROM map_competencies WHERE id = 'cg-vital-signs'"));
    }

    /// <summary>The demo map file as shipped (comments and all), not shifted: its anchor date is the host's today.</summary>
    private static JsonObject DemoFile()
    {
        using var stream = typeof(MapStore).Assembly.GetManifestResourceStream("MentorBot.Features.Map.Demo.demo-map.json")!;
        var file = JsonNode.Parse(stream, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        Assert.Equal(Today, (string?)file["anchorDate"]);
        return file;
    }

    private static JsonObject Person(JsonObject file, string id) => file["people"]!.AsArray().Single(p => (string?)p!["id"] == id)!.AsObject();

    private static (MentorshipMap? Map, IReadOnlyList<MapProblem> Problems) Validate(JsonObject file)
    {
        var (document, shape) = MapFileReader.ReadJson(file.ToJsonString());
        Assert.Empty(shape);
        return MapValidator.Validate(document!);
    }

    private async Task<ImportSummary> ImportAsync(JsonObject file)
    {
        var (map, problems) = Validate(file);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return await _host.Service<MapStore>().ImportAsync(map!, null, default);
    }
}
