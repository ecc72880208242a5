using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MentorBot.Teams.Auth;

/// <summary>
/// The Bot Connector's signing keys, from its OpenID metadata, kept by Microsoft.IdentityModel's configuration manager:
/// refreshed after <see cref="BotOptions.SigningKeyLifetime"/>, and early at most every five minutes when a token names
/// a key it does not know (a rollover), so forged key ids cannot hammer the endpoint. The endorsements the Bot Framework
/// publishes with each key (the channels it may sign for) are read from the key set.
/// </summary>
internal static class BotSigningKeys
{
    public static readonly TimeSpan EarliestRefresh = TimeSpan.FromMinutes(5);

    public static ConfigurationManager<OpenIdConnectConfiguration> Create(HttpClient http, BotOptions options) => new(
        options.OpenIdMetadataUrl.ToString(),
        new OpenIdConnectConfigurationRetriever(),
        new HttpDocumentRetriever(http) { RequireHttps = options.OpenIdMetadataUrl.Scheme == Uri.UriSchemeHttps })
    {
        AutomaticRefreshInterval = options.SigningKeyLifetime,
        RefreshInterval = EarliestRefresh,
    };

    /// <summary>The channels the published key <paramref name="keyId"/> is endorsed for (empty when it lists none).</summary>
    public static IReadOnlyList<string> Endorsements(OpenIdConnectConfiguration configuration, string? keyId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        return key is not null && key.AdditionalData.TryGetValue("endorsements", out var value) ? Strings(value) : [];
    }

    private static string[] Strings(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        IEnumerable<object> items => [.. items.OfType<string>()],
        _ => [],
    };
}
