using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace MentorBot.Teams;

/// <summary>
/// Bearer tokens for calls to the Bot Connector, from the bot's single-tenant secret or its user-assigned managed
/// identity. Tokens are cached and renewed five minutes before they expire. Without an app id (Development only)
/// there is no token, which is what the Agents Playground expects.
/// </summary>
internal sealed class ConnectorTokenProvider
{
    private static readonly string[] Scopes = ["https://api.botframework.com/.default"];
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly TokenCredential? _credential;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AccessToken _current;

    public ConnectorTokenProvider(BotCredential credential, TimeProvider time)
    {
        _time = time;
        _credential = credential.Credential;
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_credential is null)
        {
            return null;
        }

        if (_current.Token is not null && _time.GetUtcNow() < _current.ExpiresOn - RenewBefore)
        {
            return _current.Token;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_current.Token is null || _time.GetUtcNow() >= _current.ExpiresOn - RenewBefore)
            {
                _current = await _credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
            }

            return _current.Token;
        }
        finally
        {
            _lock.Release();
        }
    }
}

/// <summary>The bot's Entra credential, or none in Development without an app id. Tests substitute a fake.</summary>
internal sealed record BotCredential(TokenCredential? Credential)
{
    public static BotCredential From(IOptions<BotOptions> options) => new(Create(options.Value));

    private static TokenCredential? Create(BotOptions options)
    {
        if (!options.HasAppId)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            return new ClientSecretCredential(options.TenantId, options.AppId, options.ClientSecret);
        }

        return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId!));
    }
}
