using System.Text.Json.Nodes;
using MentorBot.Teams;
using MentorBot.Teams.Auth;
using MentorBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Tests.Teams;

public sealed class BotTokenValidatorTests : IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private readonly TestTokenIssuer _issuer = new();
    private readonly RecordingHandler _http = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly BotTokenValidator _validator;

    public BotTokenValidatorTests()
    {
        _http.On(HttpMethod.Get, TestTokenIssuer.MetadataUrl, _ => RecordingHandler.Json(_issuer.MetadataJson));
        _http.On(HttpMethod.Get, TestTokenIssuer.JwksUrl, _ => RecordingHandler.Json(_issuer.JwksJson));
        var options = Options.Create(new BotOptions { AppId = AppId, OpenIdMetadataUrl = new Uri(TestTokenIssuer.MetadataUrl) });
        var keys = BotSigningKeys.Create(new HttpClient(_http), options.Value);
        _validator = new BotTokenValidator(keys, options, _time);
    }

    public static TheoryData<string, int> ForgedTokens => new()
    {
        { "none", 401 },
        { "not-bearer", 401 },
        { "alg-none", 401 },
        { "alg-hs256", 401 },
        { "wrong-issuer", 401 },
        { "wrong-audience", 401 },
        { "expired", 401 },
        { "not-yet-valid", 401 },
        { "unknown-key", 401 },
        { "signed-by-stranger", 401 },
        { "tampered-payload", 401 },
        { "jwe-five-parts", 401 },
        { "oversized", 401 },
        { "garbage", 401 },
        { "no-kid", 401 },
        { "unendorsed-key", 403 },
        { "serviceurl-mismatch", 403 },
        { "serviceurl-missing", 403 },
        { "signature-padded", 401 },
        { "signature-plus-slash", 401 },
        { "signature-stray-bits", 401 },
    };

    [Fact]
    public async Task A_token_that_follows_every_rule_is_accepted()
    {
        var token = _issuer.Issue(AppId, ServiceUrl, Now);

        var outcome = await _validator.ValidateAsync("Bearer " + token, "msteams", ServiceUrl, default);

        Assert.IsType<AuthOutcome.Accepted>(outcome);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task RS384_and_RS512_are_accepted(string alg)
    {
        var outcome = await _validator.ValidateAsync("Bearer " + _issuer.Issue(AppId, ServiceUrl, Now, alg: alg), "msteams", ServiceUrl, default);

        Assert.IsType<AuthOutcome.Accepted>(outcome);
    }

    [Fact]
    public async Task Lifetime_allows_five_minutes_of_clock_skew_and_no_more()
    {
        var token = _issuer.Issue(AppId, ServiceUrl, Now, p => p["exp"] = Now.AddMinutes(-4).ToUnixTimeSeconds());
        Assert.IsType<AuthOutcome.Accepted>(await _validator.ValidateAsync("Bearer " + token, "msteams", ServiceUrl, default));

        var late = _issuer.Issue(AppId, ServiceUrl, Now, p => p["exp"] = Now.AddMinutes(-6).ToUnixTimeSeconds());
        Assert.IsType<AuthOutcome.Unauthenticated>(await _validator.ValidateAsync("Bearer " + late, "msteams", ServiceUrl, default));
    }

    [Fact]
    public async Task The_service_url_comparison_ignores_case()
    {
        var token = _issuer.Issue(AppId, ServiceUrl.ToUpperInvariant(), Now);

        Assert.IsType<AuthOutcome.Accepted>(await _validator.ValidateAsync("Bearer " + token, "msteams", ServiceUrl, default));
    }

    [Fact]
    public async Task An_audience_array_containing_the_app_id_is_accepted()
    {
        var token = _issuer.Issue(AppId, ServiceUrl, Now, p => p["aud"] = new JsonArray("someone-else", AppId));

        Assert.IsType<AuthOutcome.Accepted>(await _validator.ValidateAsync("Bearer " + token, "msteams", ServiceUrl, default));
    }

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task Forged_tokens_are_rejected(string forgery, int expectedStatus)
    {
        var outcome = await _validator.ValidateAsync(Header(forgery), "msteams", forgery == "serviceurl-missing" ? null : ServiceUrl, default);

        var status = outcome switch
        {
            AuthOutcome.Unauthenticated => 401,
            AuthOutcome.Forbidden => 403,
            _ => 200,
        };
        Assert.Equal(expectedStatus, status);
    }

    /// <summary>
    /// Keys are cached and fetched again after their lifetime by Microsoft.IdentityModel's configuration manager, which
    /// keeps the system clock for that (its time provider is internal): what is checked here is the schedule it is given.
    /// </summary>
    [Fact]
    public async Task Signing_keys_are_cached_and_fetched_again_after_their_lifetime()
    {
        var token = _issuer.Issue(AppId, ServiceUrl, Now);
        await _validator.ValidateAsync("Bearer " + token, "msteams", ServiceUrl, default);
        await _validator.ValidateAsync("Bearer " + token, "msteams", ServiceUrl, default);
        Assert.Single(_http.To(TestTokenIssuer.JwksUrl));

        var manager = BotSigningKeys.Create(new HttpClient(_http), new BotOptions { OpenIdMetadataUrl = new Uri(TestTokenIssuer.MetadataUrl), SigningKeyLifetime = TimeSpan.FromHours(12) });
        Assert.Equal(TimeSpan.FromHours(12), manager.AutomaticRefreshInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), manager.RefreshInterval);
    }

    [Fact]
    public async Task Unknown_key_ids_cannot_make_the_bot_hammer_the_metadata_endpoint()
    {
        await _validator.ValidateAsync("Bearer " + _issuer.Issue(AppId, ServiceUrl, Now), "msteams", ServiceUrl, default);
        for (var i = 0; i < 20; i++)
        {
            await _validator.ValidateAsync("Bearer " + _issuer.Issue(AppId, ServiceUrl, Now, keyId: "forged-" + i), "msteams", ServiceUrl, default);
        }

        // The first unknown key may refresh at once (the keys may be a rollover old); after that at most every five minutes.
        Assert.InRange(_http.To(TestTokenIssuer.JwksUrl).Count, 1, 2);
    }

    public void Dispose() => _issuer.Dispose();

    /// <summary>The signature in standard base64's alphabet; a valid one always has a '-' or '_' somewhere, else one is made.</summary>
    private static string StandardAlphabet(string signature) =>
        signature.Contains('-', StringComparison.Ordinal) || signature.Contains('_', StringComparison.Ordinal)
            ? signature.Replace('-', '+').Replace('_', '/')
            : signature + "+";

    /// <summary>The last character changed so that unused low bits are set: it decodes to the same bytes.</summary>
    private static string StrayBits(string signature)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var unused = (signature.Length % 4) switch { 2 => 4, 3 => 2, _ => 0 };
        if (unused == 0)
        {
            return signature + "A"; // 0 mod 4: an extra character is no canonical length at all
        }

        var last = alphabet.IndexOf(signature[^1], StringComparison.Ordinal);
        return signature[..^1] + alphabet[last | 1];
    }

    private string Header(string forgery)
    {
        string Token(Action<JsonObject>? payload = null, Action<JsonObject>? header = null, string keyId = TestTokenIssuer.KeyId) =>
            _issuer.Issue(AppId, ServiceUrl, Now, payload, header, keyId);

        var valid = Token();
        var parts = valid.Split('.');
        return forgery switch
        {
            "none" => string.Empty,
            "not-bearer" => "Basic " + valid,
            "alg-none" => "Bearer " + TestTokenIssuer.Encode("""{"alg":"none","kid":"test-key-1"}""") + "." + parts[1] + ".",
            "alg-hs256" => "Bearer " + Token(header: h => h["alg"] = "HS256"),
            "wrong-issuer" => "Bearer " + Token(p => p["iss"] = "https://sts.windows.net/evil/"),
            "wrong-audience" => "Bearer " + Token(p => p["aud"] = "another-bot"),
            "expired" => "Bearer " + Token(p => p["exp"] = Now.AddHours(-1).ToUnixTimeSeconds()),
            "not-yet-valid" => "Bearer " + Token(p => p["nbf"] = Now.AddHours(1).ToUnixTimeSeconds()),
            "unknown-key" => "Bearer " + Token(keyId: "nobody-knows-this-key"),
            "signed-by-stranger" => "Bearer " + _issuer.Issue(AppId, ServiceUrl, Now, signWith: _issuer.Stranger),
            "tampered-payload" => "Bearer " + parts[0] + "." + TestTokenIssuer.Encode("""{"iss":"https://api.botframework.com","aud":"x"}""") + "." + parts[2],
            "jwe-five-parts" => "Bearer " + string.Join('.', parts[0], parts[1], "key", "iv", parts[2]),
            "oversized" => "Bearer " + valid + new string('A', BotTokenValidator.MaxTokenLength),
            "garbage" => "Bearer not.a.token",
            "no-kid" => "Bearer " + Token(header: h => h.Remove("kid")),
            "unendorsed-key" => "Bearer " + Token(keyId: TestTokenIssuer.UnendorsedKeyId),
            "serviceurl-mismatch" => "Bearer " + _issuer.Issue(AppId, "https://evil.example/", Now),
            "serviceurl-missing" => "Bearer " + valid,
            // The same signature spelt differently: padding, standard base64's '+' and '/', and non-zero bits past the last byte.
            "signature-padded" => "Bearer " + parts[0] + "." + parts[1] + "." + parts[2] + "==", // an RSA-2048 signature is 342 characters: 2 short of a multiple of 4
            "signature-plus-slash" => "Bearer " + parts[0] + "." + parts[1] + "." + StandardAlphabet(parts[2]),
            "signature-stray-bits" => "Bearer " + parts[0] + "." + parts[1] + "." + StrayBits(parts[2]),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
    }
}
