using System.ComponentModel.DataAnnotations;

namespace MentorBot.Web;

/// <summary>The <c>Tab</c> section: how the Teams tab signs people in and how fresh its dashboard is.</summary>
internal sealed class TabOptions
{
    public const string SectionName = "Tab";

    /// <summary>
    /// The Entra app (client) id the tab's single sign-on tokens are issued for. Empty means the bot's own app
    /// (<c>Bot:AppId</c>), which is how the manifest's <c>webApplicationInfo</c> is filled.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The app's Application ID URI, <c>api://&lt;domain&gt;/&lt;client id&gt;</c>: v1 tokens name it as their audience.</summary>
    public string? ApplicationIdUri { get; set; }

    /// <summary>Entra's metadata for every tenant: its signing keys, and its issuer with a <c>{tenantid}</c> placeholder.</summary>
    [Required]
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration");

    /// <summary>The issuer of v1 access tokens (the default for an app registration), with a <c>{tenantid}</c> placeholder.</summary>
    [Required]
    public string V1Issuer { get; set; } = "https://sts.windows.net/{tenantid}/";

    /// <summary>
    /// Development only: the tab offers a list of the map's people to sign in as, instead of Teams single sign-on.
    /// Any other environment refuses to start with it on.
    /// </summary>
    public bool DevelopmentSignIn { get; set; }

    /// <summary>How long a computed dashboard is served before it is computed again (in the background).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan DashboardFreshFor { get; set; } = TimeSpan.FromMinutes(1);
}
