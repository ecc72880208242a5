using System.Buffers.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MentorBot.Teams.Auth;

/// <summary>
/// Validates the Bot Connector's bearer token as the protocol specifies, with Microsoft.IdentityModel: an RS256/384/512
/// JWT signed by a published key, issued by the Bot Framework for this bot, within its lifetime (five minutes' skew, on
/// MentorBot's clock). MentorBot's own rules come after: every segment must be canonical base64url (no padding, no '+'
/// or '/', which the library tolerates), the key must be endorsed for the activity's channel, and the token must name
/// the activity's service URL. Encrypted (JWE) and oversized tokens are refused before any parsing.
/// </summary>
internal sealed class BotTokenValidator(IConfigurationManager<OpenIdConnectConfiguration> keys, IOptions<BotOptions> options, TimeProvider time)
{
    public const string Issuer = "https://api.botframework.com";
    public const int MaxTokenLength = 16 * 1024;
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = MaxTokenLength };

    public async Task<AuthOutcome> ValidateAsync(string? authorization, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new AuthOutcome.Unauthenticated("missing bearer token");
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (token.Length > MaxTokenLength)
        {
            return new AuthOutcome.Unauthenticated("token too large");
        }

        var parts = token.Split('.');
        if (parts.Length == 5)
        {
            return new AuthOutcome.Unauthenticated("encrypted tokens (JWE) are not accepted");
        }

        if (parts.Length != 3 || parts[2].Length == 0)
        {
            return new AuthOutcome.Unauthenticated("not a signed JWT");
        }

        if (!parts.All(IsCanonicalBase64Url))
        {
            return new AuthOutcome.Unauthenticated("not canonical base64url");
        }

        var (result, configuration) = await TokenChecks.ValidateAsync(_handler, token, keys, Parameters, cancellationToken);

        if (!result.IsValid)
        {
            return new AuthOutcome.Unauthenticated(TokenChecks.Reason(result.Exception));
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (string.IsNullOrEmpty(channelId) || !BotSigningKeys.Endorsements(configuration, jwt.Kid).Contains(channelId, StringComparer.Ordinal))
        {
            return new AuthOutcome.Forbidden("signing key not endorsed for this channel");
        }

        if (string.IsNullOrEmpty(serviceUrl) || !jwt.TryGetPayloadValue<string>("serviceurl", out var claimed)
            || !string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return new AuthOutcome.Forbidden("serviceurl claim does not match the activity");
        }

        return new AuthOutcome.Accepted(options.Value.AppId!);
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = options.Value.AppId,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = Algorithms,
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuerSigningKey = true,
        LifetimeValidator = TokenChecks.Lifetime(time),
    };


    /// <summary>
    /// A JWT's segments are base64url without padding; the library also reads '=', '+' and '/', and bits past the last
    /// byte, so one signature would have many spellings. Only the one spelling it encodes back to is accepted.
    /// </summary>
    internal static bool IsCanonicalBase64Url(string segment)
    {
        if (segment.Length == 0 || segment.Length % 4 == 1 || !Base64Url.IsValid(segment) || segment.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        return Base64Url.EncodeToString(Base64Url.DecodeFromChars(segment)) == segment;
    }

}
