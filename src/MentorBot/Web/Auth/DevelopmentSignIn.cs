using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MentorBot.Web.Auth;

/// <summary>
/// Development only (<see cref="TabOptions.DevelopmentSignIn"/>): tokens for a person chosen from the map, shaped like
/// Teams' single sign-on tokens and signed with a key that lives only in this process, so the tab's API checks them
/// with the same validator. Another environment refuses to start with it on.
/// </summary>
internal sealed class DevelopmentSignIn : IDisposable
{
    public const string Issuer = "urn:mentorbot:development-sign-in";
    public const string Audience = "urn:mentorbot:tab";
    public const string TenantId = "development";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TimeProvider _time;

    public DevelopmentSignIn(TimeProvider time)
    {
        _time = time;
        Key = new RsaSecurityKey(_rsa) { KeyId = "development" };
    }

    public SecurityKey Key { get; }

    public string Issue(string aadObjectId)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = new Dictionary<string, object> { ["tid"] = TenantId, ["oid"] = aadObjectId, ["scp"] = TabTokenValidator.Scope },
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose() => _rsa.Dispose();
}
