using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace MentorBot.Teams.Auth;

/// <summary>
/// The Bot Connector's signing keys, read from its OpenID metadata and cached for at most
/// <see cref="BotOptions.SigningKeyLifetime"/>. An unknown key id triggers one early refresh (at most every five
/// minutes) so a key rollover is picked up without letting forged key ids hammer the metadata endpoint.
/// </summary>
internal sealed partial class SigningKeyCache(
    HttpClient http,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<SigningKeyCache> logger)
{
    private static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private KeySet _keys = KeySet.Empty;

    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = _keys;
        var now = time.GetUtcNow();
        if (now < keys.ExpiresAt && keys.Find(keyId) is { } fresh)
        {
            return fresh;
        }

        var mustRefresh = now >= keys.ExpiresAt || now - keys.FetchedAt >= MinimumRefreshInterval;
        if (!mustRefresh)
        {
            return null;
        }

        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            if (ReferenceEquals(keys, _keys))
            {
                _keys = await FetchAsync(cancellationToken);
            }

            return _keys.Find(keyId);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async Task<KeySet> FetchAsync(CancellationToken cancellationToken)
    {
        var metadataUrl = options.Value.OpenIdMetadataUrl;
        var metadata = await http.GetFromJsonAsync<OpenIdMetadata>(metadataUrl, cancellationToken)
            ?? throw new InvalidOperationException("The OpenID metadata document was empty.");
        if (metadata.JwksUri is null)
        {
            throw new InvalidOperationException("The OpenID metadata document names no jwks_uri.");
        }

        var document = await http.GetFromJsonAsync<JsonWebKeySet>(metadata.JwksUri, cancellationToken)
            ?? throw new InvalidOperationException("The signing key document was empty.");
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var key in document.Keys ?? [])
        {
            if (key is { Kty: "RSA", Kid: { } kid, N: { } n, E: { } e })
            {
                var parameters = new RSAParameters { Modulus = Base64Url.Decode(n), Exponent = Base64Url.Decode(e) };
                keys[kid] = new SigningKey(kid, parameters, key.Endorsements ?? []);
            }
        }

        var now = time.GetUtcNow();
        Log.Refreshed(logger, keys.Count);
        return new KeySet(keys, now, now + options.Value.SigningKeyLifetime);
    }

    private sealed record KeySet(IReadOnlyDictionary<string, SigningKey> Keys, DateTimeOffset FetchedAt, DateTimeOffset ExpiresAt)
    {
        public static KeySet Empty { get; } = new(new Dictionary<string, SigningKey>(), DateTimeOffset.MinValue, DateTimeOffset.MinValue);

        public SigningKey? Find(string keyId) => Keys.TryGetValue(keyId, out var key) ? key : null;
    }

    private sealed class OpenIdMetadata
    {
        [JsonPropertyName("jwks_uri")]
        public Uri? JwksUri { get; set; }
    }

    private sealed class JsonWebKeySet
    {
        [JsonPropertyName("keys")]
        public List<JsonWebKey>? Keys { get; set; }
    }

    private sealed class JsonWebKey
    {
        [JsonPropertyName("kty")]
        public string? Kty { get; set; }

        [JsonPropertyName("kid")]
        public string? Kid { get; set; }

        [JsonPropertyName("n")]
        public string? N { get; set; }

        [JsonPropertyName("e")]
        public string? E { get; set; }

        [JsonPropertyName("endorsements")]
        public List<string>? Endorsements { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Fetched {Count} Bot Connector signing keys.")]
        public static partial void Refreshed(ILogger logger, int count);
    }
}

/// <summary>An RSA public key the Bot Connector signs with, and the channels it is endorsed for.</summary>
internal sealed record SigningKey(string KeyId, RSAParameters Parameters, IReadOnlyList<string> Endorsements);

internal static class Base64Url
{
    public static byte[] Decode(string value) => System.Buffers.Text.Base64Url.DecodeFromChars(value);
}
