using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace MentorBot.Graph;

/// <summary>The credential for Graph calls, or none when Graph is not configured. Tests substitute a fake.</summary>
internal sealed record GraphCredential(TokenCredential? Credential)
{
    /// <summary>A client secret wins, then a client certificate, then the managed identity.</summary>
    public static GraphCredential From(IOptions<GraphOptions> options)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            return new GraphCredential((TokenCredential?)null);
        }

        if (!string.IsNullOrWhiteSpace(o.ClientSecret))
        {
            return new GraphCredential(new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret));
        }

        if (!string.IsNullOrWhiteSpace(o.ClientCertificatePath))
        {
            // Azure.Identity reads a PEM or a password-less PFX itself; a protected PFX is opened here with its password.
            return new GraphCredential(string.IsNullOrEmpty(o.ClientCertificatePassword)
                ? new ClientCertificateCredential(o.TenantId, o.ClientId, o.ClientCertificatePath)
                : new ClientCertificateCredential(o.TenantId, o.ClientId, X509CertificateLoader.LoadPkcs12FromFile(o.ClientCertificatePath, o.ClientCertificatePassword)));
        }

        return new GraphCredential(new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentityClientId!)));
    }
}
