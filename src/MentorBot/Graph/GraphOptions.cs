using System.ComponentModel.DataAnnotations;

namespace MentorBot.Graph;

/// <summary>The <c>Graph</c> section: Microsoft Graph with application permissions. Off unless configured.</summary>
internal sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>Graph's root, ending in a slash.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0/");

    /// <summary>The tenant whose directory and calendars MentorBot reads.</summary>
    public string? TenantId { get; set; }

    /// <summary>The Entra app (client) id holding the Graph application permissions; usually the bot's own.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A certificate (PFX, or PEM with its private key) registered on the app, instead of a secret.</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>The PFX file's password, when it has one.</summary>
    public string? ClientCertificatePassword { get; set; }

    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The Teams app's catalog id, for installing MentorBot for people proactively (map sync --install).</summary>
    public string? TeamsAppCatalogId { get; set; }

    /// <summary>An optional OData filter on /users, for example "department eq 'Nursing'".</summary>
    public string? UserFilter { get; set; }

    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Graph allows 4 concurrent requests per app per mailbox; MentorBot stays within that for each mailbox.</summary>
    [Range(1, 4)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Concurrent Graph requests across all mailboxes together.</summary>
    [Range(1, 64)]
    public int MaxTotalConcurrency { get; set; } = 16;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId)
        && (!string.IsNullOrWhiteSpace(ClientSecret) || !string.IsNullOrWhiteSpace(ClientCertificatePath) || !string.IsNullOrWhiteSpace(ManagedIdentityClientId));
}
