using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Reviews;

/// <summary>A person's quarterly review of one pairing.</summary>
internal sealed record QuarterlyReview(string MentorshipId, string Quarter, string PersonId, string Role, int? Progress, string? WentWell, string? FocusNext, bool Shared, bool Answered);

/// <summary>Who was asked for which quarter's review, and what they wrote.</summary>
internal sealed class QuarterlyReviewStore(Database database, TimeProvider time)
{
    private const string Columns = "mentorship_id AS MentorshipId, quarter AS Quarter, person_id AS PersonId, role AS Role, progress AS Progress, went_well AS WentWell, focus_next AS FocusNext, shared AS Shared, answered_at_ms AS AnsweredAt";

    /// <summary>Records that the person is asked, and queues the card that asks them in the same transaction; false when they already were.</summary>
    public Task<bool> AskAsync(string mentorshipId, string quarter, string personId, string role, Outbox.OutboxEntry card, CancellationToken cancellationToken) =>
        ChangeAndQueueAsync(
            """
            INSERT INTO quarterly_reviews (mentorship_id, quarter, person_id, role, shared, asked_at_ms) VALUES (@mentorshipId, @quarter, @personId, @role, 1, @now)
            ON CONFLICT (mentorship_id, quarter, person_id) DO NOTHING
            """,
            new { mentorshipId, quarter, personId, role, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, [card], cancellationToken);

    public async Task<QuarterlyReview?> FindAsync(string mentorshipId, string quarter, string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM quarterly_reviews WHERE mentorship_id = @mentorshipId AND quarter = @quarter AND person_id = @personId",
            new { mentorshipId, quarter, personId }, cancellationToken: cancellationToken));
        return row?.ToReview();
    }

    /// <summary>
    /// Saves the answer of someone who was asked, and queues what it announces (the shared review for the other person)
    /// in the same transaction; false when they were not asked.
    /// </summary>
    public Task<bool> AnswerAsync(QuarterlyReview review, IReadOnlyList<Outbox.OutboxEntry> queue, CancellationToken cancellationToken) =>
        ChangeAndQueueAsync(
            """
            UPDATE quarterly_reviews SET progress = @Progress, went_well = @WentWell, focus_next = @FocusNext, shared = @Shared, answered_at_ms = @Now
            WHERE mentorship_id = @MentorshipId AND quarter = @Quarter AND person_id = @PersonId
            """,
            new { review.Progress, review.WentWell, review.FocusNext, Shared = review.Shared ? 1 : 0, Now = time.GetUtcNow().ToUnixTimeMilliseconds(), review.MentorshipId, review.Quarter, review.PersonId },
            queue,
            cancellationToken);

    private Task<bool> ChangeAndQueueAsync(string sql, object parameters, IReadOnlyList<Outbox.OutboxEntry> queue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(async (connection, transaction) =>
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction)) == 1;
            if (changed)
            {
                await Outbox.OutboxStore.QueueAsync(connection, transaction, queue, now, CancellationToken.None);
            }

            return changed;
        }, cancellationToken);
    }

    private sealed class Row
    {
        public string MentorshipId { get; set; } = string.Empty;

        public string Quarter { get; set; } = string.Empty;

        public string PersonId { get; set; } = string.Empty;

        public string Role { get; set; } = string.Empty;

        public long? Progress { get; set; }

        public string? WentWell { get; set; }

        public string? FocusNext { get; set; }

        public long Shared { get; set; }

        public long? AnsweredAt { get; set; }

        public QuarterlyReview ToReview() => new(MentorshipId, Quarter, PersonId, Role, (int?)Progress, WentWell, FocusNext, Shared == 1, AnsweredAt is not null);
    }
}
