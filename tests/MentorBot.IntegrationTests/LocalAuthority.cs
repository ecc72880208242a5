using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Azure.Identity;
using MentorBot.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MentorBot.IntegrationTests;

/// <summary>
/// An Entra authority on loopback (HTTPS, with a certificate made for it): it publishes a tenant's OpenID metadata and
/// issues client-credential tokens, as login.microsoftonline.com does for the bot's real <see cref="ClientSecretCredential"/>.
/// A test can take it down (connections refused) or slow it, and counts the tokens it issued.
/// </summary>
internal sealed class LocalAuthority : IAsyncDisposable
{
    private readonly X509Certificate2 _certificate;
    private WebApplication? _app;

    private LocalAuthority(X509Certificate2 certificate, int port)
    {
        _certificate = certificate;
        Port = port;
    }

    public int Port { get; }

    public Uri Host => new($"https://127.0.0.1:{Port}/");

    public int TokensIssued;

    /// <summary>How long the token endpoint takes to answer.</summary>
    public TimeSpan Delay { get; set; }

    public bool IsUp => _app is not null;

    public static async Task<LocalAuthority> StartAsync()
    {
        var authority = new LocalAuthority(CreateCertificate(), FreePort());
        await authority.UpAsync();
        return authority;
    }

    /// <summary>The real credential the bot builds from its options, talking to this authority and trusting its certificate.</summary>
    public BotCredential Credential(BotOptions options)
    {
        options.AuthorityHost = Host;
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _certificate.Thumbprint };
        return new BotCredential(BotCredential.Create(options, new HttpClientTransport(handler)));
    }

    /// <summary>The authority goes away: its port refuses connections until <see cref="UpAsync"/>.</summary>
    public async Task DownAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async Task UpAsync()
    {
        if (_app is not null)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port, listen => listen.UseHttps(_certificate)));
        var app = builder.Build();
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new
        {
            issuer = $"{Host}{tenant}/v2.0",
            token_endpoint = $"{Host}{tenant}/oauth2/v2.0/token",
            authorization_endpoint = $"{Host}{tenant}/oauth2/v2.0/authorize",
            jwks_uri = $"{Host}{tenant}/discovery/v2.0/keys",
            tenant_region_scope = "NA",
        }));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, context.RequestAborted);
            }

            if (form["grant_type"] != "client_credentials" || form["scope"] != "https://api.botframework.com/.default")
            {
                return Results.Json(new { error = "invalid_request" }, statusCode: 400);
            }

            var n = Interlocked.Increment(ref TokensIssued);
            return Results.Json(new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = $"connector-token-{n}" });
        });
        await app.StartAsync();
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        await DownAsync();
        _certificate.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
