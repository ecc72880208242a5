using System.Text.Json.Nodes;
using MentorBot.Cards;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using MentorBot.Web;

namespace MentorBot.Tests.Cards;

/// <summary>
/// The digest and map cards' buttons into the tab. With a link they gain one <c>Action.OpenUrl</c> to it and nothing
/// else changes; without one (no <c>TeamsApp:Id</c>) they are exactly as before. The card samples with links also go
/// through the schema, snapshot and phone-width tests.
/// </summary>
public sealed class TabButtonTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(true, false, "Open dashboard")]
    [InlineData(false, false, "Open dashboard")]
    [InlineData(false, true, "Abrir el panel")]
    public void The_digest_card_opens_the_dashboard_on_its_own_scope(bool nudge, bool spanish, string title)
    {
        var language = spanish ? Language.Spanish : Language.English;
        var report = DigestCardSamples.Report(DigestCardSamples.Ward(), nudge);
        var link = TabLinks.Dashboard(DigestCardSamples.TeamsAppId, report.Header.ScopeKey)!;

        var with = Json(DigestCard.Build(report, language, link));
        var without = Json(DigestCard.Build(report, language));

        var button = Assert.Single(OpenUrlActions(with));
        Assert.Equal(title, (string?)button["title"]);
        Assert.Equal("https://teams.microsoft.com/l/entity/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/dashboard?context=%7B%22subEntityId%22%3A%22mine%22%7D", (string?)button["url"]);
        Assert.Empty(OpenUrlActions(without));
        Assert.Equal(without.ToJsonString(), WithoutOpenUrl(with).ToJsonString());
    }

    [Fact]
    public void The_digest_card_without_a_link_is_the_card_as_before()
    {
        var report = DigestCardSamples.Report(DigestCardSamples.Ward());

        Assert.Equal(CardSerializer.Serialize(DigestCard.Build(report, Language.English)), CardSerializer.Serialize(DigestCard.Build(report, Language.English, dashboard: null)));
        Assert.Equal(CardSerializer.Serialize(CardSamples.All["DigestCard.summary"]), CardSerializer.Serialize(DigestCard.Build(report, Language.English)));
    }

    [Theory]
    [InlineData(false, "Open map")]
    [InlineData(true, "Abrir el mapa")]
    public void The_map_card_opens_the_map_tab(bool spanish, string title)
    {
        var language = spanish ? Language.Spanish : Language.English;
        var link = TabLinks.Map(DigestCardSamples.TeamsAppId)!;

        var with = Json(MyMapCard.Build(CardSamples.SamMap(), CardSamples.Now, Today, language, link));
        var without = Json(MyMapCard.Build(CardSamples.SamMap(), CardSamples.Now, Today, language));

        var button = Assert.Single(OpenUrlActions(with));
        Assert.Equal(title, (string?)button["title"]);
        Assert.Equal("https://teams.microsoft.com/l/entity/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/map", (string?)button["url"]);
        Assert.Null(without["actions"]);
        Assert.Equal(without.ToJsonString(), WithoutOpenUrl(with).ToJsonString());
    }

    [Fact]
    public void Without_a_teams_app_id_the_map_card_has_no_button()
    {
        var card = MyMapCard.Build(CardSamples.SamMap(), CardSamples.Now, Today, Language.English, TabLinks.Map(null));

        Assert.Equal(CardSerializer.Serialize(CardSamples.All["MyMapCard.mentee"]), CardSerializer.Serialize(card));
    }

    private static JsonObject Json(AdaptiveCard card) => JsonNode.Parse(CardSerializer.Serialize(card))!.AsObject();

    /// <summary>The card's Action.OpenUrl buttons, in its own row or in action sets of the body.</summary>
    private static List<JsonObject> OpenUrlActions(JsonObject card) =>
        [.. Actions(card).Where(a => (string?)a["type"] == "Action.OpenUrl")];

    private static IEnumerable<JsonObject> Actions(JsonObject card) =>
        (card["actions"] as JsonArray ?? new JsonArray())
            .Concat(card["body"]!.AsArray().Where(e => (string?)e!["type"] == "ActionSet").SelectMany(e => e!["actions"]!.AsArray()))
            .Select(a => a!.AsObject());

    /// <summary>The card with its Action.OpenUrl buttons taken out, and an action set or row left empty by that removed.</summary>
    private static JsonObject WithoutOpenUrl(JsonObject card)
    {
        var copy = card.DeepClone().AsObject();
        Strip(copy, "actions");
        var body = copy["body"]!.AsArray();
        foreach (var set in body.Where(e => (string?)e!["type"] == "ActionSet").ToList())
        {
            if (Strip(set!.AsObject(), "actions"))
            {
                body.Remove(set);
            }
        }

        return copy;
    }

    /// <summary>Removes the Action.OpenUrl items of <paramref name="key"/>; true when that left it empty (and removed it).</summary>
    private static bool Strip(JsonObject owner, string key)
    {
        if (owner[key] is not JsonArray actions)
        {
            return false;
        }

        foreach (var action in actions.Where(a => (string?)a!["type"] == "Action.OpenUrl").ToList())
        {
            actions.Remove(action);
        }

        if (actions.Count > 0)
        {
            return false;
        }

        owner.Remove(key);
        return true;
    }
}
