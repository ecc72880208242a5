using System.IO.Compression;
using System.Text.Json.Nodes;
using MentorBot.Features.Conversations;
using MentorBot.Features.TeamsApp;

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
        }
        finally
        {
            directory.Delete(recursive: true);
        }
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

        Assert.True(((string)spanish["description.short"]!).Length <= 80);
        Assert.True(((string)manifest["description"]!["short"]!).Length <= 80);
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
