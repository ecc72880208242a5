using System.Text.Json;

namespace MentorBot.Web;

/// <summary>
/// Teams deep links into the personal tab's pages: <c>https://teams.microsoft.com/l/entity/&lt;app id&gt;/&lt;entity id&gt;</c>,
/// with the page's own item, if any, as <c>subEntityId</c> in the URL-encoded JSON <c>context</c>. Pure. Without a
/// Teams app id (a GUID) there is no link, and the card shows no button for it.
/// </summary>
internal static class TabLinks
{
    /// <summary>The static tabs' entity ids, as in manifest/manifest.json; each page is served at <c>/tab/&lt;id&gt;</c>.</summary>
    public static IReadOnlyList<string> Pages { get; } = [.. TabPages.All.Select(TabPages.Id)];

    /// <summary>The map page.</summary>
    public static Uri? Map(string? teamsAppId) => To(teamsAppId, TabPage.Map);

    /// <summary>The dashboard page opened on a digest scope: <c>mine</c> or <c>org</c>.</summary>
    public static Uri? Dashboard(string? teamsAppId, string scopeKey) => To(teamsAppId, TabPage.Dashboard, scopeKey);

    /// <summary>Any tab page, optionally on one item of it; null when <paramref name="teamsAppId"/> is not a GUID.</summary>
    public static Uri? To(string? teamsAppId, TabPage page, string? subEntityId = null)
    {
        if (!Guid.TryParse(teamsAppId, out var appId))
        {
            return null;
        }

        var link = $"https://teams.microsoft.com/l/entity/{appId:D}/{TabPages.Id(page)}";
        if (!string.IsNullOrEmpty(subEntityId))
        {
            var context = JsonSerializer.Serialize(new Dictionary<string, string> { ["subEntityId"] = subEntityId });
            link += "?context=" + Uri.EscapeDataString(context);
        }

        return new Uri(link);
    }
}
