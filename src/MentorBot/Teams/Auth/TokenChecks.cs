using Microsoft.IdentityModel.Tokens;

namespace MentorBot.Teams.Auth;

/// <summary>
/// What MentorBot's two token validators (the Bot Connector's and the tab's single sign-on) check the same way: the
/// lifetime against MentorBot's clock with five minutes' skew (the library's own check reads the system's), and a
/// refusal's reason in a few words for the log.
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
