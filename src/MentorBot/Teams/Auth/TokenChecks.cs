using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MentorBot.Teams.Auth;

/// <summary>
/// What MentorBot's two token validators (the Bot Connector's and the tab's single sign-on) check the same way: the
/// lifetime against MentorBot's clock with five minutes' skew (the library's own check reads the system's), a key
/// rollover, and a refusal's reason in a few words for the log.
/// </summary>
internal static class TokenChecks
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>A <see cref="LifetimeValidator"/> on <paramref name="time"/>: throws the library's own exceptions when outside it.</summary>
    public static LifetimeValidator Lifetime(TimeProvider time) => (notBefore, expires, _, _) =>
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is not { } exp || now > exp + ClockSkew)
        {
            throw new SecurityTokenExpiredException("token expired");
        }

        if (notBefore is { } nbf && now < nbf - ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("token not yet valid");
        }

        return true;
    };

    /// <summary>
    /// Validates <paramref name="token"/> against the published keys. On a key id the set does not hold (a rollover),
    /// the configuration manager refreshes the keys (the library allows that at most every five minutes, so forged key
    /// ids cannot hammer the endpoint) and the token is tried once more. Returns the configuration that decided.
    /// </summary>
    public static async Task<(TokenValidationResult Result, OpenIdConnectConfiguration Configuration)> ValidateAsync(
        JsonWebTokenHandler handler,
        string token,
        IConfigurationManager<OpenIdConnectConfiguration> keys,
        Func<OpenIdConnectConfiguration, TokenValidationParameters> parameters,
        CancellationToken cancellationToken)
    {
        var configuration = await keys.GetConfigurationAsync(cancellationToken);
        var result = await handler.ValidateTokenAsync(token, parameters(configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            keys.RequestRefresh();
            configuration = await keys.GetConfigurationAsync(cancellationToken);
            result = await handler.ValidateTokenAsync(token, parameters(configuration));
        }

        return (result, configuration);
    }

    public static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenMalformedException => "unreadable token",
        _ => "invalid token",
    };
}
