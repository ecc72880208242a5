using System.Text.Json;
using MentorBot.Cards;

namespace MentorBot.Tests.Cards;

/// <summary>
/// Each card sample is compared with its snapshot in Snapshots/. After an intended change, run the tests with
/// UPDATE_SNAPSHOTS=1 and review the diff.
/// </summary>
public sealed class CardSnapshotTests
{
    public static TheoryData<string> Names => [.. CardSamples.All.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Card_matches_its_snapshot(string name)
    {
        var json = JsonSerializer.Serialize(JsonDocument.Parse(CardSerializer.Serialize(CardSamples.All[name])).RootElement, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var path = RepositoryPaths.Combine("tests", "MentorBot.Tests", "Snapshots", name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || !File.Exists(path))
        {
            File.WriteAllText(path, json);
            Assert.True(Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || Environment.GetEnvironmentVariable("CI") != "true", $"Snapshot {name} was missing in CI.");
            return;
        }

        Assert.Equal(File.ReadAllText(path), json);
    }
}
