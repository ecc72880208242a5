using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.Map;
using MentorBot.Features.Privacy;
using MentorBot.Features.Pulses;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The demo pulse ("Feeling safe on shift") asks Medical Ward 3's thirteen people. Lynne Robbins is the programme
/// admin; Patti Fernandez is outside the ward. The clock starts on Monday 2026-11-23 at 08:00 in Chicago.
/// </summary>
public sealed class PulseTests : IAsyncLifetime
{
    private static readonly Speaker Alex = Speaker.Alex;
    private static readonly Speaker Megan = Speaker.Megan;
    private static readonly Speaker Lynne = Speaker.Lynne;
    private static readonly Speaker Patti = Speaker.Patti;
    private static readonly Speaker Tomas = Speaker.Demo(37, "Tomás Rivera");

    /// <summary>Everyone in Medical Ward 3.</summary>
    private static readonly Speaker[] Ward =
    [
        Alex, Megan, Speaker.Adele, Speaker.Isaiah, Speaker.Samuel, Speaker.Demo(36, "Grace Adeyemi"), Tomas, Speaker.Demo(38, "Caleb Thornton"),
        Speaker.Demo(39, "Emily Sorensen"), Speaker.Demo(40, "Jamal Wright"), Speaker.Demo(41, "Chloe Martin"), Speaker.Demo(42, "Vikram Shah"), Speaker.Demo(43, "Beatriz Santos"),
    ];

    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync();
        foreach (var person in Ward.Append(Lynne).Append(Patti))
        {
            await _host.PostActivityAsync(person.Message("help"));
        }

        // The shipped content pulse, put in place as PulseLibrarySync does at start (the test host keeps the library off so it never races other tests).
        await _host.Service<PulseStore>().UpsertLibraryAsync(PulseValidator.ToPulse(new PulseLibrary().Specs.Single(), _host.Clock.GetUtcNow(), "library", null), false, default);
        await RunAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_demo_pulse_reaches_the_ward_inside_each_persons_working_hours_and_says_what_is_kept()
    {
        await DispatchAsync();

        var card = Assert.Single(Alex.Cards(_host));
        Assert.Contains("Feeling safe on shift", card, StringComparison.Ordinal);
        Assert.Contains("I feel safe asking questions on my shift", card, StringComparison.Ordinal);
        Assert.Contains("I know who to go to for help", card, StringComparison.Ordinal);
        Assert.Contains("I feel less alone at work than a month ago", card, StringComparison.Ordinal);
        Assert.Contains("stored without your name", card, StringComparison.Ordinal);
        Assert.Contains("Results are shown once at least 5 people have answered, comments once 10 have", card, StringComparison.Ordinal);
        Assert.Single(Megan.Cards(_host));
        Assert.Empty(Tomas.Cards(_host)); // his shift starts at 14:00
        Assert.Empty(Patti.Cards(_host));
        Assert.Empty(Lynne.Cards(_host));

        _host.Clock.Advance(TimeSpan.FromHours(6));
        await DispatchAsync();
        Assert.Single(Tomas.Cards(_host));
    }

