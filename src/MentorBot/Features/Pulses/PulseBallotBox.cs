using System.Security.Cryptography;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Pulses;

/// <summary>
/// The only code that touches pulse answers. Its rules are what make them anonymous:
/// <list type="bullet">
/// <item>No answer is stored as a row of its own: a scale or choice answer adds one to a counter that was created at
/// zero for every possible value when the run opened.</item>
/// <item>Every answer updates every counter of its run (adding 0 or 1), so no counter shows which answer touched it
/// last (on PostgreSQL every counter then carries the same xmin).</item>
/// <item>Comments have random ids and no time. Every answer deletes its run's comments and inserts them again, with
/// the new ones, in a random order under fresh random ids: row order, SQLite's rowid and PostgreSQL's xmin and ctid
/// tell nothing about which answer added which comment.</item>
/// <item>Who answered is a separate table (run, person) with no time, written in the same transaction, so a flag
/// without its counts (or counts without the flag) can never be stored. No statement reads it together with the
/// answers.</item>
/// <item>Answers on one run are serialised by a no-op update of the run row, which also refuses a closed run.</item>
/// </list>
/// What stays outside these guarantees: someone watching the database live (or its WAL and dead row versions before
/// a vacuum or checkpoint) between two answers sees what changed. That is the database administrator's trust boundary.
/// </summary>
internal sealed class PulseBallotBox(Database database, TimeProvider time)
{
    /// <summary>The tables that hold answers and nothing else: no person, no time, no order (the privacy catalog lists them as not personal).</summary>
    public static readonly IReadOnlyList<string> AnswerTables = ["pulse_answer_counts", "pulse_comments"];

    /// <summary>Counts one person's answers, once. The person's id reaches only the <c>pulse_responded</c> table.</summary>
    public async Task<BallotOutcome> CastAsync(string runId, string personId, PulseBallot ballot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var open = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE pulse_runs SET seq = seq WHERE id = @runId AND opens_at_ms <= @now AND closes_at_ms > @now",
                new { runId, now }, transaction, cancellationToken: cancellationToken));
            if (open != 1)
            {
                return BallotOutcome.Closed;
            }

            var first = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO pulse_responded (run_id, person_id) VALUES (@runId, @personId) ON CONFLICT DO NOTHING",
                new { runId, personId }, transaction, cancellationToken: cancellationToken));
            if (first != 1)
            {
                return BallotOutcome.AlreadyAnswered;
            }

            var picked = ballot.Values.Select(v => v.Key + "=" + v.Value).ToArray();
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE pulse_answer_counts SET responses = responses + (CASE WHEN {database.AnyOf("(question_id || '=' || value)", "picked")} THEN 1 ELSE 0 END) WHERE run_id = @runId",
                new { runId, picked }, transaction, cancellationToken: cancellationToken));

            var comments = (await connection.QueryAsync<(string QuestionId, string Body)>(new CommandDefinition(
                "SELECT question_id, body FROM pulse_comments WHERE run_id = @runId", new { runId }, transaction, cancellationToken: cancellationToken))).ToList();
            comments.AddRange(ballot.Comments.Select(c => (c.Key, c.Value)));
            var shuffled = comments.ToArray();
            RandomNumberGenerator.Shuffle(shuffled.AsSpan());
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM pulse_comments WHERE run_id = @runId", new { runId }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO pulse_comments (id, run_id, question_id, body) VALUES (@Id, @RunId, @QuestionId, @Body)",
                shuffled.Select(c => new { Id = RandomId(), RunId = runId, c.QuestionId, c.Body }), transaction, cancellationToken: cancellationToken));

            return BallotOutcome.Counted;
        }, cancellationToken);
    }

    /// <summary>How many people answered the run: a count, never who.</summary>
    public async Task<int> RespondedCountAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM pulse_responded WHERE run_id = @runId", new { runId }, cancellationToken: cancellationToken));
    }

    /// <summary>Whether this person answered the run already (to refuse a second answer and skip their reminder).</summary>
    public async Task<bool> HasRespondedAsync(string runId, string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM pulse_responded WHERE run_id = @runId AND person_id = @personId", new { runId, personId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Who answered the run, only to leave them out of its one reminder.</summary>
    public async Task<IReadOnlySet<string>> RespondedAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT person_id FROM pulse_responded WHERE run_id = @runId", new { runId }, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The run's counters: how many answered each value of each question.</summary>
    public async Task<IReadOnlyDictionary<(string QuestionId, string Value), int>> CountsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string QuestionId, string Value, long Responses)>(new CommandDefinition(
            "SELECT question_id, value, responses FROM pulse_answer_counts WHERE run_id = @runId", new { runId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (r.QuestionId, r.Value), r => (int)r.Responses);
    }

    /// <summary>The run's comments, in the order of their random ids (which is no order at all).</summary>
    public async Task<IReadOnlyList<(string QuestionId, string Body)>> CommentsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<(string QuestionId, string Body)>(new CommandDefinition(
            "SELECT question_id, body FROM pulse_comments WHERE run_id = @runId ORDER BY id", new { runId }, cancellationToken: cancellationToken))];
    }

    private static string RandomId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
