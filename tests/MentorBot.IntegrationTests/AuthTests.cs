using System.Net;
using MentorBot.Persistence;
using MentorBot.Teams;

namespace MentorBot.IntegrationTests;

/// <summary>The host as production runs it: every activity must carry a valid Bot Connector token.</summary>
public sealed class AuthTests : IAsyncLifetime
{
    private readonly MentorBot.TestSupport.TestTokenIssuer _issuer = new();
    private LocalJwksServer _jwks = null!;
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _jwks = await LocalJwksServer.StartAsync(_issuer);
        _host = await MentorBotHost.StartAuthenticatedAsync(new Dictionary<string, string?> { ["Bot:OpenIdMetadataUrl"] = _jwks.MetadataUrl }, _issuer);
        _host.Connector.PassThrough(_jwks.MetadataUrl[..(_jwks.MetadataUrl.IndexOf("/v1/", StringComparison.Ordinal) + 1)]);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _jwks.DisposeAsync();
        _issuer.Dispose();
    }

    [Fact]
    public async Task Signing_keys_come_from_the_published_jwks_and_are_cached()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("help"), _host.IssueToken());
        await _host.PostActivityAsync(TeamsActivities.Message("help"), _host.IssueToken());

        Assert.Equal(1, _jwks.KeyFetches);
        Assert.Equal(2, _host.Sent.Count);
    }

    public static TheoryData<string, HttpStatusCode> Forgeries => new()
    {
        { "missing", HttpStatusCode.Unauthorized },
        { "alg-none", HttpStatusCode.Unauthorized },
        { "wrong-issuer", HttpStatusCode.Unauthorized },
        { "wrong-audience", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "not-yet-valid", HttpStatusCode.Unauthorized },
        { "unknown-key", HttpStatusCode.Unauthorized },
        { "jwe", HttpStatusCode.Unauthorized },
        { "oversized", HttpStatusCode.Unauthorized },
        { "unendorsed", HttpStatusCode.Forbidden },
        { "serviceurl-mismatch", HttpStatusCode.Forbidden },
    };

    [Fact]
    public async Task A_valid_token_is_accepted_and_the_reply_carries_the_bots_own_token()
    {
        var response = await _host.PostActivityAsync(TeamsActivities.Message("help"), _host.IssueToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_host.Sent);
        Assert.Equal("Bearer outbound-test-token", reply.Authorization);
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forged_tokens_are_rejected_and_nothing_is_processed(string forgery, HttpStatusCode expected)
    {
        var token = forgery switch
        {
            "missing" => null,
            "alg-none" => MentorBot.TestSupport.TestTokenIssuer.Encode("""{"alg":"none"}""") + "." + _host.IssueToken().Split('.')[1] + ".",
            "wrong-issuer" => _host.IssueToken(p => p["iss"] = "https://evil.example"),
            "wrong-audience" => _host.IssueToken(p => p["aud"] = "some-other-bot"),
            "expired" => _host.IssueToken(p => p["exp"] = _host.Clock.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds()),
            "not-yet-valid" => _host.IssueToken(p => p["nbf"] = _host.Clock.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds()),
            "unknown-key" => _host.Tokens.Issue(MentorBotHost.AppId, MentorBotHost.ServiceUrl, _host.Clock.GetUtcNow(), signWith: _host.Tokens.Stranger, keyId: "rogue"),
            "jwe" => "a.b.c.d.e",
            "oversized" => _host.IssueToken() + new string('A', 20_000),
            "unendorsed" => _host.Tokens.Issue(MentorBotHost.AppId, MentorBotHost.ServiceUrl, _host.Clock.GetUtcNow(), keyId: MentorBot.TestSupport.TestTokenIssuer.UnendorsedKeyId),
            "serviceurl-mismatch" => _host.IssueToken(serviceUrl: "https://attacker.example/"),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        var response = await _host.PostActivityAsync(TeamsActivities.Message("help"), token);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_host.Sent);
        Assert.Null(await _host.Service<ConversationReferenceStore>().FindAsync(TeamsActivities.PersonalConversation, default));
    }

    [Fact]
    public async Task Malformed_json_with_a_token_is_still_a_400()
    {
        var response = await _host.PostActivityAsync("{nope", _host.IssueToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class TenantAllowListTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync() => _host = await MentorBotHost.StartAsync(new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = "contoso-tenant" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_activity_from_a_tenant_outside_the_allow_list_gets_403()
    {
        var response = await _host.PostActivityAsync(TeamsActivities.Message("help"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Sent);
    }

    [Fact]
    public async Task An_activity_from_an_allowed_tenant_is_processed()
    {
        var activity = TeamsActivities.With(TeamsActivities.Base("message"), a =>
        {
            a["text"] = "help";
            a["conversation"]!["tenantId"] = "contoso-tenant";
        });

        var response = await _host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Sent);
    }
}
