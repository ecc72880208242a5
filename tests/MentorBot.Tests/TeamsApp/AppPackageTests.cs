using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MentorBot.Features.Conversations;
using MentorBot.Features.TeamsApp;
using MentorBot.Web;

namespace MentorBot.Tests.TeamsApp;

public sealed class AppPackageTests
{
    private static readonly TeamsAppOptions Configured = new()
    {
        Id = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b",
        Domain = "mentorbot.riversidecare.example",
        Version = "1.2.3",
        DeveloperName = "Riverside Care Network",
        WebsiteUrl = new Uri("https://riversidecare.example/mentorbot"),
        PrivacyUrl = new Uri("https://riversidecare.example/privacy"),
        TermsUrl = new Uri("https://riversidecare.example/terms"),
    };

    private const string BotId = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public void The_packed_zip_holds_a_manifest_that_validates_against_the_official_1_22_schema()
    {
        var directory = Directory.CreateTempSubdirectory("mentorbot-pack-");
        try
        {
            var (values, problems) = ManifestPacker.Resolve(Configured, BotId);
            Assert.Empty(problems);
            var zipPath = Path.Combine(directory.FullName, "appPackage.zip");

            ManifestPacker.Pack(RepositoryPaths.Combine("manifest"), values!, zipPath);

            var unpacked = Directory.CreateDirectory(Path.Combine(directory.FullName, "unpacked"));
            ZipFile.ExtractToDirectory(zipPath, unpacked.FullName);
            Assert.Equal(ManifestPacker.PackageFiles.Order(), Directory.GetFiles(unpacked.FullName).Select(Path.GetFileName).Order());
            var manifestOnly = Directory.CreateDirectory(Path.Combine(directory.FullName, "manifest-only"));
            File.Copy(Path.Combine(unpacked.FullName, "manifest.json"), Path.Combine(manifestOnly.FullName, "manifest.json"));

            var results = JsonSchemaValidator.Validate(RepositoryPaths.Combine("tests", "schemas", "MicrosoftTeams-1.22.schema.json"), manifestOnly.FullName, allowMsTeams: false);

            Assert.Empty(results["manifest.json"]);
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(unpacked.FullName, "manifest.json")))!;
            Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
            Assert.Equal(BotId, (string?)manifest["webApplicationInfo"]!["id"]);
            Assert.Equal("mentorbot.riversidecare.example", (string?)manifest["validDomains"]![0]);
            Assert.Equal("https://riversidecare.example/privacy", (string?)manifest["developer"]!["privacyUrl"]);
            Assert.DoesNotContain("${{", manifest.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal(new[] { "personal", "groupChat" }, manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => (string?)s));
            Assert.Equal($"api://mentorbot.riversidecare.example/{BotId}", (string?)manifest["webApplicationInfo"]!["resource"]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_separate_app_registration_for_the_tab_goes_into_web_application_info_and_the_bot_keeps_its_own_id()
    {
        const string TabClientId = "99999999-8888-7777-6666-555555555555";
        var (values, problems) = ManifestPacker.Resolve(Configured, BotId, TabClientId);
        Assert.Empty(problems);
        var manifest = JsonNode.Parse(ManifestPacker.Fill(File.ReadAllText(RepositoryPaths.Combine("manifest", "manifest.json")), values!))!;

        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(TabClientId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal($"api://mentorbot.riversidecare.example/{TabClientId}", (string?)manifest["webApplicationInfo"]!["resource"]);

        var (custom, _) = ManifestPacker.Resolve(Configured, BotId, TabClientId, "api://mentorbot.riversidecare.example/tab");
        Assert.Equal("api://mentorbot.riversidecare.example/tab", custom!["TAB_RESOURCE"]);

        var (refused, reasons) = ManifestPacker.Resolve(Configured, BotId, "not-a-guid", "https://wrong");
        Assert.Null(refused);
        Assert.Contains(reasons, r => r.StartsWith("Tab:ClientId", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("Tab:ApplicationIdUri", StringComparison.Ordinal));
    }

    [Fact]
    public void The_filled_manifest_has_the_five_personal_tab_pages_served_over_https_by_the_bot()
    {
        var (values, _) = ManifestPacker.Resolve(Configured, BotId);
        var manifest = JsonNode.Parse(ManifestPacker.Fill(File.ReadAllText(RepositoryPaths.Combine("manifest", "manifest.json")), values!))!;
        var tabs = manifest["staticTabs"]!.AsArray().Select(t => t!.AsObject()).ToList();

        Assert.Equal(["map", "growth", "mentees", "dashboard", "programme"], tabs.Select(t => (string)t["entityId"]!));
        Assert.Equal(TabLinks.Pages, tabs.Select(t => (string)t["entityId"]!));
        Assert.Equal(["Map", "My growth", "My mentees", "Dashboard", "Programme"], tabs.Select(t => (string)t["name"]!));
        foreach (var tab in tabs)
        {
            var page = new Uri($"https://mentorbot.riversidecare.example/tab/{(string)tab["entityId"]!}");
            Assert.Equal(["personal"], tab["scopes"]!.AsArray().Select(s => (string)s!));
            Assert.Equal(page, new Uri((string)tab["contentUrl"]!));
            Assert.Equal(page, new Uri((string)tab["websiteUrl"]!));
            Assert.Equal(Uri.UriSchemeHttps, page.Scheme);
            Assert.Contains(page.Host, manifest["validDomains"]!.AsArray().Select(d => (string)d!));
        }

        // Tab sign-on: the resource is the bot's own Entra app's Application ID URI, on the domain the tab is served from.
        Assert.Equal(BotId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal($"api://mentorbot.riversidecare.example/{BotId}", (string?)manifest["webApplicationInfo"]!["resource"]);
    }

    [Fact]
    public void The_manifest_validator_really_rejects_a_bad_manifest()
    {
        var directory = Directory.CreateTempSubdirectory("mentorbot-badmanifest-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "manifest.json"), """{"manifestVersion":"1.22","version":"1.0.0","id":"not-a-guid","name":{"short":"x"}}""");

            var results = JsonSchemaValidator.Validate(RepositoryPaths.Combine("tests", "schemas", "MicrosoftTeams-1.22.schema.json"), directory.FullName, allowMsTeams: false);

            Assert.NotEmpty(results["manifest.json"]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_manifests_command_list_is_the_bots_real_commands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("manifest", "manifest.json")))!;
        var personal = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();
        var registered = typeof(Program).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.Name == "ITextCommand") && !t.IsAbstract)
            .Select(t => ((CommandDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!).Phrase)
            .ToList();

        // Teams shows at most 10 commands in the compose menu: the manifest lists the everyday ones, help lists all.
        Assert.InRange(personal.Count, 1, 10);
        Assert.Subset(registered.ToHashSet(), personal.ToHashSet());
        Assert.Equal(personal.Count, personal.Distinct().Count());
        Assert.All(manifest["bots"]![0]!["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()), c => Assert.True(((string)c!["title"]!).Length <= 32));
    }

    [Fact]
    public void The_spanish_strings_cover_the_names_descriptions_and_every_command()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("manifest", "manifest.json")))!;
        var spanish = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("manifest", "es.json")))!.AsObject();
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();

        Assert.Equal("es.json", (string?)manifest["localizationInfo"]!["additionalLanguages"]![0]!["file"]);
        foreach (var key in new[] { "name.short", "name.full", "description.short", "description.full" })
        {
            Assert.True(spanish.ContainsKey(key), key);
        }

        for (var l = 0; l < lists.Count; l++)
        {
            for (var c = 0; c < lists[l]!["commands"]!.AsArray().Count; c++)
            {
                Assert.True(spanish.ContainsKey($"bots[0].commandLists[{l}].commands[{c}].description"), $"command {l}/{c}");
            }
        }

        for (var t = 0; t < manifest["staticTabs"]!.AsArray().Count; t++)
        {
            Assert.True(spanish.ContainsKey($"staticTabs[{t}].name"), $"tab {t}");
        }

        Assert.Equal(["Mapa", "Mi crecimiento", "Mis mentorados", "Panel", "Programa"], Enumerable.Range(0, 5).Select(t => (string)spanish[$"staticTabs[{t}].name"]!));
        Assert.True(((string)spanish["description.short"]!).Length <= 80);
        Assert.True(((string)manifest["description"]!["short"]!).Length <= 80);
    }

    /// <summary>
    /// The keys MicrosoftTeams.Localization.schema.json allows for what this app has (it forbids any other), with
    /// their maximum lengths. The schema is not in tests/schemas, so its rules for our keys are restated here.
    /// </summary>
    private static readonly (Regex Key, int MaxLength)[] LocalizationKeys =
    [
        (new(@"^\$schema$"), int.MaxValue),
        (new(@"^name\.short$"), 30),
        (new(@"^name\.full$"), 100),
        (new(@"^description\.short$"), 80),
        (new(@"^description\.full$"), 4000),
        (new(@"^staticTabs\[([0-9]|1[0-5])\]\.name$"), 128),
        (new(@"^bots\[0\]\.commandLists\[[0-2]\]\.commands\[[0-9]\]\.title$"), 32),
        (new(@"^bots\[0\]\.commandLists\[[0-2]\]\.commands\[[0-9]\]\.description$"), 128),
    ];

    [Fact]
    public void Every_spanish_key_is_one_the_localization_schema_allows_within_its_length()
    {
        var spanish = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("manifest", "es.json")))!.AsObject();

        Assert.All(spanish, entry =>
        {
            var rule = LocalizationKeys.SingleOrDefault(k => k.Key.IsMatch(entry.Key));
            Assert.True(rule.Key is not null, $"{entry.Key} is not a localization key");
            Assert.True(((string)entry.Value!).Length <= rule.MaxLength, $"{entry.Key} is longer than {rule.MaxLength}");
        });
    }

    [Fact]
    public void Missing_or_wrong_settings_are_all_reported_with_what_to_set()
    {
        var (values, problems) = ManifestPacker.Resolve(new TeamsAppOptions { Domain = "https://bad.example/path", Version = "one" }, "not-a-guid");

        Assert.Null(values);
        Assert.Contains(problems, p => p.StartsWith("TeamsApp:Id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Bot:AppId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("TeamsApp:Domain", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("TeamsApp:Version", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("TeamsApp:PrivacyUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_placeholder_is_an_error_not_a_broken_package()
    {
        Assert.Throws<InvalidOperationException>(() => ManifestPacker.Fill("""{"x":"${{NOPE}}"}""", new Dictionary<string, string>()));
    }

    [Fact]
    public void Values_are_json_escaped_when_filled()
    {
        var filled = ManifestPacker.Fill("""{"x":"${{DEVELOPER_NAME}}"}""", new Dictionary<string, string> { ["DEVELOPER_NAME"] = "O\"Brien & Co" });

        Assert.Equal("O\"Brien & Co", (string?)JsonNode.Parse(filled)!["x"]);
    }
}
