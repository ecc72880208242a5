using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace MentorBot.Graph;

/// <summary>The credential for Graph calls, or none when Graph is not configured. Tests substitute a fake.</summary>
internal sealed record GraphCredential(TokenCredential? Credential)
{
    public static GraphCredential From(IOptions<GraphOptions> options)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            return new GraphCredential((TokenCredential?)null);
        }

        return new GraphCredential(!string.IsNullOrWhiteSpace(o.ClientSecret)
            ? new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentityClientId!)));
    }
}
