using MentorBot.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MentorBot.IntegrationTests;

/// <summary>Publishes the test issuer's OpenID metadata and signing keys (with endorsements) on loopback, as login.botframework.com does.</summary>
internal sealed class LocalJwksServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalJwksServer(WebApplication app) => _app = app;

    public string MetadataUrl { get; private set; } = string.Empty;

    public int KeyFetches;

    public static async Task<LocalJwksServer> StartAsync(TestTokenIssuer issuer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LocalJwksServer(app);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext context) =>
            Results.Json(new { issuer = "https://api.botframework.com", jwks_uri = $"{context.Request.Scheme}://{context.Request.Host}/v1/.well-known/keys" }));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref server.KeyFetches);
            return Results.Text(issuer.JwksJson, "application/json");
        });
        await app.StartAsync();
        server.MetadataUrl = app.Urls.First().TrimEnd('/') + "/v1/.well-known/openidconfiguration";
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
