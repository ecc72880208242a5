using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Calibration;

/// <summary>Who was asked about which pairing, and what they answered. One row per person per pairing.</summary>
internal sealed class CalibrationStore(Database database, TimeProvider time)
{
    /// <summary>Records that the person is asked; false when they already were (a rerun or another instance).</summary>
    /// <summary>Records that the person is asked and queues the card that asks them, in one transaction; false when they already were.</summary>
    public Task<bool> AskAsync(string mentorshipId, string personId, string role, Outbox.OutboxEntry card, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(async (connection, transaction) =>
        {
            var asked = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO calibrations (mentorship_id, person_id, role, asked_at_ms) VALUES (@mentorshipId, @personId, @role, @now)
                ON CONFLICT (mentorship_id, person_id) DO NOTHING
                """,
                new { mentorshipId, personId, role, now = now.ToUnixTimeMilliseconds() }, transaction)) == 1;
            if (asked)
            {
                await Outbox.OutboxStore.QueueAsync(connection, transaction, [card], now, CancellationToken.None);
            }

            return asked;
        }, cancellationToken);
    }

    /// <summary>
    /// Saves the answer if the person was asked about this pairing, with what it announces (<paramref name="queue"/>: the
    /// admins' cards about a low score) in the same transaction; returns their role, or null when they were not asked.
    /// </summary>
    public async Task<(string Role, bool First)?> AnswerAsync(string mentorshipId, string personId, int score, string? note, IReadOnlyList<Outbox.OutboxEntry> queue, CancellationToken cancellationToken)
    {
        return await database.WriteAsync<(string Role, bool First)?>(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<(string Role, long? Answered)?>(new CommandDefinition(
                "SELECT role, answered_at_ms FROM calibrations WHERE mentorship_id = @mentorshipId AND person_id = @personId",
                new { mentorshipId, personId }, transaction, cancellationToken: cancellationToken));
            if (row is not { } asked)
            {
                return null;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE calibrations SET score = @score, note = @note, answered_at_ms = @now WHERE mentorship_id = @mentorshipId AND person_id = @personId",
                new { mentorshipId, personId, score, note, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
            await Outbox.OutboxStore.QueueAsync(connection, transaction, queue, time.GetUtcNow(), cancellationToken);
            return (asked.Role, asked.Answered is null);
        }, cancellationToken);
    }

    public async Task<(string Role, int Score, string? Note)?> FindAsync(string mentorshipId, string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Role, long? Score, string? Note)?>(new CommandDefinition(
            "SELECT role, score, note FROM calibrations WHERE mentorship_id = @mentorshipId AND person_id = @personId",
            new { mentorshipId, personId }, cancellationToken: cancellationToken));
        return row is { Score: { } score } r ? (r.Role, (int)score, r.Note) : null;
    }
}
