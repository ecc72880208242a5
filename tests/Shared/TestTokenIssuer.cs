using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MentorBot.TestSupport;

/// <summary>
/// Plays the Bot Connector's token service in tests: an RSA key published as a JWKS with endorsements, and tokens
/// signed with it (or deliberately forged).
/// </summary>
internal sealed class TestTokenIssuer : IDisposable
{
    public const string MetadataUrl = "https://login.botframework.test/v1/.well-known/openidconfiguration";
    public const string JwksUrl = "https://login.botframework.test/v1/.well-known/keys";
    public const string KeyId = "test-key-1";
    public const string UnendorsedKeyId = "test-key-unendorsed";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _unendorsed = RSA.Create(2048);
    private readonly RSA _stranger = RSA.Create(2048);

    public string MetadataJson => JsonSerializer.Serialize(new { issuer = "https://api.botframework.com", jwks_uri = JwksUrl });

    public string JwksJson => new JsonObject
    {
        ["keys"] = new JsonArray(Jwk(_key, KeyId, ["msteams", "emulator"]), Jwk(_unendorsed, UnendorsedKeyId, ["webchat"])),
    }.ToJsonString();

    /// <summary>A valid token for the given audience and service URL, unless overrides say otherwise.</summary>
    public string Issue(string appId, string serviceUrl, DateTimeOffset now, Action<JsonObject>? payload = null, Action<JsonObject>? header = null, string keyId = KeyId, RSA? signWith = null, string alg = "RS256")
    {
        var h = new JsonObject { ["alg"] = alg, ["kid"] = keyId, ["typ"] = "JWT" };
        header?.Invoke(h);
        var p = new JsonObject
        {
            ["iss"] = "https://api.botframework.com",
            ["aud"] = appId,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(59).ToUnixTimeSeconds(),
        };
        payload?.Invoke(p);
        var signingInput = Encode(h.ToJsonString()) + "." + Encode(p.ToJsonString());
        var key = signWith ?? (keyId == UnendorsedKeyId ? _unendorsed : _key);
        var hash = alg switch { "RS384" => HashAlgorithmName.SHA384, "RS512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA256 };
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), hash, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    /// <summary>A key the connector never published.</summary>
    public RSA Stranger => _stranger;

    public static string Encode(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

    public void Dispose()
    {
        _key.Dispose();
        _unendorsed.Dispose();
        _stranger.Dispose();
    }

    private static JsonObject Jwk(RSA rsa, string kid, string[] endorsements)
    {
        var parameters = rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64Url(parameters.Modulus!),
            ["e"] = Base64Url(parameters.Exponent!),
            ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
        };
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
