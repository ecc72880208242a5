using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Reviews;

/// <summary>A person's quarterly review of one pairing.</summary>
internal sealed record QuarterlyReview(string MentorshipId, string Quarter, string PersonId, string Role, int? Progress, string? WentWell, string? FocusNext, bool Shared, bool Answered);

/// <summary>Who was asked for which quarter's review, and what they wrote.</summary>
internal sealed class QuarterlyReviewStore(Database database, TimeProvider time)
{
    private const string Columns = "mentorship_id AS MentorshipId, quarter AS Quarter, person_id AS PersonId, role AS Role, progress AS Progress, went_well AS WentWell, focus_next AS FocusNext, shared AS Shared, answered_at_ms AS AnsweredAt";

    /// <summary>Records that the person is asked; false when they already were.</summary>
    public async Task<bool> AskAsync(string mentorshipId, string quarter, string personId, string role, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO quarterly_reviews (mentorship_id, quarter, person_id, role, shared, asked_at_ms) VALUES (@mentorshipId, @quarter, @personId, @role, 1, @now)
            ON CONFLICT (mentorship_id, quarter, person_id) DO NOTHING
            """,
            new { mentorshipId, quarter, personId, role, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<QuarterlyReview?> FindAsync(string mentorshipId, string quarter, string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM quarterly_reviews WHERE mentorship_id = @mentorshipId AND quarter = @quarter AND person_id = @personId",
            new { mentorshipId, quarter, personId }, cancellationToken: cancellationToken));
        return row?.ToReview();
    }

    /// <summary>Saves the answer of someone who was asked; false when they were not.</summary>
    public async Task<bool> AnswerAsync(QuarterlyReview review, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE quarterly_reviews SET progress = @Progress, went_well = @WentWell, focus_next = @FocusNext, shared = @Shared, answered_at_ms = @Now
            WHERE mentorship_id = @MentorshipId AND quarter = @Quarter AND person_id = @PersonId
            """,
            new { review.Progress, review.WentWell, review.FocusNext, Shared = review.Shared ? 1 : 0, Now = time.GetUtcNow().ToUnixTimeMilliseconds(), review.MentorshipId, review.Quarter, review.PersonId },
            cancellationToken: cancellationToken)) == 1;
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
