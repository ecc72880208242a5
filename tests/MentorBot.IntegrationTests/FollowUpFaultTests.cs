using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Concerns;
using MentorBot.Features.Reflections;
using MentorBot.Persistence;
using static MentorBot.IntegrationTests.Speaker;

namespace MentorBot.IntegrationTests;

/// <summary>
/// What a change announces is queued in the transaction that makes the change. A fault injected into the queueing (a
/// trigger that refuses one kind of outbox row, on SQLite and on PostgreSQL) must undo the change too: the person gets
/// the friendly "nothing was saved" answer, nothing half-written remains, and pressing the button again once the fault
/// is gone stores the change and its card once.
/// </summary>
public sealed class FollowUpFaultTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await MentorBotHost.StartAsync();
        foreach (var person in new[] { Alex, Megan, Samuel })
        {
            await _host.PostActivityAsync(person.Message("help"));
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_check_in_whose_mentor_card_cannot_be_queued_is_not_saved_and_a_retry_saves_both_once()
    {
        await _host.PostActivityAsync(Alex.Message("check in"));
        var period = (string)Sent.Descendants(Sent.Card(_host.Sent[^1])).First(o => (string?)o["verb"] == "checkin.submit")["data"]!["period"]!;
        string Submit() => Alex.Execute("checkin.submit", new JsonObject { ["period"] = period, ["learned"] = "Handover", ["confidence"] = "4", ["load"] = "2" });

        await using (await FaultAsync(MenteeCheckInRenderer.Kind))
        {
            var failed = (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Submit()))).ToJsonString();
            Assert.Contains("nothing was saved", failed, StringComparison.Ordinal);
        }

        Assert.Null(await _host.Service<CheckInStore>().FindAnswerAsync(period, default));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM outbox WHERE reference = @period", new { period }));

        var saved = (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Submit()))).ToJsonString();
        await _host.PostActivityAsync(Submit()); // a double click

        Assert.DoesNotContain("nothing was saved", saved, StringComparison.Ordinal);
        Assert.NotNull(await _host.Service<CheckInStore>().FindAnswerAsync(period, default));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM outbox WHERE reference = @period AND kind = @kind", new { period, kind = MenteeCheckInRenderer.Kind }));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM outbox WHERE reference = @period AND kind = @kind", new { period, kind = Features.Coaching.CoachingKinds.AfterCheckIn }));
    }

    [Fact]
    public async Task A_concern_whose_card_to_the_recipient_cannot_be_queued_is_not_raised()
    {
        await _host.PostActivityAsync(Alex.Message("raise a concern"));
        var send = Sent.Descendants(Sent.Card(_host.Sent[^1])).First(o => (string?)o["verb"] == ConcernVerbs.Send);
        string Raise()
        {
            var data = send["data"]!.DeepClone().AsObject();
            data[ConcernFields.Body] = "The bed alarms on bay 4 were switched off.";
            data[ConcernFields.To] = ConcernTarget.Designated;
            return Alex.Execute(ConcernVerbs.Send, data);
        }

        await using (await FaultAsync(ConcernKinds.Received))
        {
            var failed = (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Raise()))).ToJsonString();
            Assert.Contains("nothing was saved", failed, StringComparison.Ordinal);
        }

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM concerns"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'concern%'"));

        await _host.PostActivityAsync(Raise());
        await _host.PostActivityAsync(Raise());
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM concerns"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = @kind", new { kind = ConcernKinds.Received }));
    }

    [Fact]
    public async Task A_note_shared_with_a_mentee_whose_card_cannot_be_queued_is_not_saved()
    {
        string Save() => Megan.Execute(ReflectionVerbs.Save, new JsonObject
        {
            [ReflectionFields.Template] = "case-debrief",
            [ReflectionFields.Note] = "n-shared",
            [ReflectionFields.Mentee] = "alex-wilber",
            ["answer-what-happened"] = "He handled the family well",
            [ReflectionFields.Visibility] = ReflectionFields.Shared,
        });

        await using (await FaultAsync(ReflectionService.SharedKind))
        {
            var failed = (await Sent.InvokeBodyAsync(await _host.PostActivityAsync(Save()))).ToJsonString();
            Assert.Contains("nothing was saved", failed, StringComparison.Ordinal);
        }

        Assert.Null(await _host.Service<MentorNoteStore>().FindAsync("n-shared", default));

        await _host.PostActivityAsync(Save());
        await _host.PostActivityAsync(Save());
        Assert.Equal(1, (await _host.Service<MentorNoteStore>().FindAsync("n-shared", default))!.Revision);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = @kind", new { kind = ReflectionService.SharedKind }));
    }

    /// <summary>Makes every outbox row of <paramref name="kind"/> fail to insert until disposed.</summary>
    private async Task<IAsyncDisposable> FaultAsync(string kind)
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        if (_host.Provider == "Postgres")
        {
            await connection.ExecuteAsync(
                $"""
                CREATE OR REPLACE FUNCTION injected_outbox_fault() RETURNS trigger AS $$
                BEGIN
                    IF NEW.kind = '{kind}' THEN RAISE EXCEPTION 'injected fault'; END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql;
                CREATE TRIGGER injected_outbox_fault BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION injected_outbox_fault();
                """);
        }
        else
        {
            await connection.ExecuteAsync($"CREATE TRIGGER injected_outbox_fault BEFORE INSERT ON outbox WHEN NEW.kind = '{kind}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END;");
        }

        return new Fault(_host);
    }

    private sealed class Fault(MentorBotHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var connection = await host.Service<Database>().OpenAsync(default);
            await connection.ExecuteAsync(host.Provider == "Postgres"
                ? "DROP TRIGGER injected_outbox_fault ON outbox; DROP FUNCTION injected_outbox_fault();"
                : "DROP TRIGGER injected_outbox_fault");
        }
    }

    private async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = await _host.Service<Database>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}
