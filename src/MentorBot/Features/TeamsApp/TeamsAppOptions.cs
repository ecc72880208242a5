namespace MentorBot.Features.TeamsApp;

/// <summary>The <c>TeamsApp</c> section: what <c>manifest pack</c> writes into the app package.</summary>
internal sealed class TeamsAppOptions
{
    public const string SectionName = "TeamsApp";

    /// <summary>The Teams app's own id (a GUID, distinct from the bot id). Generate one once and keep it.</summary>
    public string? Id { get; set; }

    /// <summary>The public host name the bot answers on, for example mentorbot.contoso.org.</summary>
    public string? Domain { get; set; }

    public string Version { get; set; } = "1.0.0";

    public string DeveloperName { get; set; } = "Your organisation";

    public Uri? WebsiteUrl { get; set; }

    public Uri? PrivacyUrl { get; set; }

    public Uri? TermsUrl { get; set; }
}
