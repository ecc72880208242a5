using MentorBot.Features.Map;
using MentorBot.Features.Map.Sync;

namespace MentorBot.IntegrationTests;

public sealed class MapSyncTests : IAsyncLifetime
{
    private const string AlexAad = "00000000-0000-0000-0000-0000000000020";
    private const string MeganAad = "00000000-0000-0000-0000-0000000000021";
    private const string SamuelAad = "10000000-0000-0000-0000-000000000029";
    private FakeGraphServer _graph = null!;
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.AddUser(MeganAad, "Megan Bowen", "megan.bowen@riversidecare.example", "Medical Ward 3", null, "America/Chicago");
        _graph.AddUser(SamuelAad, "Samuel Okafor", "samuel.okafor@riversidecare.example", "Medical Ward 3", null, "America/Chicago");
        _graph.AddUser(AlexAad, "Alex Wilber-Jones", "alex.wilber@riversidecare.example", "Medical Ward 3", SamuelAad, "Pacific Standard Time", "07:00:00.0000000", "15:30:00.0000000");
        _graph.AddUser("aaaaaaaa-0000-0000-0000-000000000001", "Jordan Nguyen", "jordan.nguyen@riversidecare.example", "Medical Ward 3", MeganAad, "America/New_York");
        _graph.AddUser("aaaaaaaa-0000-0000-0000-000000000002", "Río Álvarez", "rio.alvarez@riversidecare.example", "Unknown Department", "aaaaaaaa-0000-0000-0000-000000000001", "Europe/Madrid");
        _host = await MentorBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = _graph.BaseUrl,
            ["Graph:TenantId"] = "tenant",
            ["Graph:ClientId"] = "client",
            ["Graph:ClientSecret"] = "secret",
            ["Graph:TeamsAppCatalogId"] = "catalog-app-1",
        });
        _host.Connector.PassThrough(_graph.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Sync_pages_through_users_honours_retry_after_and_fills_managers_zones_and_hours()
    {
        var result = await _host.Service<MapSyncService>().RunAsync(install: false, "map-sync-test", null, default);

        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        Assert.Equal(5, result.DirectoryUsers);
        Assert.Equal(2, result.Summary!.People.Added);
        Assert.Equal(2, _graph.Calls.Count(c => c.Contains("skiptoken=3", StringComparison.Ordinal)));

        var directory = _host.Service<MapDirectory>();
        var alex = (await directory.FindByAadObjectIdAsync(AlexAad, default))!;
        Assert.Equal("Alex Wilber-Jones", alex.Name);
        Assert.Equal("America/Los_Angeles", alex.TimeZone);
        Assert.Equal(new TimeOnly(7, 0), alex.WorkingHours.Start);
        Assert.Equal("samuel-okafor", alex.ManagerId);
        Assert.Equal(Level.Staff, alex.Level);

        var jordan = (await directory.FindByAadObjectIdAsync("aaaaaaaa-0000-0000-0000-000000000001", default))!;
        Assert.Equal(("jordan-nguyen", "megan-bowen", "America/New_York", "medical-ward-3"), (jordan.Id, jordan.ManagerId, jordan.TimeZone, jordan.UnitId));
        var rio = (await directory.FindByAadObjectIdAsync("aaaaaaaa-0000-0000-0000-000000000002", default))!;
        Assert.Equal(("rio-alvarez", "jordan-nguyen", "Europe/Madrid"), (rio.Id, rio.ManagerId, rio.TimeZone));
        Assert.All(_graph.Calls, c => Assert.DoesNotContain("login.microsoftonline", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_directory_change_that_breaks_a_programme_rule_is_reported_and_nothing_is_imported()
    {
        _graph.Users.Single(u => (string?)u["id"] == AlexAad)["manager"] = new System.Text.Json.Nodes.JsonObject { ["id"] = MeganAad };

        var result = await _host.Service<MapSyncService>().RunAsync(install: false, "map-sync-test", null, default);

        Assert.Null(result.Summary);
        Assert.Contains(result.Problems, p => p.Message.Contains("line manager is never their lane mentor", StringComparison.Ordinal));
        Assert.Null(await _host.Service<MapDirectory>().FindByAadObjectIdAsync("aaaaaaaa-0000-0000-0000-000000000001", default));
    }

    [Fact]
    public async Task Syncing_again_changes_nothing()
    {
        await _host.Service<MapSyncService>().RunAsync(install: false, "map-sync-test", null, default);

        var again = await _host.Service<MapSyncService>().RunAsync(install: false, "map-sync-test", null, default);

        Assert.False(again.Summary!.Changed);
    }

    [Fact]
    public async Task Install_adds_the_app_for_mapped_people_the_bot_cannot_reach_and_tolerates_existing_installs()
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "help"));

        var first = await _host.Service<MapSyncService>().RunAsync(install: true, "map-sync-test", null, default);
        var second = await _host.Service<MapSyncService>().RunAsync(install: true, "map-sync-test", null, default);

        Assert.Equal(53, first.Installed);
        Assert.Equal(0, first.InstallFailed);
        Assert.DoesNotContain(MeganAad, _graph.Installed);
        Assert.Equal(53, second.Installed);
        Assert.Contains(_graph.Calls, c => c == $"POST /v1.0/users/{AlexAad}/teamwork/installedApps");
        var audited = (await _host.Service<MentorBot.Features.Privacy.AuditLog>().RecentAsync(10, "map", default)).Where(e => e.Action == "map.sync").ToList();
        Assert.Equal(4, audited.Count); // each run: the import (with its counts) and the installs
        Assert.All(audited, e => Assert.Equal("map-sync-test", e.Actor));
        Assert.Contains(audited, e => e.Detail == "installed MentorBot for 53 people; 0 could not be installed");
    }
}
