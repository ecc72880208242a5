using System.Net;
using MentorBot.Persistence;
using MentorBot.Teams;

namespace MentorBot.IntegrationTests;

public sealed class ConversationTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync() => _host = await MentorBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Healthz_is_green_once_migrated_and_scheduled()
    {
        using var client = _host.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Installing_the_app_sends_one_welcome_card_and_stores_the_conversation_reference()
    {
        var install = await _host.PostActivityAsync(TeamsActivities.InstallationAdd());
        var added = await _host.PostActivityAsync(TeamsActivities.BotAdded());

        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var welcome = Assert.Single(_host.Sent);
        Assert.Equal($"{MentorBotHost.ServiceUrl}v3/conversations/a%3Apersonal-alex/activities", welcome.Url);
        Assert.Contains("Welcome to MentorBot, Alex", Sent.CardText(welcome), StringComparison.Ordinal);
        Assert.Null(welcome.Authorization);

        var stored = await _host.Service<ConversationReferenceStore>().FindPersonalAsync(TeamsActivities.TenantId, TeamsActivities.AlexAad, default);
        Assert.NotNull(stored);
        Assert.Equal((MentorBotHost.ServiceUrl, TeamsActivities.AlexId, ReachStatus.Active), (stored.ServiceUrl, stored.UserId, stored.Status));
    }

    [Fact]
    public async Task Help_replies_with_the_command_card()
    {
        var response = await _host.PostActivityAsync(TeamsActivities.Message("help", id: "msg-help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_host.Sent);
        Assert.EndsWith("/activities/msg-help", reply.Url, StringComparison.Ordinal);
        var card = Sent.CardText(reply);
        Assert.Contains("What you can ask me", card, StringComparison.Ordinal);
        Assert.Contains("**help**", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mention_and_capitals_do_not_stop_a_command_matching()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("<at>MentorBot</at> HELP!"));

        Assert.Contains("What you can ask me", Sent.CardText(Assert.Single(_host.Sent)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_gets_suggestions_and_never_an_echo()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("hlep with Mrs Jones in bed 4"));

        var card = Sent.CardText(Assert.Single(_host.Sent));
        Assert.Contains("I didn't catch that", card, StringComparison.Ordinal);
        Assert.Contains("**help**", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Jones", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_execute_round_trip_replaces_the_card()
    {
        var response = await _host.PostActivityAsync(TeamsActivities.Execute("welcome.help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Sent.InvokeBodyAsync(response);
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
        Assert.Contains("What you can ask me", body["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_host.Sent);
    }

    [Fact]
    public async Task An_action_submit_fallback_updates_the_card_it_came_from()
    {
        await _host.PostActivityAsync(TeamsActivities.Submit("welcome.help", replyToId: "card-activity-7"));

        var update = Assert.Single(_host.Sent);
        Assert.Equal(HttpMethod.Put, update.Method);
        Assert.EndsWith("/activities/card-activity-7", update.Url, StringComparison.Ordinal);
        Assert.Contains("What you can ask me", Sent.CardText(update), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_gets_a_friendly_message_not_an_error()
    {
        var response = await _host.PostActivityAsync(TeamsActivities.Execute("checkin.submit.v0-retired"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Sent.InvokeBodyAsync(response);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.Contains("Type help", (string?)body["value"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_message_is_processed_once()
    {
        var activity = TeamsActivities.Message("help", id: "dup-1");

        var first = await _host.PostActivityAsync(activity);
        var second = await _host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_host.Sent);
    }

    [Fact]
    public async Task A_retried_invoke_gets_the_same_answer_without_being_processed_again()
    {
        var activity = TeamsActivities.Execute("welcome.help", id: "invoke-dup");

        var first = await (await _host.PostActivityAsync(activity)).Content.ReadAsStringAsync();
        var second = await (await _host.PostActivityAsync(activity)).Content.ReadAsStringAsync();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Uninstalling_marks_the_conversation_and_a_reinstall_is_welcomed_once_again()
    {
        await _host.PostActivityAsync(TeamsActivities.InstallationAdd());
        await _host.PostActivityAsync(TeamsActivities.InstallationRemove());

        var stored = await _host.Service<ConversationReferenceStore>().FindAsync(TeamsActivities.PersonalConversation, default);
        Assert.Equal(ReachStatus.Uninstalled, stored!.Status);

        await _host.PostActivityAsync(TeamsActivities.InstallationAdd());
        await _host.PostActivityAsync(TeamsActivities.BotAdded());
        Assert.Equal(2, _host.Sent.Count);
        Assert.Equal(ReachStatus.Active, (await _host.Service<ConversationReferenceStore>().FindAsync(TeamsActivities.PersonalConversation, default))!.Status);
    }

    [Fact]
    public async Task A_blocked_recipient_is_marked_and_not_messaged_again()
    {
        await _host.PostActivityAsync(TeamsActivities.Message("help"));
        _host.Connector.OnJson(HttpMethod.Post, MentorBotHost.ServiceUrl, """{"error":{"code":"MessageWritesBlocked"}}""", HttpStatusCode.Forbidden);
        var messenger = _host.Scoped<TeamsMessenger>();
        var card = Features.Welcome.UnknownCommandCard.Build([]);

        var first = await messenger.SendToPersonAsync(TeamsActivities.TenantId, TeamsActivities.AlexAad, card, default);
        var second = await messenger.SendToPersonAsync(TeamsActivities.TenantId, TeamsActivities.AlexAad, card, default);

        Assert.Equal(new SendOutcome.RecipientGone("MessageWritesBlocked"), first);
        Assert.IsType<SendOutcome.RecipientGone>(second);
        Assert.Equal(2, _host.Sent.Count);
        var stored = await _host.Service<ConversationReferenceStore>().FindAsync(TeamsActivities.PersonalConversation, default);
        Assert.Equal(ReachStatus.Blocked, stored!.Status);
    }

    [Fact]
    public async Task Other_activity_types_and_unknown_fields_are_accepted_and_ignored()
    {
        var typing = await _host.PostActivityAsync(TeamsActivities.With(TeamsActivities.Base("typing"), a => a["somethingNew"] = 42));
        var reaction = await _host.PostActivityAsync(TeamsActivities.With(TeamsActivities.Base("messageReaction"), a => a["reactionsAdded"] = new System.Text.Json.Nodes.JsonArray()));
        var eventActivity = await _host.PostActivityAsync(TeamsActivities.With(TeamsActivities.Base("event"), a => a["name"] = "application/vnd.microsoft.meetingStart"));

        Assert.All([typing, reaction, eventActivity], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Empty(_host.Sent);
    }
}
