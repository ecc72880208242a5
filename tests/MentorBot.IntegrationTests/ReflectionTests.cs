using System.Text.Json.Nodes;
using MentorBot.Features.Reflections;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Megan Bowen mentors Alex Wilber and Tomás Rivera. Isaiah Langer also mentors Alex (onboarding buddy) but not
/// Tomás, and is nobody Megan mentors. Notes are private to their author unless shared with the mentee.
/// </summary>
public sealed class ReflectionTests : IAsyncLifetime
{
    private const string WhatHappened = "answer-what-happened";
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync();
        await _host.PostActivityAsync(TeamsActivities.Message("help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "help"));
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(23, "Isaiah Langer", "help"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Templates_lists_all_eight_with_a_button_each()
    {
        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "templates"));

        var card = Sent.Card(_host.Sent[^1]);
        Assert.Equal(8, Descendants(card).Count(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == ReflectionVerbs.Open));
        Assert.Contains("Case debrief after a difficult shift", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_template_offers_only_the_mentors_own_mentees()
    {
        var body = await InvokeAsync(Megan(), ReflectionVerbs.Open, new JsonObject { [ReflectionFields.Template] = "case-debrief" });

        var choices = Descendants(body).Single(o => (string?)o["id"] == ReflectionFields.Mentee)["choices"]!.AsArray().Select(c => (string?)c!["value"]);
        Assert.Equal(["alex-wilber", "tomas-rivera"], choices.Order(StringComparer.Ordinal));
        Assert.Contains("Private to me", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_note_reaches_the_mentee_once_and_a_private_one_never()
    {
        var saved = await SaveAsync(Megan(), "n-private", "alex-wilber", "PRIVATE: worried about his confidence", shared: false);
        var shared = await SaveAsync(Megan(), "n-shared", "alex-wilber", "He handled the family well", shared: true);
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);
        await _host.Scoped<OutboxDispatcher>().DispatchAsync(100, default);

        Assert.Contains("Saved: private to you", saved, StringComparison.Ordinal);
        Assert.Contains("Saved and shared with Alex Wilber", shared, StringComparison.Ordinal);
        var toAlex = CardsTo("a%3Apersonal-alex");
        var copy = Assert.Single(toAlex, c => c.Contains("A note from Megan Bowen", StringComparison.Ordinal));
        Assert.Contains("He handled the family well", copy, StringComparison.Ordinal);
        Assert.DoesNotContain(toAlex, c => c.Contains("PRIVATE", StringComparison.Ordinal));
        Assert.DoesNotContain("Action.Execute", copy, StringComparison.Ordinal);

        await _host.PostActivityAsync(TeamsActivities.Message("notes"));
        var notes = Sent.CardText(_host.Sent[^1]);
        Assert.Contains("He handled the family well", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", notes, StringComparison.Ordinal);

        await _host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "notes alex"));
        var mine = Sent.CardText(_host.Sent[^1]);
        Assert.Contains("Your notes about Alex Wilber", mine, StringComparison.Ordinal);
        Assert.Contains("private", mine, StringComparison.Ordinal);
        Assert.Contains("shared with Alex Wilber", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_about_someone_who_is_not_her_mentee_is_refused_and_nothing_is_stored()
    {
        var refused = await SaveAsync(Megan(), "n-forged", "isaiah-langer", "Forged", shared: true);

        Assert.Contains("only write notes about your own current mentees", refused, StringComparison.Ordinal);
        Assert.Null(await _host.Service<MentorNoteStore>().FindAsync("n-forged", default));
    }

    [Fact]
    public async Task Another_mentor_can_neither_open_nor_overwrite_her_note()
    {
        await SaveAsync(Megan(), "n-megan", "alex-wilber", "Megan's own words", shared: false);

        var edit = await InvokeAsync(Isaiah(), ReflectionVerbs.Edit, new JsonObject { [ReflectionFields.Note] = "n-megan" });
        var save = await SaveAsync(Isaiah(), "n-megan", "alex-wilber", "Overwritten by Isaiah", shared: true);

        Assert.Contains("Only the mentor who wrote that note", edit.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Megan's own words", edit.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Only the mentor who wrote that note", save, StringComparison.Ordinal);
        var note = await _host.Service<MentorNoteStore>().FindAsync("n-megan", default);
        Assert.Equal(("megan-bowen", "Megan's own words", false, 1), (note!.AuthorId, note.Answers["what-happened"], note.Shared, note.Revision));
    }

    [Fact]
    public async Task The_author_can_reopen_her_note_prefilled()
    {
        await SaveAsync(Megan(), "n-edit", "alex-wilber", "First version", shared: false);

        var edit = (await InvokeAsync(Megan(), ReflectionVerbs.Edit, new JsonObject { [ReflectionFields.Note] = "n-edit" })).ToJsonString();

        Assert.Contains("First version", edit, StringComparison.Ordinal);
        Assert.Contains("n-edit", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_click_saves_one_note_and_queues_one_copy()
    {
        await SaveAsync(Megan(), "n-double", "alex-wilber", "Same words", shared: true);
        await SaveAsync(Megan(), "n-double", "alex-wilber", "Same words", shared: true);

        var notes = await _host.Service<MentorNoteStore>().ByAuthorAsync("megan-bowen", "alex-wilber", default);
        Assert.Equal(1, Assert.Single(notes).Revision);
        await using var connection = await _host.Service<MentorBot.Persistence.Database>().OpenAsync(default);
        Assert.Equal(1L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM outbox WHERE kind = 'note-shared'"));
    }

    [Fact]
    public async Task An_over_long_answer_keeps_everything_typed_and_saves_nothing()
    {
        var typed = "Long account. " + new string('x', 1500);

        var body = await SaveAsync(Megan(), "n-long", "alex-wilber", typed, shared: false);

        Assert.Contains("is over 1500 characters", body, StringComparison.Ordinal);
        Assert.Contains(typed, body, StringComparison.Ordinal);
        Assert.Null(await _host.Service<MentorNoteStore>().FindAsync("n-long", default));
    }

    private static JsonObject Megan() =>
        TeamsActivities.Base("invoke", conversationId: "a:personal-21", fromAad: "00000000-0000-0000-0000-0000000000021", fromId: "29:user-21", fromName: "Megan Bowen");

    private static JsonObject Isaiah() =>
        TeamsActivities.Base("invoke", conversationId: "a:personal-23", fromAad: "00000000-0000-0000-0000-0000000000023", fromId: "29:user-23", fromName: "Isaiah Langer");

    private async Task<string> SaveAsync(JsonObject from, string noteId, string mentee, string whatHappened, bool shared) =>
        (await InvokeAsync(from, ReflectionVerbs.Save, new JsonObject
        {
            [ReflectionFields.Template] = "case-debrief",
            [ReflectionFields.Note] = noteId,
            [ReflectionFields.Mentee] = mentee,
            [WhatHappened] = whatHappened,
            [ReflectionFields.Visibility] = shared ? ReflectionFields.Shared : ReflectionFields.Private,
        })).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private async Task<JsonObject> InvokeAsync(JsonObject from, string verb, JsonObject data)
    {
        data["verb"] = verb;
        from["name"] = "adaptiveCard/action";
        from["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        return await Sent.InvokeBodyAsync(await _host.PostActivityAsync(from.ToJsonString()));
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => Sent.Descendants(node);

    private List<string> CardsTo(string conversation) => Sent.CardsTo(_host.Sent, conversation);
}
