using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.CheckIns;
using MentorBot.Persistence;
using MentorBot.Outbox;
using MentorBot.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The bot with production auth and its real Entra credential, against an authority and a Bot Connector on loopback
/// that a test takes down or slows. A turn is never answered 500: its reply waits in the outbox and arrives once, when
/// both are back; queued cards spend no attempts while nothing can be sent; the process stays healthy throughout.
/// </summary>
public sealed class ConnectorOutageTests : IAsyncLifetime
{
    private LocalAuthority _authority = null!;
    private LocalConnector? _connector;
    private int _connectorPort;
    private string _serviceUrl = string.Empty;
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _authority = await LocalAuthority.StartAsync();
        _connector = await LocalConnector.StartAsync();
        _serviceUrl = _connector.ServiceUrl;
        _connectorPort = new Uri(_serviceUrl).Port;
        _host = await MentorBotHost.StartAuthenticatedWithAsync(
            new Dictionary<string, string?>
            {
                ["Connector:TokenWait"] = "00:00:01",
                ["Connector:TokenRetryAfter"] = "00:00:15",
                ["Connector:BaseDelay"] = "00:00:00.010",
            },
            null,
            services =>
            {
                services.RemoveAll<BotCredential>();
                services.AddSingleton(sp => _authority.Credential(sp.GetRequiredService<IOptions<BotOptions>>().Value));
            });
        _host.Connector.PassThrough(_serviceUrl);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        await _authority.DisposeAsync();
    }

    [Fact]
    public async Task With_the_token_endpoint_down_a_message_is_answered_200_and_its_reply_arrives_once_when_it_is_back()
    {
        await _authority.DownAsync();

        var response = await PostAsync(TeamsActivities.Message("help"));
        var invoke = await PostAsync(TeamsActivities.Execute("welcome.help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, invoke.StatusCode);
        Assert.Contains("application/vnd.microsoft.card.adaptive", await invoke.Content.ReadAsStringAsync(), StringComparison.Ordinal); // an invoke needs no token
        Assert.Empty(_connector!.Received);
        Assert.Equal(1, await QueuedRepliesAsync());

        await DispatchAsync(); // still down: told at once, and the reply stays queued without spending an attempt
        Assert.Empty(_connector.Received);

        await _authority.UpAsync();
        _host.Clock.Advance(TimeSpan.FromSeconds(30));
        await DispatchAsync();
        await DispatchAsync();

        var reply = Assert.Single(_connector.To(TeamsActivities.PersonalConversation));
        Assert.Contains("help", reply.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        await AssertSettledAsync();
    }

    [Fact]
    public async Task With_the_connector_down_a_reply_waits_without_spending_attempts_and_arrives_once_when_it_is_back()
    {
        await _connector!.DisposeAsync();
        _connector = null;

        var response = await PostAsync(TeamsActivities.Message("help"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await QueuedRepliesAsync());

        for (var i = 0; i < 12; i++)
        {
            // An outage longer than every attempt an item has: it must still be queued afterwards.
            await DispatchAsync();
            _host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(1, await QueuedRepliesAsync());
        Assert.Equal(0, await AttemptsAsync());

        _connector = await LocalConnector.StartAsync(_connectorPort);
        await DispatchAsync();
        await DispatchAsync();

        Assert.Single(_connector.To(TeamsActivities.PersonalConversation));
        await AssertSettledAsync();
    }

    [Fact]
    public async Task With_both_down_nothing_is_sent_until_both_are_back_and_then_everything_arrives_once()
    {
        await _authority.DownAsync();
        await _connector!.DisposeAsync();
        _connector = null;
        var opened = await _host.Scoped<CheckInScheduler>().OpenAllNowAsync(default);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(TeamsActivities.Message("my map"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(TeamsActivities.Message("help"))).StatusCode);

        await _authority.UpAsync(); // the token is back, the connector is not
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync();
        Assert.Equal(0, await AttemptsAsync());

        _connector = await LocalConnector.StartAsync(_connectorPort);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync();
        await DispatchAsync();

        // Alex gets his two replies and his check-in prompt, each once.
        var toAlex = _connector.To(TeamsActivities.PersonalConversation).Select(a => a.ToJsonString()).ToList();
        Assert.Equal(3, toAlex.Count);
        Assert.Equal(3, toAlex.Distinct(StringComparer.Ordinal).Count());
        Assert.True(opened.Opened > 0);
        await AssertSettledAsync();
    }

    [Fact]
    public async Task A_slow_token_endpoint_never_holds_a_turn_and_one_token_serves_everyone()
    {
        _authority.Delay = TimeSpan.FromSeconds(4);

        var started = DateTime.UtcNow;
        var first = PostAsync(TeamsActivities.Message("help"));
        var second = PostAsync(TeamsActivities.Message("my map"));
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4), "a turn waited for the slow token endpoint");
        Assert.Equal(2, await QueuedRepliesAsync());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref _authority.TokensIssued) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await DispatchAsync();
        await DispatchAsync();

        Assert.Equal(2, _connector!.To(TeamsActivities.PersonalConversation).Count);
        Assert.Equal(1, _authority.TokensIssued);
        await AssertSettledAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string activity)
    {
        var json = JsonNode.Parse(activity)!.AsObject();
        json["serviceUrl"] = _serviceUrl;
        return _host.PostActivityAsync(json.ToJsonString(), _host.IssueToken(serviceUrl: _serviceUrl));
    }

    private Task DispatchAsync() => _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);

    private async Task<long> QueuedRepliesAsync()
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = @kind AND status = 'queued'", new { kind = OutboxStore.ReplyKind });
    }

    private async Task<long> AttemptsAsync()
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        // Items for people with no conversation yet spend attempts waiting for one, as always; the rest must not.
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COALESCE(MAX(attempts), 0) FROM outbox WHERE last_error IS NULL OR last_error <> @waiting", new { waiting = OutboxStore.WaitingForConversation });
    }

    /// <summary>Nothing left to send, no reply's content kept once sent, and the host still healthy.</summary>
    private async Task AssertSettledAsync()
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = @kind AND status <> 'sent'", new { kind = OutboxStore.ReplyKind }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE prepared_activity IS NOT NULL"));
        using var client = _host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
