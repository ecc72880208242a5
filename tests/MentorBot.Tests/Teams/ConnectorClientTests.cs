using System.Net;
using MentorBot.Teams;
using MentorBot.Teams.Wire;
using MentorBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorBot.Tests.Teams;

public sealed class ConnectorClientTests
{
    private const string ServiceUrl = "https://connector.test/amer/";
    private static readonly ConversationReference To = new("a:1;messageid=2", "personal", "tenant", ServiceUrl, "28:bot", "29:user", "aad");
    private readonly RecordingHandler _http = new();
    private readonly ConnectorClient _client;

    public ConnectorClientTests()
    {
        // The client as the bot builds it: its HttpClient with the resilience pipeline, over the recording handler.
        var services = new ServiceCollection();
        services.AddLogging().AddMetrics();
        services.AddSingleton<MentorBot.Hosting.Telemetry.MentorBotMetrics>();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ConnectorOptions>().Configure(o => (o.MaxAttempts, o.BaseDelay, o.MaxInlineDelay) = (4, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(2)));
        services.AddSingleton(new BotCredential(null));
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddConnectorClient().ConfigurePrimaryHttpMessageHandler(() => _http);
        _client = services.BuildServiceProvider().GetRequiredService<ConnectorClient>();
    }

    [Fact]
    public async Task A_send_posts_to_the_escaped_conversation_and_returns_the_activity_id()
    {
        _http.OnJson(HttpMethod.Post, ServiceUrl, """{"id":"act-9"}""");

        var outcome = await _client.SendAsync(To, new OutgoingActivity { Text = "hi" }, default);

        Assert.Equal(new SendOutcome.Sent("act-9"), outcome);
        var request = Assert.Single(_http.Requests);
        Assert.Equal("https://connector.test/amer/v3/conversations/a%3A1%3Bmessageid%3D2/activities", request.Url);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task Throttling_is_retried_after_the_retry_after_delay_then_succeeds()
    {
        var calls = 0;
        _http.On(HttpMethod.Post, ServiceUrl, _ => ++calls < 3 ? TooMany(TimeSpan.FromMilliseconds(50)) : RecordingHandler.Json("""{"id":"x"}"""));

        var outcome = await _client.SendAsync(To, new OutgoingActivity(), default);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_paced_send_waits_for_the_pace_before_every_attempt_retries_included()
    {
        var calls = 0;
        var paced = 0;
        _http.On(HttpMethod.Post, ServiceUrl, _ => ++calls < 3 ? TooMany(TimeSpan.FromMilliseconds(5)) : RecordingHandler.Json("""{"id":"x"}"""));

        var outcome = await _client.SendAsync(To, new OutgoingActivity(), _ => { paced++; return Task.CompletedTask; }, default);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal(3, paced);
    }

    [Fact]
    public async Task A_long_retry_after_is_handed_back_as_throttled_rather_than_waited_in_line()
    {
        _http.On(HttpMethod.Post, ServiceUrl, _ => TooMany(TimeSpan.FromSeconds(30)));

        var outcome = await _client.SendAsync(To, new OutgoingActivity(), default);

        Assert.Equal(new SendOutcome.Throttled(TimeSpan.FromSeconds(30)), outcome);
        Assert.Single(_http.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    public async Task Transient_failures_are_retried_a_bounded_number_of_times(HttpStatusCode status)
    {
        _http.On(HttpMethod.Post, ServiceUrl, _ => new HttpResponseMessage(status));

        var outcome = await _client.SendAsync(To, new OutgoingActivity(), default);

        Assert.IsType<SendOutcome.Failed>(outcome);
        Assert.Equal(4, _http.Requests.Count);
    }

    [Fact]
    public async Task Message_writes_blocked_means_the_recipient_is_gone_and_is_not_retried()
    {
        _http.OnJson(HttpMethod.Post, ServiceUrl, """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}""", HttpStatusCode.Forbidden);

        var outcome = await _client.SendAsync(To, new OutgoingActivity(), default);

        Assert.Equal(new SendOutcome.RecipientGone("MessageWritesBlocked"), outcome);
        Assert.Single(_http.Requests);
    }

    [Fact]
    public async Task A_missing_conversation_means_the_recipient_is_gone()
    {
        _http.On(HttpMethod.Post, ServiceUrl, _ => new HttpResponseMessage(HttpStatusCode.NotFound));

        Assert.IsType<SendOutcome.RecipientGone>(await _client.SendAsync(To, new OutgoingActivity(), default));
    }

    [Fact]
    public async Task Other_client_errors_fail_without_retry()
    {
        _http.On(HttpMethod.Post, ServiceUrl, _ => new HttpResponseMessage(HttpStatusCode.BadRequest));

        Assert.IsType<SendOutcome.Failed>(await _client.SendAsync(To, new OutgoingActivity(), default));
        Assert.Single(_http.Requests);
    }

    [Fact]
    public async Task An_update_is_a_put_to_the_activity()
    {
        _http.OnJson(HttpMethod.Put, ServiceUrl, """{"id":"act-1"}""");

        var outcome = await _client.UpdateAsync(To, "act-1", new OutgoingActivity(), default);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.EndsWith("/activities/act-1", Assert.Single(_http.Requests).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_personal_conversation_names_the_bot_the_member_and_the_tenant()
    {
        _http.OnJson(HttpMethod.Post, ServiceUrl + "v3/conversations", """{"id":"a:new-conversation"}""");

        var outcome = await _client.CreatePersonalConversationAsync(ServiceUrl, "tenant-9", "28:bot", "29:person", default);

        Assert.Equal(new SendOutcome.Sent("a:new-conversation"), outcome);
        var body = System.Text.Json.JsonDocument.Parse(Assert.Single(_http.Requests).Body!).RootElement;
        Assert.Equal("28:bot", body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:person", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("tenant-9", body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_invalid_service_url_fails_without_a_call()
    {
        var outcome = await _client.SendAsync(To with { ServiceUrl = "file:///etc/passwd" }, new OutgoingActivity(), default);

        Assert.IsType<SendOutcome.Failed>(outcome);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public void Only_transient_answers_and_faults_are_retried_and_never_a_wait_longer_than_the_inline_limit()
    {
        static Polly.Outcome<HttpResponseMessage> Answer(HttpStatusCode status, TimeSpan? retryAfter = null)
        {
            var response = new HttpResponseMessage(status);
            response.Headers.RetryAfter = retryAfter is { } wait ? new System.Net.Http.Headers.RetryConditionHeaderValue(wait) : null;
            return Polly.Outcome.FromResult(response);
        }

        bool Retried(Polly.Outcome<HttpResponseMessage> outcome) => ConnectorResilience.ShouldRetry(outcome, TimeSpan.FromSeconds(10), TimeProvider.System);

        Assert.True(Retried(Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(2))));
        Assert.False(Retried(Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(30))));
        Assert.True(Retried(Answer(HttpStatusCode.ServiceUnavailable)));
        Assert.False(Retried(Answer(HttpStatusCode.Forbidden)));
        Assert.False(Retried(Answer(HttpStatusCode.OK)));
        Assert.True(Retried(Polly.Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset"))));
        Assert.True(Retried(Polly.Outcome.FromException<HttpResponseMessage>(new Polly.Timeout.TimeoutRejectedException())));
    }

    private static HttpResponseMessage TooMany(TimeSpan retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return response;
    }
}
