using MentorBot.Teams;
using MentorBot.Teams.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MentorBot.Web.Auth;

/// <summary>
/// Validates the tab's Teams single sign-on token with Microsoft.IdentityModel, as for the Bot Connector's: an RS256 JWT
/// signed by one of Entra's published keys, issued by the token's own tenant (v2 or v1 issuer), for this app (its client
/// id or Application ID URI), within its lifetime on MentorBot's clock, carrying the <c>access_as_user</c> scope and a
/// tenant and object id. A tenant outside <c>Bot:AllowedTenants</c> is refused. With the development sign-in on, tokens
/// from <see cref="DevelopmentSignIn"/> are checked the same way against its key.
/// </summary>
internal sealed class TabTokenValidator(
    IOptions<TabOptions> options,
    IOptions<BotOptions> bot,
    TabSigningKeys keys,
    IServiceProvider services,
    TimeProvider time)
{
    public const string Scope = "access_as_user";
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256];
    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = BotTokenValidator.MaxTokenLength };

    public async Task<TabAuthOutcome> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new TabAuthOutcome.Unauthenticated("missing bearer token");
        }

        var token = authorization["Bearer ".Length..].Trim();
        var parts = token.Split('.');
        if (token.Length > BotTokenValidator.MaxTokenLength || parts.Length != 3 || parts[2].Length == 0 || !parts.All(BotTokenValidator.IsCanonicalBase64Url))
        {
            return new TabAuthOutcome.Unauthenticated("not a signed JWT");
        }

        TokenValidationResult result;
        if (options.Value.DevelopmentSignIn && Unverified(token)?.Issuer == DevelopmentSignIn.Issuer)
        {
            var development = services.GetRequiredService<DevelopmentSignIn>();
            result = await _handler.ValidateTokenAsync(token, Parameters([development.Key], [DevelopmentSignIn.Audience], (issuer, _) => issuer == DevelopmentSignIn.Issuer));
        }
        else
        {
            var audiences = new[] { options.Value.ClientId ?? bot.Value.AppId, options.Value.ApplicationIdUri }.OfType<string>().Where(a => a.Length > 0).ToArray();
            if (audiences.Length == 0)
            {
                return new TabAuthOutcome.Unauthenticated("the tab's sign-in is not configured (Bot:AppId or Tab:ClientId)");
            }

            (result, _) = await TokenChecks.ValidateAsync(_handler, token, keys.Manager, configuration =>
                Parameters(configuration.SigningKeys, audiences, (issuer, jwt) => IsTenantIssuer(issuer, jwt, configuration.Issuer)), cancellationToken);
        }

        if (!result.IsValid)
        {
            return new TabAuthOutcome.Unauthenticated(TokenChecks.Reason(result.Exception));
        }

        var valid = (JsonWebToken)result.SecurityToken;
        if (!valid.TryGetPayloadValue<string>("scp", out var scopes) || !scopes.Split(' ').Contains(Scope, StringComparer.Ordinal))
        {
            return new TabAuthOutcome.Unauthenticated($"the token lacks the {Scope} scope");
        }

        if (!valid.TryGetPayloadValue<string>("tid", out var tenant) || !valid.TryGetPayloadValue<string>("oid", out var objectId)
            || string.IsNullOrEmpty(tenant) || string.IsNullOrEmpty(objectId))
        {
            return new TabAuthOutcome.Unauthenticated("the token names no tenant or person");
        }

        var allowed = bot.Value.AllowedTenants;
        if (tenant != DevelopmentSignIn.TenantId && allowed.Length > 0 && !allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase))
        {
            return new TabAuthOutcome.Forbidden("tenant not allowed");
        }

        return new TabAuthOutcome.Accepted(tenant, objectId);
    }

    private TokenValidationParameters Parameters(IEnumerable<SecurityKey> signingKeys, string[] audiences, Func<string, JsonWebToken, bool> issuerIsValid) => new()
    {
        ValidAudiences = audiences,
        IssuerSigningKeys = signingKeys,
        ValidAlgorithms = Algorithms,
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuerSigningKey = true,
        IssuerValidator = (issuer, token, _) => token is JsonWebToken jwt && issuerIsValid(issuer, jwt)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException("wrong issuer"),
        LifetimeValidator = TokenChecks.Lifetime(time),
    };

    /// <summary>Entra's issuer names the tenant; it must be the tenant the token itself names (v2 or v1 form).</summary>
    private bool IsTenantIssuer(string issuer, JsonWebToken token, string? template) =>
        token.TryGetPayloadValue<string>("tid", out var tenant) && Guid.TryParse(tenant, out _)
        && new[] { template, options.Value.V1Issuer }.OfType<string>()
            .Any(t => string.Equals(t.Replace("{tenantid}", tenant, StringComparison.OrdinalIgnoreCase), issuer, StringComparison.Ordinal));


    private static JsonWebToken? Unverified(string token)
    {
        try
        {
            return new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

}

/// <summary>Entra's signing keys for the tab's tokens, kept and refreshed by Microsoft.IdentityModel's configuration manager.</summary>
internal sealed class TabSigningKeys(IHttpClientFactory http, IOptions<TabOptions> options)
{
    public const string HttpClientName = "tab-signing-keys";
    private readonly Lazy<ConfigurationManager<OpenIdConnectConfiguration>> _manager = new(() => new(
        options.Value.OpenIdMetadataUrl.ToString(),
        new OpenIdConnectConfigurationRetriever(),
        new HttpDocumentRetriever(http.CreateClient(HttpClientName)) { RequireHttps = options.Value.OpenIdMetadataUrl.Scheme == Uri.UriSchemeHttps })
    {
        AutomaticRefreshInterval = TimeSpan.FromHours(12),
        RefreshInterval = BotSigningKeys.EarliestRefresh,
    });

    public ConfigurationManager<OpenIdConnectConfiguration> Manager => _manager.Value;
}
