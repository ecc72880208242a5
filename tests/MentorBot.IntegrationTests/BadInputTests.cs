using System.Net;
using MentorBot.Persistence;

namespace MentorBot.IntegrationTests;

public sealed class BadInputTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync() => _host = await MentorBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("{bad json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("""{"type":"message","from":"not-an-object"}""")]
    [InlineData("""{"type":"message","membersAdded":{"id":1}}""")]
    public async Task Malformed_bodies_get_400_and_nothing_is_processed(string body)
    {
        var response = await _host.PostActivityAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_host.Sent);
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_not_crashed_on()
    {
        var body = new string('[', 5000) + new string(']', 5000);

        var response = await _host.PostActivityAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KB_gets_413()
    {
        var huge = TeamsActivities.Message(new string('x', 300 * 1024));

        var response = await _host.PostActivityAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_host.Sent);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_without_a_length_also_gets_413()
    {
        using var client = _host.CreateClient();
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TeamsActivities.Message(new string('y', 300 * 1024)))));
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_invoke_gets_501()
    {
        var response = await _host.PostActivityAsync(TeamsActivities.With(TeamsActivities.Base("invoke"), a => a["name"] = "composeExtension/query"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_without_a_type_gets_400()
    {
        var response = await _host.PostActivityAsync("""{"id":"x","text":"help"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_message_that_says_nothing_about_its_sender_gets_400()
    {
        var response = await _host.PostActivityAsync("""{"type":"message","text":"help"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Sent);
    }

    [Theory]
    [InlineData("""{"action":"oops"}""")]
    [InlineData("""{"action":{"type":"Action.Execute"}}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":""}}""")]
    [InlineData("""[]""")]
    public async Task A_stale_or_mangled_execute_gets_a_friendly_message(string value)
    {
        var activity = TeamsActivities.With(TeamsActivities.Base("invoke"), a =>
        {
            a["name"] = "adaptiveCard/action";
            a["value"] = System.Text.Json.Nodes.JsonNode.Parse(value);
        });

        var response = await _host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Sent.InvokeBodyAsync(response);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
    }

    [Fact]
    public async Task A_submit_without_a_verb_gets_a_friendly_message()
    {
        var activity = TeamsActivities.With(TeamsActivities.Base("message"), a => a["value"] = new System.Text.Json.Nodes.JsonObject { ["learned"] = "x" });

        var response = await _host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("out of date", Assert.Single(_host.Sent).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_connector_is_down_the_message_still_gets_200_and_the_bot_stays_up()
    {
        _host.Connector.On(HttpMethod.Post, MentorBotHost.ServiceUrl, _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        var response = await _host.PostActivityAsync(TeamsActivities.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, _host.Sent.Count);
        await _host.WaitUntilHealthyAsync();
    }

    [Fact]
    public async Task Old_activity_ids_are_forgotten_by_the_prune_job()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("help", id: "old-1"));
        _host.Clock.Advance(TimeSpan.FromDays(3));

        var removed = await _host.Service<ProcessedActivityStore>().PruneAsync(TimeSpan.FromDays(2), default);

        Assert.Equal(1, removed);
        await _host.PostActivityAsync(TeamsActivities.Message("help", id: "old-1"));
        Assert.Equal(2, _host.Sent.Count);
    }
}
