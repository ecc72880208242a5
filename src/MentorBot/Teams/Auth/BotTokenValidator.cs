using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MentorBot.Teams.Auth;

/// <summary>
/// Validates the Bot Connector's bearer token exactly as the protocol specifies: an RS256/384/512 JWT signed by a
/// published key that is endorsed for the activity's channel, issued by the Bot Framework for this bot, within its
/// lifetime (five minutes' skew), naming the activity's service URL. Encrypted (JWE) and oversized tokens are refused
/// before any parsing.
/// </summary>
internal sealed class BotTokenValidator(SigningKeyCache keys, IOptions<BotOptions> options, TimeProvider time)
{
    public const string Issuer = "https://api.botframework.com";
    public const int MaxTokenLength = 16 * 1024;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

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

        if (!TryReadJson(parts[0], out var header) || !TryReadJson(parts[1], out var payload))
        {
            return new AuthOutcome.Unauthenticated("unreadable token");
        }

        var hash = HashFor(GetString(header, "alg"));
        if (hash is null)
        {
            return new AuthOutcome.Unauthenticated("signing algorithm not allowed");
        }

        var keyId = GetString(header, "kid");
        if (keyId is null)
        {
            return new AuthOutcome.Unauthenticated("token names no key");
        }

        var key = await keys.FindAsync(keyId, cancellationToken);
        if (key is null)
        {
            return new AuthOutcome.Unauthenticated("unknown signing key");
        }

        if (!VerifySignature(parts, key, hash.Value))
        {
            return new AuthOutcome.Unauthenticated("bad signature");
        }

        return CheckClaims(payload, key, channelId, serviceUrl);
    }

    private AuthOutcome CheckClaims(JsonElement payload, SigningKey key, string? channelId, string? serviceUrl)
    {
        var appId = options.Value.AppId;
        if (!string.Equals(GetString(payload, "iss"), Issuer, StringComparison.Ordinal))
        {
            return new AuthOutcome.Unauthenticated("wrong issuer");
        }

        if (appId is null || !AudienceContains(payload, appId))
        {
            return new AuthOutcome.Unauthenticated("wrong audience");
        }

        var now = time.GetUtcNow();
        if (GetSeconds(payload, "exp") is not { } exp || now > DateTimeOffset.FromUnixTimeSeconds(exp) + ClockSkew)
        {
            return new AuthOutcome.Unauthenticated("token expired");
        }

        if (GetSeconds(payload, "nbf") is { } nbf && now < DateTimeOffset.FromUnixTimeSeconds(nbf) - ClockSkew)
        {
            return new AuthOutcome.Unauthenticated("token not yet valid");
        }

        if (string.IsNullOrEmpty(channelId) || !key.Endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            return new AuthOutcome.Forbidden("signing key not endorsed for this channel");
        }

        if (string.IsNullOrEmpty(serviceUrl) || !string.Equals(GetString(payload, "serviceurl"), serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return new AuthOutcome.Forbidden("serviceurl claim does not match the activity");
        }

        return new AuthOutcome.Accepted(appId);
    }

    private static bool VerifySignature(string[] parts, SigningKey key, HashAlgorithmName hash)
    {
        byte[] signature;
        try
        {
            signature = Base64Url.Decode(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        using var rsa = RSA.Create(key.Parameters);
        var signed = Encoding.ASCII.GetBytes(string.Concat(parts[0], ".", parts[1]));
        return rsa.VerifyData(signed, signature, hash, RSASignaturePadding.Pkcs1);
    }

    private static HashAlgorithmName? HashFor(string? alg) => alg switch
    {
        "RS256" => HashAlgorithmName.SHA256,
        "RS384" => HashAlgorithmName.SHA384,
        "RS512" => HashAlgorithmName.SHA512,
        _ => null,
    };

    private static bool TryReadJson(string segment, out JsonElement element)
    {
        element = default;
        try
        {
            using var document = JsonDocument.Parse(Base64Url.Decode(segment), new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            element = document.RootElement.Clone();
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? GetSeconds(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            && seconds is > -62135596800 and < 253402300799
            ? seconds
            : null;

    private static bool AudienceContains(JsonElement payload, string appId)
    {
        if (!payload.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => string.Equals(aud.GetString(), appId, StringComparison.Ordinal),
            JsonValueKind.Array => aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && string.Equals(a.GetString(), appId, StringComparison.Ordinal)),
            _ => false,
        };
    }
}
