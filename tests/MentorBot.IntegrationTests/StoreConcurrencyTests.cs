using Dapper;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using MentorBot.Teams;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The store under concurrent use, as a busy Monday makes it: many writers at once (on SQLite they queue at the
/// process's write gate instead of in SQLite's busy handler), a write that returns rows, the in-memory copy of the map
/// against changes made by another process, and a conversation that was marked blocked and speaks again.
/// </summary>
public sealed class StoreConcurrencyTests : IAsyncLifetime
{
    private const string AlexObjectId = "00000000-0000-0000-0000-0000000000020";
    private MentorBotHost _host = null!;

    public async Task InitializeAsync() => _host = await MentorBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sixty_four_concurrent_writers_all_commit_and_each_activity_is_claimed_once()
    {
        var processed = _host.Service<ProcessedActivityStore>();
        var database = _host.Service<Database>();
        var keys = Enumerable.Range(0, 640).Select(i => $"a:concurrency|activity-{i}").ToArray();

        // Every key is claimed by two writers at once; transactions run in between.
        var claims = await Task.WhenAll(keys.Concat(keys).Select(key => Task.Run(() => processed.TryClaimAsync(key, default))));
        var transactions = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                "INSERT INTO audit_log (id, at_ms, actor, action, subject, detail) VALUES (@id, 0, 'test', 'concurrency', NULL, NULL)",
                new { id = $"concurrency-{i}" }, transaction);
            return i;
        }, default))));

        Assert.Equal(keys.Length, claims.Count(c => c));
        Assert.Equal(64, transactions.Length);
        await using var check = await database.OpenAsync(default);
        Assert.Equal(keys.Length, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM processed_activities WHERE activity_key LIKE 'a:concurrency|%'"));
        Assert.Equal(64, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'concurrency'"));
    }

    [Fact]
    public async Task Claims_and_kept_answers_that_arrive_together_are_all_stored()
    {
        var processed = _host.Service<ProcessedActivityStore>();
        var answered = Enumerable.Range(0, 200).Select(i => $"a:together|answered-{i}").ToArray();
        var fresh = Enumerable.Range(0, 200).Select(i => $"a:together|fresh-{i}").ToArray();
        Assert.All(await Task.WhenAll(answered.Select(key => Task.Run(() => processed.TryClaimAsync(key, default)))), Assert.True);
        static byte[] Json(string key) => System.Text.Encoding.UTF8.GetBytes($$"""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"{{key}}"}""");

        // Answers kept for the claimed activities while new ones, and retries of the claimed ones, are claimed: the
        // groups carry both kinds of write.
        var answers = Task.WhenAll(answered.Select(key => Task.Run(() => processed.SaveResponseAsync(key, Json(key), default))));
        var claims = await Task.WhenAll(fresh.Concat(answered).Select(key => Task.Run(() => processed.TryClaimAsync(key, default))));
        await answers;

        Assert.Equal([.. Enumerable.Repeat(true, fresh.Length), .. Enumerable.Repeat(false, answered.Length)], claims);
        foreach (var key in answered)
        {
            Assert.Equal(Json(key), await processed.FindResponseAsync(key, default));
        }

        Assert.All(await Task.WhenAll(fresh.Select(key => processed.FindResponseAsync(key, default))), Assert.Null);
    }

    [Fact]
    public async Task Saves_of_one_check_in_at_the_same_moment_each_get_a_revision_of_their_own()
    {
        var alex = (await _host.Service<MapDirectory>().FindByAadObjectIdAsync(AlexObjectId, default))!;
        var store = _host.Service<Features.CheckIns.CheckInStore>();
        var period = await store.OpenAdHocAsync(alex.Id, null, null, TimeSpan.FromDays(1), default);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 24).Select(i => Task.Run(() => store.SaveAnswerAsync(
            new Features.CheckIns.CheckInAnswer(period.Id, alex.Id, $"Answer {i}", true, null, true, null, true, 3, 2, true, false, _host.Clock.GetUtcNow(), 0), default))));

        Assert.All(outcomes, outcome => Assert.IsType<Features.CheckIns.SaveOutcome.Saved>(outcome));
        Assert.Equal(Enumerable.Range(1, 24), outcomes.Select(o => ((Features.CheckIns.SaveOutcome.Saved)o).Answer.Revision).Order());
        Assert.Equal(24, (await store.FindAnswerAsync(period.Id, default))!.Revision);
    }

    [Fact]
    public async Task Saves_that_arrive_together_each_get_what_saving_alone_would_give()
    {
        var directory = _host.Service<MapDirectory>();
        var (alex, megan, isaiah) = (
            (await directory.FindByAadObjectIdAsync(AlexObjectId, default))!,
            (await directory.FindByAadObjectIdAsync("00000000-0000-0000-0000-0000000000021", default))!,
            (await directory.FindByAadObjectIdAsync("00000000-0000-0000-0000-0000000000023", default))!);
        var store = _host.Service<Features.CheckIns.CheckInStore>();
        var now = _host.Clock.GetUtcNow();
        var day = TimeSpan.FromDays(1);
        var alexAdHoc = await store.OpenAdHocAsync(alex.Id, null, null, day, default);
        var meganAdHoc = await store.OpenAdHocAsync(megan.Id, null, null, day, default);
        var isaiahAdHoc = await store.OpenAdHocAsync(isaiah.Id, null, null, day, default);
        var alexScheduled = new Features.CheckIns.CheckInPeriod("test:alex-scheduled", alex.Id, "test:pairing", null, now.AddHours(-1), now + day, "open");
        var isaiahClosed = new Features.CheckIns.CheckInPeriod("test:isaiah-closed", isaiah.Id, "test:other", null, now.AddDays(-3), now.AddDays(-2), "open");
        await store.OpenScheduledAsync(alexScheduled, default);
        await store.OpenScheduledAsync(isaiahClosed, default);
        Features.CheckIns.CheckInAnswer Answer(Features.CheckIns.CheckInPeriod period, string personId, string learned) =>
            new(period.Id, personId, learned, true, null, true, null, true, 3, 2, true, false, now, 0);

        var lastMegan = Array.Empty<Features.CheckIns.SaveOutcome.Saved>();

        // Three rounds, so that most saves share a group with others (the first of a burst is written at once, alone).
        for (var round = 0; round < 3; round++)
        {
            var burst = new[]
            {
                Answer(alexAdHoc, alex.Id, "same"), Answer(alexAdHoc, alex.Id, "same"),
                Answer(meganAdHoc, megan.Id, $"first {round}"), Answer(meganAdHoc, megan.Id, $"second {round}"),
                Answer(meganAdHoc, isaiah.Id, "not mine"), Answer(alexAdHoc with { Id = "adhoc:gone" }, alex.Id, "gone"),
                Answer(isaiahClosed, isaiah.Id, "too late"), Answer(alexScheduled, alex.Id, $"scheduled {round}"),
            };
            var outcomes = await Task.WhenAll(burst.Select(answer => Task.Run(() => store.SaveAnswerAsync(answer, default))));

            // Two identical saves: at most one writes (none after the first round), the other finds the same content.
            var alexSaves = outcomes[..2];
            Assert.Equal(round == 0 ? 1 : 0, alexSaves.Count(o => o is Features.CheckIns.SaveOutcome.Saved));
            Assert.All(alexSaves, o => Assert.Equal(1, o is Features.CheckIns.SaveOutcome.Saved s ? s.Answer.Revision : ((Features.CheckIns.SaveOutcome.Unchanged)o).Answer.Revision));

            // Two different saves of one period: two revisions of their own, the first ever one first.
            var meganSaves = outcomes[2..4].Cast<Features.CheckIns.SaveOutcome.Saved>().ToArray();
            Assert.Equal([(round * 2) + 1, (round * 2) + 2], meganSaves.Select(s => s.Answer.Revision).Order());
            Assert.Equal(round == 0 ? 1 : 0, meganSaves.Count(s => s.First));
            Assert.All(meganSaves, s => Assert.Equal(1, s.Streak));
            lastMegan = meganSaves;

            Assert.IsType<Features.CheckIns.SaveOutcome.NotYours>(outcomes[4]);
            Assert.IsType<Features.CheckIns.SaveOutcome.UnknownPeriod>(outcomes[5]);
            Assert.IsType<Features.CheckIns.SaveOutcome.Closed>(outcomes[6]);
            var scheduled = Assert.IsType<Features.CheckIns.SaveOutcome.Saved>(outcomes[7]);
            Assert.Equal((round + 1, round == 0), (scheduled.Answer.Revision, scheduled.First));
        }

        // What is stored: the last revision of each, first submission times kept, nothing for the refused saves.
        var stored = (await store.FindAnswerAsync(meganAdHoc.Id, default))!;
        Assert.Equal(6, stored.Revision);
        Assert.Equal(now, stored.SubmittedAt);
        Assert.Equal(lastMegan.Single(s => s.Answer.Revision == 6).Answer.Learned, stored.Learned);
        Assert.Equal(1, (await store.FindAnswerAsync(alexAdHoc.Id, default))!.Revision);
        Assert.Equal(("scheduled 2", 3), ((await store.FindAnswerAsync(alexScheduled.Id, default))!.Learned, (await store.FindAnswerAsync(alexScheduled.Id, default))!.Revision));
        Assert.Null(await store.FindAnswerAsync(isaiahAdHoc.Id, default));
        Assert.Null(await store.FindAnswerAsync(isaiahClosed.Id, default));
        Assert.Equal(
            [("answered", alexAdHoc.Id), ("answered", alexScheduled.Id), ("open", isaiahAdHoc.Id), ("open", isaiahClosed.Id), ("answered", meganAdHoc.Id)],
            await Task.WhenAll(new[] { alexAdHoc, alexScheduled, isaiahAdHoc, isaiahClosed, meganAdHoc }.Select(async p => ((await store.FindPeriodAsync(p.Id, default))!.Status, p.Id))));
    }

    [Fact]
    public async Task A_write_that_returns_rows_outside_a_transaction_does_not_block_the_next_writer()
    {
        var database = _host.Service<Database>();
        await using (var connection = await database.OpenAsync(default))
        {
            var ids = (await connection.QueryAsync<string>(
                "INSERT INTO audit_log (id, at_ms, actor, action) VALUES ('returning-1', 0, 'test', 'returning') RETURNING id")).ToList();
            Assert.Equal(["returning-1"], ids);
        }

        // The reader above is closed, so its hold on the write gate is gone: a transaction gets in at once.
        await database.WriteAsync((next, transaction) => next.ExecuteAsync("DELETE FROM audit_log WHERE id = 'returning-1'", transaction: transaction), default)
            .WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_map_change_made_by_another_process_is_seen_by_the_next_turn()
    {
        var directory = _host.Service<MapDirectory>();
        Assert.Equal("Alex Wilber", (await directory.LoadPersonMapAsync(AlexObjectId, default))!.Person.Name);

        // Another process (the CLI, a second instance) renames Alex and counts the change, as every map writer does.
        await _host.Service<Database>().WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("UPDATE map_people SET name = 'Alex Renamed' WHERE id = 'alex-wilber'", transaction: transaction);
            await MapGeneration.AdvanceAsync(connection, transaction, default);
            return true;
        }, default);

        // A turn compares the stored counter at most once per MapDirectory.Recheck (50 ms); the next turn sees the change.
        await Task.Delay(MapDirectory.Recheck * 2);
        Assert.Equal("Alex Renamed", (await directory.LoadPersonMapAsync(AlexObjectId, default))!.Person.Name);
        Assert.Equal("Alex Renamed", (await directory.FindByAadObjectIdAsync(AlexObjectId.ToUpperInvariant(), default))!.Name);
    }

    [Fact]
    public async Task An_import_in_this_process_is_seen_at_once()
    {
        var directory = _host.Service<MapDirectory>();
        Assert.Equal("Alex Wilber", (await directory.LoadPersonMapAsync(AlexObjectId, default))!.Person.Name);
        var store = _host.Service<MapStore>();
        var map = await store.LoadAsync(default);
        await store.ImportAsync(map with { People = [.. map.People.Select(p => p.Id == "alex-wilber" ? p with { Name = "Alex Imported" } : p)] }, null, default);

        Assert.Equal("Alex Imported", (await directory.LoadPersonMapAsync(AlexObjectId, default))!.Person.Name);
    }

    [Fact]
    public async Task A_conversation_marked_blocked_is_active_again_after_its_next_activity()
    {
        var conversations = _host.Service<ConversationReferenceStore>();
        var reference = new ConversationReference("a:blocked-then-back", "personal", "tenant-1", MentorBotHost.ServiceUrl, "28:bot", "29:alex", AlexObjectId);
        await conversations.UpsertAsync(reference, default);
        await conversations.UpsertAsync(reference, default); // unchanged and recent: not written again
        await conversations.MarkAsync(reference.ConversationId, ReachStatus.Blocked, "MessageWritesBlocked", default);
        Assert.Equal(ReachStatus.Blocked, (await conversations.FindAsync(reference.ConversationId, default))!.Status);

        await conversations.UpsertAsync(reference, default);

        Assert.Equal(ReachStatus.Active, (await conversations.FindAsync(reference.ConversationId, default))!.Status);
    }

    [Fact]
    public async Task A_changed_service_url_is_written_at_once()
    {
        var conversations = _host.Service<ConversationReferenceStore>();
        var reference = new ConversationReference("a:moved", "personal", "tenant-1", MentorBotHost.ServiceUrl, "28:bot", "29:alex", AlexObjectId);
        await conversations.UpsertAsync(reference, default);
        await conversations.UpsertAsync(reference with { ServiceUrl = "https://smba.test/emea/" }, default);

        Assert.Equal("https://smba.test/emea/", (await conversations.FindAsync(reference.ConversationId, default))!.ServiceUrl);
    }
}
