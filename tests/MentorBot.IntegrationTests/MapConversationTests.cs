using System.Net;

namespace MentorBot.IntegrationTests;

/// <summary>The six Agents Playground users, as the demo map casts them, asking about their map.</summary>
public sealed class MapConversationTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync() => _host = await MentorBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(20, "Alex Wilber", new[] { "Learning with", "Megan Bowen", "onboarding", "New Starters Circle", "Next check-in" })]
    [InlineData(21, "Megan Bowen", new[] { "Mentoring", "Alex Wilber", "Learning with", "facilitator of New Starters Circle" })]
    [InlineData(22, "Adele Vance", new[] { "Manager", "leader with a weekly digest" })]
    [InlineData(23, "Isaiah Langer", new[] { "Staff", "Alex Wilber", "onboarding buddy" })]
    [InlineData(24, "Patti Fernandez", new[] { "Director", "leader for the whole organisation" })]
    [InlineData(25, "Lynne Robbins", new[] { "programme admin" })]
    public async Task Each_playground_user_sees_their_own_role_in_my_map(int user, string name, string[] expected)
    {
        var response = await _host.PostActivityAsync(TeamsActivities.MessageFrom(user, name, "my map"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Sent.CardText(Assert.Single(_host.Sent));
        Assert.Contains("Your mentorship map", card, StringComparison.Ordinal);
        Assert.All(expected, e => Assert.Contains(e, card, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_person_whose_locale_is_spanish_gets_spanish_cards()
    {
        var map = MentorBot.Features.Map.Demo.DemoMap.Load(new DateOnly(2026, 11, 23));
        var hablante = map.People.First(p => p.Locale.StartsWith("es", StringComparison.Ordinal) && p.AadObjectId is not null);
        var activity = TeamsActivities.With(
            TeamsActivities.Base("message", conversationId: "a:es", fromAad: hablante.AadObjectId!, fromId: "29:es", fromName: hablante.Name),
            a => a["text"] = "my map");

        await _host.PostActivityAsync(activity);
        await _host.PostActivityAsync(TeamsActivities.With(
            TeamsActivities.Base("message", conversationId: "a:es", fromAad: hablante.AadObjectId!, fromId: "29:es", fromName: hablante.Name),
            a => a["text"] = "help"));

        Assert.Contains("Tu mapa de mentoría", Sent.CardText(_host.Sent[0]), StringComparison.Ordinal);
        Assert.Contains("Lo que puedes pedirme", Sent.CardText(_host.Sent[1]), StringComparison.Ordinal);
        Assert.Contains("Muestra los comandos que puedes usar.", Sent.CardText(_host.Sent[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Times_in_my_map_are_in_the_readers_time_zone()
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(20, "Alex Wilber", "my map"));

        Assert.Contains("Times are shown in your time zone (America/Chicago)", Sent.CardText(Assert.Single(_host.Sent)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands_of_the_callers_role()
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(25, "Lynne Robbins", "help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(20, "Alex Wilber", "help"));

        Assert.Contains("**map status**", Sent.CardText(_host.Sent[0]), StringComparison.Ordinal);
        Assert.DoesNotContain("**map status**", Sent.CardText(_host.Sent[1]), StringComparison.Ordinal);
        Assert.Contains("**my map**", Sent.CardText(_host.Sent[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_programme_admin_gets_map_status_with_counts_and_who_cannot_be_reached()
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(25, "Lynne Robbins", "map status"));

        var card = Sent.CardText(Assert.Single(_host.Sent));
        Assert.Contains("Mentorship map status", card, StringComparison.Ordinal);
        Assert.Contains("\"People\",\"value\":\"52\"", card, StringComparison.Ordinal);
        Assert.Contains("Clinical judgment", card, StringComparison.Ordinal);
        Assert.Contains("Not reachable yet: 51", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_status_is_refused_to_staff()
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(20, "Alex Wilber", "map status"));

        var card = Sent.CardText(Assert.Single(_host.Sent));
        Assert.Contains("isn't available to you", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Not reachable", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_outside_the_map_is_told_how_to_be_added_and_nothing_else()
    {
        var stranger = TeamsActivities.With(
            TeamsActivities.Base("message", conversationId: "a:stranger", fromAad: "99999999-0000-0000-0000-000000000001", fromId: "29:stranger", fromName: "Casey Stranger"),
            a => a["text"] = "my map");

        await _host.PostActivityAsync(stranger);

        var card = Sent.CardText(Assert.Single(_host.Sent));
        Assert.Contains("not in the mentorship map yet", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_welcome_card_names_a_mapped_persons_role()
    {
        await _host.PostActivityAsync(TeamsActivities.InstallationAdd());

        var card = Sent.CardText(Assert.Single(_host.Sent));
        Assert.Contains("Your part in the programme", card, StringComparison.Ordinal);
        Assert.Contains("Medical Ward 3", card, StringComparison.Ordinal);
    }
}
