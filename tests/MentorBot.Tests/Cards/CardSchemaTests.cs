using MentorBot.Cards;

namespace MentorBot.Tests.Cards;

public sealed class CardSchemaTests
{
    [Fact]
    public void Every_card_sample_validates_against_the_official_adaptive_card_1_5_schema()
    {
        var directory = Directory.CreateTempSubdirectory("mentorbot-cards-");
        try
        {
            foreach (var (name, card) in CardSamples.All)
            {
                File.WriteAllText(Path.Combine(directory.FullName, name + ".json"), CardSerializer.Serialize(card));
            }

            var results = JsonSchemaValidator.Validate(RepositoryPaths.Combine("tests", "schemas", "adaptive-card-1.5.json"), directory.FullName, allowMsTeams: true);

            Assert.Equal(CardSamples.All.Count, results.Count);
            var failures = results.Where(r => r.Value.Count > 0).Select(r => $"{r.Key}: {string.Join("; ", r.Value)}").ToList();
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_validator_really_rejects_a_card_with_an_unknown_property()
    {
        var directory = Directory.CreateTempSubdirectory("mentorbot-cards-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "bad.json"), """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","colour":"red"}]}""");

            var results = JsonSchemaValidator.Validate(RepositoryPaths.Combine("tests", "schemas", "adaptive-card-1.5.json"), directory.FullName, allowMsTeams: true);

            Assert.NotEmpty(results["bad.json"]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_card_builder_has_a_sample()
    {
        var builders = typeof(AdaptiveCard).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Card", StringComparison.Ordinal) && t.Namespace?.StartsWith("MentorBot.Features", StringComparison.Ordinal) == true)
            .Where(t => t.GetMethods().Any(m => m.IsStatic && m.ReturnType == typeof(AdaptiveCard)))
            .Select(t => t.Name)
            .ToList();
        var sampled = CardSamples.All.Keys.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(builders);
        Assert.All(builders, b => Assert.Contains(b, sampled));
    }

    [Fact]
    public void Every_execute_action_carries_a_submit_fallback_with_the_same_verb()
    {
        foreach (var (name, card) in CardSamples.All)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(CardSerializer.Serialize(card))!;
            foreach (var action in Descendants(json).OfType<System.Text.Json.Nodes.JsonObject>().Where(o => (string?)o["type"] == "Action.Execute"))
            {
                var fallback = action["fallback"]!.AsObject();
                Assert.Equal("Action.Submit", (string?)fallback["type"]);
                Assert.Equal((string?)action["verb"], (string?)fallback["data"]!["verb"]);
                Assert.True(action["title"] is not null, name);
            }
        }
    }

    [Fact]
    public void Cards_stay_well_under_the_teams_message_size_limit()
    {
        Assert.All(CardSamples.All.Values, card => Assert.True(CardSerializer.Serialize(card).Length < 28 * 1024));
    }

    private static IEnumerable<System.Text.Json.Nodes.JsonNode> Descendants(System.Text.Json.Nodes.JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            System.Text.Json.Nodes.JsonObject o => o.Select(p => p.Value),
            System.Text.Json.Nodes.JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.Where(c => c is not null))
        {
            foreach (var d in Descendants(child!))
            {
                yield return d;
            }
        }
    }
}
