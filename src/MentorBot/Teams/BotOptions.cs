using System.ComponentModel.DataAnnotations;

namespace MentorBot.Teams;

/// <summary>The <c>Bot</c> section: the bot's Entra identity and who may talk to it.</summary>
internal sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The bot's Microsoft App ID (client id). Required outside Development.</summary>
    public string? AppId { get; set; }

    /// <summary>The Entra tenant of a single-tenant bot; the token authority for outbound calls.</summary>
    public string? TenantId { get; set; }

    /// <summary>Client secret of a single-tenant bot. Leave empty to use a managed identity.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Client id of a user-assigned managed identity, when the bot is one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// The Entra authority the bot's tokens come from: the public cloud by default, another for a national cloud
    /// (for example https://login.microsoftonline.us/).
    /// </summary>
    [Required]
    public Uri AuthorityHost { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>Tenants allowed to talk to the bot. Empty allows every tenant.</summary>
    public string[] AllowedTenants { get; set; } = [];

    /// <summary>Where the Bot Connector publishes its signing keys.</summary>
    [Required]
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>How long signing keys are cached before they are fetched again. The protocol asks for at most 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SigningKeyLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Inbound activities larger than this are refused with 413.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    public bool HasAppId => !string.IsNullOrWhiteSpace(AppId);
}