    [Fact]
    public async Task Each_person_is_counted_once_and_nobody_outside_the_audience_at_all()
    {
        var first = await AnswerAsync(Alex, 4, 5, 3, "Huddles help.");
        var second = await AnswerAsync(Alex, 1, 1, 1, "Changed my mind.");
        var outsider = await AnswerAsync(Patti, 1, 1, 1, null);

        Assert.Contains("Thank you: your answers are in, anonymously", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Huddles help.", first, StringComparison.Ordinal);
        Assert.Contains("already answered", second, StringComparison.Ordinal);
        Assert.Contains("isn't one you were asked", outsider, StringComparison.Ordinal);
        var counts = await _host.Service<PulseBallotBox>().CountsAsync(RunId, default);
        Assert.Equal(3, counts.Values.Sum());
        Assert.Equal((1, 0), (counts[("safe-asking", "4")], counts[("safe-asking", "1")]));
        Assert.Equal(["Huddles help."], (await _host.Service<PulseBallotBox>().CommentsAsync(RunId, default)).Select(c => c.Body));
        Assert.Equal(1, await _host.Service<PulseBallotBox>().RespondedCountAsync(RunId, default));
    }

    [Fact]
    public async Task An_incomplete_answer_gets_a_message_and_no_stored_reply_ever_repeats_an_answer()
    {
        var incomplete = await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Alex.Execute(PulseVerbs.Answer, new JsonObject
        {
            [PulseFields.Run] = RunId,
            [PulseFields.Answer("safe-asking")] = "2",
            [PulseFields.Answer("anything-else")] = "Words only I would write.",
        })));
        var complete = await AnswerAsync(Alex, 2, 2, 2, "Words only I would write.");

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)incomplete["type"]);
        Assert.Contains("Please answer every statement", (string?)incomplete["value"], StringComparison.Ordinal);
        Assert.Contains("Thank you", complete, StringComparison.Ordinal);
        Assert.Equal(1, await _host.Service<PulseBallotBox>().RespondedCountAsync(RunId, default));
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        var keys = await connection.QueryAsync<string>("SELECT activity_key FROM processed_activities WHERE response_compressed IS NOT NULL");
        var stored = new List<string>();
        foreach (var key in keys)
        {
            stored.Add(System.Text.Encoding.UTF8.GetString((await _host.Service<ProcessedActivityStore>().FindResponseAsync(key, default))!));
        }

        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, r => r.Contains("Words only I would write.", StringComparison.Ordinal) || r.Contains("Input.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_stored_answer_holds_anything_that_leads_back_to_a_person()
    {
        foreach (var (person, i) in Ward.Take(6).Select((p, i) => (p, i)))
        {
            await AnswerAsync(person, 1 + (i % 5), 5 - (i % 5), 3, $"Comment number {i}");
        }

        var people = await _host.Service<MapStore>().LoadAsync(default);
        var identifiers = people.People.SelectMany(p => new[] { p.Id, p.AadObjectId, p.Name, p.Email }).OfType<string>().ToList();
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        foreach (var table in new[] { "pulse_answer_counts", "pulse_comments" })
        {
            var rows = (await connection.QueryAsync(new CommandDefinition($"SELECT * FROM {table}"))).Cast<IDictionary<string, object>>().ToList();
            Assert.NotEmpty(rows);
            foreach (var value in rows.SelectMany(r => r.Values).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty))
            {
                Assert.DoesNotContain(identifiers, id => value.Contains(id, StringComparison.OrdinalIgnoreCase));
            }
        }

        Assert.Equal(6, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pulse_responded"));
    }

    [Fact]
    public async Task The_answer_tables_have_no_person_conversation_time_or_order_column_and_who_answered_has_no_time()
    {
        var columns = await ColumnsAsync();

        Assert.Equal(["question_id", "responses", "run_id", "value"], columns["pulse_answer_counts"]);
        Assert.Equal(["body", "id", "question_id", "run_id"], columns["pulse_comments"]);
        Assert.Equal(["person_id", "run_id"], columns["pulse_responded"]);
        string[] forbidden = ["person", "aad", "conversation", "user", "author", "sender", "_at", "_ms", "time", "date", "seq", "order", "created", "rowid", "serial"];
        Assert.All(columns["pulse_answer_counts"].Concat(columns["pulse_comments"]), c => Assert.DoesNotContain(forbidden, f => c.Contains(f, StringComparison.Ordinal)));
        Assert.All(columns["pulse_responded"], c => Assert.DoesNotContain(new[] { "_at", "_ms", "time", "seq", "order" }, f => c.Contains(f, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_answer_rewrites_the_comments_under_new_random_ids_so_their_order_says_nothing()
    {
        await AnswerAsync(Alex, 3, 3, 3, "First comment.");
        var before = await CommentIdsAsync();
        await AnswerAsync(Megan, 4, 4, 4, null);
        var after = await CommentIdsAsync();
        await AnswerAsync(Speaker.Isaiah, 4, 4, 4, "Second comment.");
        var third = await CommentIdsAsync();

        Assert.Single(before);
        Assert.Single(after);
        Assert.NotEqual(before, after);
        Assert.Equal(2, third.Count);
        Assert.Empty(third.Intersect(after));
        Assert.All(third, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public async Task Results_stay_hidden_below_five_answers_and_comments_below_ten()
    {
        for (var i = 0; i < 4; i++)
        {
            await AnswerAsync(Ward[i], 4, 4, 2, $"Comment {i}");
        }

        var four = await ResultsAsync();
        await AnswerAsync(Ward[4], 2, 2, 2, null);
        var five = await ResultsAsync();
        for (var i = 5; i < 9; i++)
        {
            await AnswerAsync(Ward[i], 5, 5, 5, null);
        }

        var nine = await ResultsAsync();
        await AnswerAsync(Ward[9], 5, 5, 5, null);
        var ten = await ResultsAsync();

        Assert.Contains("Results are hidden until at least 5 people have answered (4 so far)", four, StringComparison.Ordinal);
        Assert.DoesNotContain("█", four, StringComparison.Ordinal);
        Assert.DoesNotContain("I feel safe asking questions", four, StringComparison.Ordinal);
        Assert.DoesNotContain("Comment 0", four, StringComparison.Ordinal);
        Assert.Contains("5 of 13 asked", five, StringComparison.Ordinal);
        Assert.Contains("█", five, StringComparison.Ordinal);
        Assert.Contains("Comments are shown once at least 10 people have answered", five, StringComparison.Ordinal);
        Assert.DoesNotContain("Comment 0", nine, StringComparison.Ordinal);
        Assert.Contains("Comment 0", ten, StringComparison.Ordinal);
        Assert.Contains("Comment 3", ten, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_programme_admins_read_results()
    {
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(Ward[i], 4, 4, 4, null);
        }

        await _host.PostActivityAsync(Alex.Message("pulse results safe-to-ask"));
        var typed = Sent.CardText(_host.Sent[^1]);
        var pressed = (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Alex.Execute(PulseVerbs.Results, new JsonObject { [PulseFields.Pulse] = "safe-to-ask" })))).ToJsonString();

        Assert.DoesNotContain("█", typed, StringComparison.Ordinal);
        Assert.DoesNotContain("█", pressed, StringComparison.Ordinal);
        Assert.Contains("Only programme admins", pressed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Those_who_have_not_answered_get_one_reminder()
    {
        await DispatchAsync();
        await AnswerAsync(Alex, 4, 4, 4, null);

        _host.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        await RunAsync();
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM outbox WHERE kind = '{PulseKinds.Reminder}'"));
        _host.Clock.Advance(TimeSpan.FromMinutes(1)); // Thursday 08:00
        await RunAsync();
        await RunAsync();
        await DispatchAsync();
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        await DispatchAsync();

        Assert.Single(Alex.Cards(_host));
        Assert.Equal(2, Megan.Cards(_host).Count);
        Assert.Contains("A gentle reminder: Feeling safe on shift", Megan.Cards(_host)[^1], StringComparison.Ordinal);
        Assert.Equal(12L, await CountAsync($"SELECT COUNT(*) FROM outbox WHERE kind = '{PulseKinds.Reminder}'"));
        Assert.Contains("Thank you", await AnswerAsync(Megan, 5, 5, 5, null), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_run_sends_admins_its_results_and_the_next_run_shows_the_trend()
    {
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(Ward[i], 3, 2, 3, null);
        }

        _host.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Contains("has closed", await AnswerAsync(Ward[5], 5, 5, 5, null), StringComparison.Ordinal);
        await RunAsync();
        await DispatchAsync();
        var first = Assert.Single(Lynne.Cards(_host));
        Assert.Contains("Run 1", first, StringComparison.Ordinal);
        Assert.Contains("Average 3.0. The first run: nothing to compare yet.", first, StringComparison.Ordinal);

        _host.Clock.Advance(TimeSpan.FromDays(23)); // a month after the first run
        await RunAsync();
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(Ward[i], 4, 4, 4, null, run: "safe-to-ask:2");
        }

        var second = await ResultsAsync();
        Assert.Contains("Run 2", second, StringComparison.Ordinal);
        Assert.Contains("Average 4.0 · ▲ 1.0 since the previous run (3.0)", second, StringComparison.Ordinal);
        Assert.Contains("Average 4.0 · ▲ 2.0 since the previous run (2.0)", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_creates_a_pulse_for_a_circle_and_it_reaches_its_members_at_once()
    {
        await _host.PostActivityAsync(Lynne.Message("pulse create"));
        var form = Sent.Card(_host.Sent[^1]);
        var id = (string)Sent.Descendants(form).Single(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == PulseVerbs.Create)["data"]![PulseFields.Pulse]!;
        JsonObject Data(string options) => new()
        {
            [PulseFields.Pulse] = id,
            [PulseFields.Title] = "New starters check",
            [PulseFields.Audience] = "circle:c-001",
            [PulseFields.Schedule] = PulseSchedule.Quarterly,
            [PulseFields.QuestionText(1)] = "I feel less alone at work",
            [PulseFields.QuestionKind(1)] = PulseQuestionKind.Scale,
            [PulseFields.QuestionText(2)] = "Handovers are usually",
            [PulseFields.QuestionKind(2)] = PulseQuestionKind.Choice,
            [PulseFields.QuestionOptions(2)] = options,
        };

        var refused = (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Megan.Execute(PulseVerbs.Create, Data("Calm; Rushed"))))).ToJsonString();
        var invalid = (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Lynne.Execute(PulseVerbs.Create, Data("Calm"))))).ToJsonString();
        Assert.Null(await _host.Service<PulseStore>().FindAsync(id, default));
        var created = (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Lynne.Execute(PulseVerbs.Create, Data("Calm; Rushed; It depends"))))).ToJsonString();
        await DispatchAsync();

        Assert.Contains("Only programme admins", refused, StringComparison.Ordinal);
        Assert.Contains("a choice needs 2 to 6 different options", invalid, StringComparison.Ordinal);
        Assert.Contains("Pulse created: New starters check", created, StringComparison.Ordinal);
        Assert.Contains("8 people", created, StringComparison.Ordinal);
        var toAlex = Alex.Cards(_host).Single(c => c.Contains("New starters check", StringComparison.Ordinal));
        Assert.Contains("It depends", toAlex, StringComparison.Ordinal);
        Assert.DoesNotContain(Patti.Cards(_host), c => c.Contains("New starters check", StringComparison.Ordinal));
        var audit = Assert.Single(await _host.Service<AuditLog>().RecentAsync(10, id, default));
        Assert.Equal(("lynne-robbins", PulseAdmin.CreateAuditAction), (audit.Actor, audit.Action));
    }

    [Fact]
    public async Task With_the_library_on_the_demo_pulse_opens_by_itself_at_start()
    {
        await using var host = await MentorBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Pulse:LibraryEnabled"] = "true",
            ["Scheduling:RunServer"] = "true",
            ["Scheduling:QueuePollInterval"] = "00:00:00.200",
        });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await host.Service<PulseStore>().FindRunAsync(RunId, default) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var run = await host.Service<PulseStore>().FindRunAsync(RunId, default);
        Assert.Equal((1, 13), (run!.Seq, run.Invited));
    }

    private const string RunId = "safe-to-ask:1";

    private async Task<string> AnswerAsync(Speaker who, int safe, int knowWho, int lessAlone, string? comment, string run = RunId)
    {
        var data = new JsonObject
        {
            [PulseFields.Run] = run,
            [PulseFields.Answer("safe-asking")] = safe.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [PulseFields.Answer("know-who")] = knowWho.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [PulseFields.Answer("less-alone")] = lessAlone.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (comment is not null)
        {
            data[PulseFields.Answer("anything-else")] = comment;
        }

        return (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(who.Execute(PulseVerbs.Answer, data)))).ToJsonString(Readable);
    }

    private async Task<string> ResultsAsync()
    {
        await _host.PostActivityAsync(Lynne.Message("pulse results safe-to-ask"));
        return Sent.CardText(_host.Sent[^1]);
    }

    private async Task RunAsync() => await _host.Scoped<PulseScheduler>().RunAsync(await _host.Service<MapStore>().LoadAsync(default), default);

    private async Task DispatchAsync() => await _host.Scoped<OutboxDispatcher>().DispatchAsync(1000, default);

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task<List<string>> CommentIdsAsync()
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        return [.. await connection.QueryAsync<string>("SELECT id FROM pulse_comments")];
    }

    private async Task<Dictionary<string, List<string>>> ColumnsAsync()
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        var tables = new[] { "pulse_answer_counts", "pulse_comments", "pulse_responded" };
        var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var names = _host.Provider == "Postgres"
                ? await connection.QueryAsync<string>("SELECT column_name FROM information_schema.columns WHERE table_name = @table", new { table })
                : (await connection.QueryAsync($"PRAGMA table_info({table})")).Select(r => (string)((IDictionary<string, object>)r)["name"]);
            columns[table] = [.. names.Order(StringComparer.Ordinal)];
        }

        return columns;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
