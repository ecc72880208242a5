using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace MentorBot.Teams;

/// <summary>
/// Bearer tokens for calls to the Bot Connector, from the bot's single-tenant secret or its user-assigned managed
/// identity. Tokens are cached and renewed five minutes before they expire, by one request at a time. An outage of the
/// token endpoint is an outcome, not an exception: a caller waits at most <see cref="ConnectorOptions.TokenWait"/> for a
/// token, and after a failure every caller is told at once for <see cref="ConnectorOptions.TokenRetryAfter"/>, so a
/// queue of sends does not knock on a dead endpoint one by one. Without an app id (Development only) there is no token,
/// which is what the Agents Playground expects.
/// </summary>
internal sealed partial class ConnectorTokenProvider
{
    private static readonly string[] Scopes = ["https://api.botframework.com/.default"];
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly TokenCredential? _credential;
    private readonly TimeProvider _time;
    private readonly ConnectorOptions _options;
    private readonly ILogger<ConnectorTokenProvider> _logger;
    private readonly Lock _gate = new();
    private AccessToken _current;
    private Task<AccessToken>? _renewal;
    private DateTimeOffset _failedUntil = DateTimeOffset.MinValue;

    public ConnectorTokenProvider(BotCredential credential, IOptions<ConnectorOptions> options, TimeProvider time, ILogger<ConnectorTokenProvider> logger)
    {
        _time = time;
        _options = options.Value;
        _logger = logger;
        _credential = credential.Credential;
    }

    public async ValueTask<BearerToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_credential is null)
        {
            return BearerToken.None;
        }

        Task<AccessToken> renewal;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_current.Token is not null && now < _current.ExpiresOn - RenewBefore)
            {
                return new BearerToken(_current.Token, null);
            }

            if (_renewal is null && now < _failedUntil)
            {
                return Unavailable("the token endpoint failed moments ago");
            }

            renewal = _renewal ??= RenewAsync();
        }

        try
        {
            // A network wait, in real time like the connector's request timeout.
            return new BearerToken((await renewal.WaitAsync(_options.TokenWait, cancellationToken)).Token, null);
        }
        catch (TimeoutException)
        {
            // The renewal goes on for the next caller; a token still valid for a few minutes serves meanwhile.
            lock (_gate)
            {
                return _current.Token is not null && _time.GetUtcNow() < _current.ExpiresOn
                    ? new BearerToken(_current.Token, null)
                    : Unavailable("the token endpoint is slow to answer");
            }
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            return Unavailable("the token endpoint failed");
        }
    }

    private async Task<AccessToken> RenewAsync()
    {
        try
        {
            // Not cancelled with the caller that started it: others wait for the same renewal.
            var token = await _credential!.GetTokenAsync(new TokenRequestContext(Scopes), CancellationToken.None);
            lock (_gate)
            {
                _current = token;
                _renewal = null;
            }

            return token;
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Log.TokenFailed(_logger, ex.GetType().Name, _options.TokenRetryAfter.TotalSeconds);
            lock (_gate)
            {
                _failedUntil = _time.GetUtcNow() + _options.TokenRetryAfter;
                _renewal = null;
            }

            throw;
        }
    }

    private BearerToken Unavailable(string reason) => new(null, reason);

    /// <summary>What Azure.Identity throws when the endpoint or the identity cannot give a token now.</summary>
    private static bool IsOutage(Exception ex) =>
        ex is AuthenticationFailedException or CredentialUnavailableException or RequestFailedException or HttpRequestException or OperationCanceledException;

    private static partial class Log
    {
        [LoggerMessage(EventId = 3210, Level = LogLevel.Warning, Message = "The bot's token for the Bot Connector could not be obtained ({Error}); sends wait {Seconds} s before asking again, and replies go to the outbox.")]
        public static partial void TokenFailed(ILogger logger, string error, double seconds);
    }
}

/// <summary>A bearer token, none at all (Development), or why none could be had now (<see cref="Problem"/>).</summary>
internal readonly record struct BearerToken(string? Value, string? Problem)
{
    public static BearerToken None { get; } = new(null, null);
}

/// <summary>The bot's Entra credential, or none in Development without an app id. Tests substitute a fake.</summary>
internal sealed record BotCredential(TokenCredential? Credential)
{
    public static BotCredential From(IOptions<BotOptions> options) => new(Create(options.Value, null));

    /// <summary>The credential the options describe, with its calls sent through <paramref name="transport"/> when one is given (tests).</summary>
    internal static TokenCredential? Create(BotOptions options, HttpPipelineTransport? transport)
    {
        if (!options.HasAppId)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            // The authority is configuration, not input: no instance discovery round trip to validate it.
            var secret = new ClientSecretCredentialOptions { AuthorityHost = options.AuthorityHost, DisableInstanceDiscovery = true };
            Bounded(secret, transport);
            return new ClientSecretCredential(options.TenantId, options.AppId, options.ClientSecret, secret);
        }

        var identity = new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId!));
        Bounded(identity, transport);
        return new ManagedIdentityCredential(identity);
    }

    /// <summary>
    /// A token request gives up within seconds, not Azure.Core's default of 100 s a try: a turn waiting for a reply's
    /// token must answer Teams in time, and the outbox retries later anyway.
    /// </summary>
    private static void Bounded(TokenCredentialOptions options, HttpPipelineTransport? transport)
    {
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        if (transport is not null)
        {
            options.Transport = transport;
        }
    }
}
