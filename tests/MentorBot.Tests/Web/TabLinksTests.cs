using System.Text.Json;
using MentorBot.Web;

namespace MentorBot.Tests.Web;

public sealed class TabLinksTests
{
    private const string AppId = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";

    [Fact]
    public void The_map_link_opens_the_map_tab_of_the_teams_app()
    {
        Assert.Equal("https://teams.microsoft.com/l/entity/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/map", TabLinks.Map(AppId)!.AbsoluteUri);
    }

    [Theory]
    [InlineData("mine", "https://teams.microsoft.com/l/entity/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/dashboard?context=%7B%22subEntityId%22%3A%22mine%22%7D")]
    [InlineData("org", "https://teams.microsoft.com/l/entity/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/dashboard?context=%7B%22subEntityId%22%3A%22org%22%7D")]
    public void The_dashboard_link_carries_the_scope_as_sub_entity_id_in_url_encoded_json(string scopeKey, string expected)
    {
        var link = TabLinks.Dashboard(AppId, scopeKey)!;

        Assert.Equal(expected, link.AbsoluteUri);
        Assert.Equal(expected, link.OriginalString);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-a-guid")]
    [InlineData("${{TEAMS_APP_ID}}")]
    public void Without_a_teams_app_id_there_is_no_link(string? teamsAppId)
    {
        Assert.Null(TabLinks.Map(teamsAppId));
        Assert.Null(TabLinks.Dashboard(teamsAppId, "mine"));
        Assert.Null(TabLinks.To(teamsAppId, TabPage.Growth, "x"));
    }

    [Theory]
    [InlineData("6F1C2A9E-3B4D-4E5F-8A7B-9C0D1E2F3A4B")]
    [InlineData("{6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b}")]
    [InlineData("6f1c2a9e3b4d4e5f8a7b9c0d1e2f3a4b")]
    public void The_app_id_is_written_as_the_manifest_writes_it_lower_case_with_hyphens(string teamsAppId)
    {
        Assert.Equal(TabLinks.Map(AppId), TabLinks.Map(teamsAppId));
    }

    [Theory]
    [InlineData("a&b=c d")]
    [InlineData("quote \" and back\\slash")]
    [InlineData("#fragment?query/ñ")]
    public void Any_sub_entity_id_round_trips_through_the_one_context_parameter(string subEntityId)
    {
        var link = TabLinks.To(AppId, TabPage.Mentees, subEntityId)!;

        Assert.Equal("/l/entity/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/mentees", link.AbsolutePath);
        Assert.Empty(link.Fragment);
        var parameter = Assert.Single(link.Query.TrimStart('?').Split('&'));
        Assert.StartsWith("context=", parameter, StringComparison.Ordinal);
        var context = JsonDocument.Parse(Uri.UnescapeDataString(parameter["context=".Length..])).RootElement;
        Assert.Equal(subEntityId, context.GetProperty("subEntityId").GetString());
        Assert.Single(context.EnumerateObject());
    }

    [Fact]
    public void Without_a_sub_entity_id_there_is_no_context()
    {
        Assert.Equal(string.Empty, TabLinks.To(AppId, TabPage.Programme)!.Query);
        Assert.Equal(string.Empty, TabLinks.To(AppId, TabPage.Programme, string.Empty)!.Query);
    }
}
