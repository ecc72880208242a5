using System.IO.Compression;
using System.Text.RegularExpressions;

namespace MentorBot.Features.TeamsApp;

/// <summary>
/// Fills the manifest template's <c>${{NAME}}</c> placeholders (the Agents Toolkit's syntax) and zips the app
/// package: manifest.json, the two icons and the Spanish strings. Refuses values Teams would reject.
/// </summary>
internal static partial class ManifestPacker
{
    public static readonly string[] PackageFiles = ["manifest.json", "color.png", "outline.png", "es.json"];

    /// <summary>
    /// Checks the values and returns the problems, or the substitutions when there are none. The tab's single sign-on
    /// (<c>webApplicationInfo</c>) names <paramref name="tabClientId"/> and <paramref name="tabApplicationIdUri"/>
    /// (<c>Tab:ClientId</c>, <c>Tab:ApplicationIdUri</c>) when set, else the bot's app and <c>api://domain/bot id</c>.
    /// </summary>
    public static (IReadOnlyDictionary<string, string>? Values, IReadOnlyList<string> Problems) Resolve(TeamsAppOptions app, string? botId, string? tabClientId = null, string? tabApplicationIdUri = null)
    {
        var problems = new List<string>();
        tabClientId = string.IsNullOrWhiteSpace(tabClientId) ? null : tabClientId;
        tabApplicationIdUri = string.IsNullOrWhiteSpace(tabApplicationIdUri) ? null : tabApplicationIdUri;
        if (!Guid.TryParse(app.Id, out _))
        {
            problems.Add("TeamsApp:Id must be a GUID: the Teams app's own id. Generate one once (for example with uuidgen) and keep it for every version.");
        }

        if (!Guid.TryParse(botId, out _))
        {
            problems.Add("Bot:AppId must be the bot's Entra app (client) id, a GUID.");
        }

        if (tabClientId is not null && !Guid.TryParse(tabClientId, out _))
        {
            problems.Add("Tab:ClientId must be the Entra app (client) id the tab signs in with, a GUID; leave it empty to use the bot's.");
        }

        if (tabApplicationIdUri is not null && !tabApplicationIdUri.StartsWith("api://", StringComparison.Ordinal))
        {
            problems.Add("Tab:ApplicationIdUri must be the app's Application ID URI, api://<domain>/<client id>; leave it empty for the default.");
        }

        if (string.IsNullOrWhiteSpace(app.Domain) || app.Domain.Contains('/', StringComparison.Ordinal) || app.Domain.Contains(':', StringComparison.Ordinal))
        {
            problems.Add("TeamsApp:Domain must be the bot's public host name without scheme or path, for example mentorbot.contoso.org.");
        }

        if (!SemVer().IsMatch(app.Version))
        {
            problems.Add("TeamsApp:Version must be a version such as 1.0.0; raise it for every package you upload.");
        }

        foreach (var (name, url) in new[] { ("WebsiteUrl", app.WebsiteUrl), ("PrivacyUrl", app.PrivacyUrl), ("TermsUrl", app.TermsUrl) })
        {
            if (url is null || url.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"TeamsApp:{name} must be an https URL; Teams shows it to people installing the app.");
            }
        }

        if (app.DeveloperName.Length is 0 or > 32)
        {
            problems.Add("TeamsApp:DeveloperName must be 1 to 32 characters.");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var ssoClientId = (tabClientId ?? botId!).ToLowerInvariant();
        return (new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TEAMS_APP_ID"] = app.Id!.ToLowerInvariant(),
            ["BOT_ID"] = botId!.ToLowerInvariant(),
            ["TAB_CLIENT_ID"] = ssoClientId,
            ["TAB_RESOURCE"] = tabApplicationIdUri ?? $"api://{app.Domain}/{ssoClientId}",
            ["BOT_DOMAIN"] = app.Domain!,
            ["APP_VERSION"] = app.Version,
            ["DEVELOPER_NAME"] = app.DeveloperName,
            ["WEBSITE_URL"] = app.WebsiteUrl!.ToString(),
            ["PRIVACY_URL"] = app.PrivacyUrl!.ToString(),
            ["TERMS_URL"] = app.TermsUrl!.ToString(),
        }, []);
    }

    /// <summary>Replaces every placeholder; an unknown one is an error rather than a broken package.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? System.Text.Json.JsonEncodedText.Encode(value).ToString()
            : throw new InvalidOperationException($"The manifest template uses ${{{{{m.Groups[1].Value}}}}}, which manifest pack does not know."));

    public static void Pack(string manifestDirectory, IReadOnlyDictionary<string, string> values, string outputZip)
    {
        var manifest = Fill(File.ReadAllText(Path.Combine(manifestDirectory, "manifest.json")), values);
        var temporary = outputZip + ".tmp";
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("manifest.json", CompressionLevel.Optimal).Open()))
            {
                writer.Write(manifest);
            }

            foreach (var file in PackageFiles.Skip(1))
            {
                zip.CreateEntryFromFile(Path.Combine(manifestDirectory, file), file, CompressionLevel.Optimal);
            }
        }

        File.Move(temporary, outputZip, overwrite: true);
    }

    [GeneratedRegex(@"\$\{\{([A-Z0-9_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVer();
}
