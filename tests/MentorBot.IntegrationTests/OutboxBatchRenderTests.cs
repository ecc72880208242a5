using Dapper;
using MentorBot.Cards;
using MentorBot.Features.CheckIns;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The outbox renders a claimed batch of check-in prompts at once; each card must be exactly the one the item would
/// get on its own. The demo map has every shape a person's map can take (mentors and mentees, circles, leaders).
/// </summary>
public sealed class OutboxBatchRenderTests : IAsyncLifetime
{
    private MentorBotHost _host = null!;

    public async Task InitializeAsync() => _host = await MentorBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_batch_renders_each_check_in_prompt_exactly_as_it_renders_alone()
    {
        await _host.Service<OutboxDispatchGate>().Semaphore.WaitAsync(); // nothing is sent while the test reads the queue
        Assert.True((await _host.Scoped<CheckInScheduler>().OpenAllNowAsync(default)).Opened > 10);
        await using (var connection = await _host.Service<Database>().OpenAsync(default))
        {
            // One answered, to show that the batch drops it as the single render does.
            await connection.ExecuteAsync(
                """
                INSERT INTO checkin_answers (period_id, person_id, learned, learned_shared, need, need_shared, stuck, stuck_shared, confidence, load, scores_shared, wants_time, submitted_at_ms, updated_at_ms, revision)
                SELECT reference, person_id, 'x', 0, '', 0, '', 0, 3, 3, 0, 0, 0, 0, 1 FROM outbox WHERE kind = 'checkin-prompt' ORDER BY id LIMIT 1
                """);
        }

        var items = (await _host.Service<OutboxStore>().ClaimAsync(1000, default)).Where(i => i.Kind == CheckInScheduler.PromptKind).ToList();
        var renderer = (IOutboxBatchRenderer)_host.Scoped<IEnumerable<IOutboxRenderer>>().Single(r => r.Kind == CheckInScheduler.PromptKind);

        var batch = await renderer.RenderManyAsync(items, default);

        Assert.Equal(items.Count, batch.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var alone = await renderer.RenderAsync(items[i].Reference, items[i].PersonId, default);
            Assert.Equal(alone is null ? null : CardSerializer.Serialize(alone), batch[i] is { } card ? CardSerializer.Serialize(card) : null);
        }

        Assert.Single(batch, card => card is null);
    }
}
