using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Coaching;

internal sealed record CoachingDelivery(string Id, string PersonId, string PromptId, string Lane, string Source, string? Feedback);

internal sealed record PromptFeedback(string PromptId, string Lane, int Sent, int Useful, int NotUseful);

/// <summary>Which prompts went to whom, and what they thought of them.</summary>
internal sealed class CoachingStore(Database database, TimeProvider time)
{
    private const string Columns = "id AS Id, person_id AS PersonId, prompt_id AS PromptId, lane AS Lane, source AS Source, feedback AS Feedback";

    /// <summary>Records the delivery, or returns the one already recorded under the same id (a retry or a second instance).</summary>
    public async Task<CoachingDelivery> RecordAsync(CoachingDelivery delivery, CancellationToken cancellationToken)
    {
        await database.ExecuteAsync(
            """
            INSERT INTO coaching_deliveries (id, person_id, prompt_id, lane, source, created_at_ms) VALUES (@Id, @PersonId, @PromptId, @Lane, @Source, @Now)
            ON CONFLICT (id) DO NOTHING
            """,
            new { delivery.Id, delivery.PersonId, delivery.PromptId, delivery.Lane, delivery.Source, Now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken);
        return (await FindAsync(delivery.Id, cancellationToken))!;
    }

    public async Task<CoachingDelivery?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CoachingDelivery>(new CommandDefinition(
            $"SELECT {Columns} FROM coaching_deliveries WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlySet<string>> SentSinceAsync(string personId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT prompt_id FROM coaching_deliveries WHERE person_id = @personId AND created_at_ms >= @since",
            new { personId, since = since.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Stores the recipient's feedback; false when the delivery is not theirs.</summary>
    public async Task<bool> SetFeedbackAsync(string id, string personId, bool useful, CancellationToken cancellationToken)
    {
        return await database.ExecuteAsync(
            "UPDATE coaching_deliveries SET feedback = @feedback, feedback_at_ms = @now WHERE id = @id AND person_id = @personId",
            new { id, personId, feedback = useful ? "useful" : "not-useful", now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken) == 1;
    }

    /// <summary>Marks "try it" or "talk it through"; false when the delivery is not theirs or it was already marked.</summary>
    /// <summary>Marks "try it" or "talk it through" once, with the card it announces (<paramref name="card"/>) in the same transaction.</summary>
    public Task<bool> MarkAsync(string id, string personId, bool talk, Outbox.OutboxEntry card, CancellationToken cancellationToken)
    {
        var column = talk ? "talk_at_ms" : "tried_at_ms";
        var now = time.GetUtcNow();
        return database.WriteAsync(async (connection, transaction) =>
        {
            var marked = await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE coaching_deliveries SET {column} = @now WHERE id = @id AND person_id = @personId AND {column} IS NULL",
                new { id, personId, now = now.ToUnixTimeMilliseconds() }, transaction)) == 1;
            if (marked)
            {
                await Outbox.OutboxStore.QueueAsync(connection, transaction, [card], now, CancellationToken.None);
            }

            return marked;
        }, cancellationToken);
    }

    /// <summary>Per prompt: how often it was sent, and how often rated useful or not. Counts only, never who.</summary>
    public async Task<IReadOnlyList<PromptFeedback>> FeedbackAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string PromptId, string Lane, long Sent, long Useful, long NotUseful)>(new CommandDefinition(
            """
            SELECT prompt_id, lane, COUNT(*),
                SUM(CASE WHEN feedback = 'useful' THEN 1 ELSE 0 END), SUM(CASE WHEN feedback = 'not-useful' THEN 1 ELSE 0 END)
            FROM coaching_deliveries GROUP BY prompt_id, lane ORDER BY prompt_id
            """, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PromptFeedback(r.PromptId, r.Lane, (int)r.Sent, (int)r.Useful, (int)r.NotUseful))];
    }
}

internal sealed class CoachingOptions
{
    public const string SectionName = "Coaching";

    /// <summary>How long after a check-in its coaching prompt follows (then moved into the person's working hours).</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan DelayAfterCheckIn { get; set; } = TimeSpan.FromDays(2);

    /// <summary>A prompt is not sent to the same person again within this window.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "7.00:00:00", "365.00:00:00")]
    public TimeSpan NoRepeatWithin { get; set; } = TimeSpan.FromDays(56);
}
