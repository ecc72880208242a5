using System.Security.Cryptography;
using MentorBot.Teams.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MentorBot.Tests.Teams;

/// <summary>The key rollover both validators share: an unknown key id refreshes the keys once, then the token is tried again.</summary>
public sealed class TokenChecksTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
    private readonly RSA _old = RSA.Create(2048);
    private readonly RSA _new = RSA.Create(2048);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly JsonWebTokenHandler _handler = new();

    [Fact]
    public async Task A_token_signed_by_a_key_published_after_the_cached_set_is_accepted_after_one_refresh()
    {
        var keys = new RollingKeys(Configuration(Key(_old, "old")), Configuration(Key(_old, "old"), Key(_new, "new")));

        var (result, configuration) = await TokenChecks.ValidateAsync(_handler, Token(Key(_new, "new")), keys, Parameters, default);

        Assert.True(result.IsValid, TokenChecks.Reason(result.Exception));
        Assert.Equal(1, keys.Refreshes);
        Assert.Equal(2, configuration.SigningKeys.Count);
    }

    [Fact]
    public async Task A_token_from_a_known_key_needs_no_refresh()
    {
        var keys = new RollingKeys(Configuration(Key(_old, "old")), Configuration(Key(_new, "new")));

        var (result, _) = await TokenChecks.ValidateAsync(_handler, Token(Key(_old, "old")), keys, Parameters, default);

        Assert.True(result.IsValid);
        Assert.Equal(0, keys.Refreshes);
    }

    [Fact]
    public async Task A_key_id_no_published_set_holds_is_refused_after_a_single_refresh()
    {
        using var stranger = RSA.Create(2048);
        var keys = new RollingKeys(Configuration(Key(_old, "old")), Configuration(Key(_old, "old"), Key(_new, "new")));

        var (result, _) = await TokenChecks.ValidateAsync(_handler, Token(Key(stranger, "forged")), keys, Parameters, default);

        Assert.False(result.IsValid);
        Assert.Equal("unknown signing key", TokenChecks.Reason(result.Exception));
        Assert.Equal(1, keys.Refreshes);
    }

    public void Dispose()
    {
        _old.Dispose();
        _new.Dispose();
    }

    private static RsaSecurityKey Key(RSA rsa, string id) => new(rsa) { KeyId = id };

    private static OpenIdConnectConfiguration Configuration(params RsaSecurityKey[] keys)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = "https://issuer.test" };
        foreach (var key in keys)
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        IssuerSigningKeys = configuration.SigningKeys,
        ValidIssuer = configuration.Issuer,
        ValidAudience = "app",
        LifetimeValidator = TokenChecks.Lifetime(_time),
        TryAllIssuerSigningKeys = false,
    };

    private string Token(RsaSecurityKey key) => _handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://issuer.test",
        Audience = "app",
        IssuedAt = Now.UtcDateTime,
        NotBefore = Now.UtcDateTime,
        Expires = Now.AddMinutes(30).UtcDateTime,
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    });

    /// <summary>Answers the first set until a refresh is asked for, then the second.</summary>
    private sealed class RollingKeys(OpenIdConnectConfiguration before, OpenIdConnectConfiguration after) : IConfigurationManager<OpenIdConnectConfiguration>
    {
        public int Refreshes { get; private set; }

        public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => Task.FromResult(Refreshes == 0 ? before : after);

        public void RequestRefresh() => Refreshes++;
    }
}
