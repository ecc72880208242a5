using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Circles;

/// <summary>Circle debriefs and their answers.</summary>
internal sealed class CircleStore(Database database, TimeProvider time)
{
    private const string DebriefColumns = "id AS Id, circle_id AS CircleId, opens_at_ms AS OpensAt, closes_at_ms AS ClosesAt";

    /// <summary>Records the debrief; false when it already exists (a rerun, a restart or another instance).</summary>
    /// <summary>
    /// Opens a debrief unless it is open already, and queues its cards (<paramref name="cards"/>, idempotent) in the same
    /// transaction. Returns how many cards were new.
    /// </summary>
    public Task<int> OpenAsync(CircleDebrief debrief, IReadOnlyList<Outbox.OutboxEntry> cards, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO circle_debriefs (id, circle_id, opens_at_ms, closes_at_ms, created_at_ms)
                VALUES (@Id, @CircleId, @OpensAt, @ClosesAt, @Now) ON CONFLICT (id) DO NOTHING
                """,
                new { debrief.Id, debrief.CircleId, OpensAt = debrief.OpensAt.ToUnixTimeMilliseconds(), ClosesAt = debrief.ClosesAt.ToUnixTimeMilliseconds(), Now = now.ToUnixTimeMilliseconds() },
                transaction));
            return await Outbox.OutboxStore.QueueAsync(connection, transaction, cards, now, CancellationToken.None);
        }, cancellationToken);
    }

    public async Task<CircleDebrief?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DebriefRow>(new CommandDefinition(
            $"SELECT {DebriefColumns} FROM circle_debriefs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToDebrief();
    }

    public async Task<CircleDebrief?> LatestAsync(string circleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<DebriefRow>(new CommandDefinition(
            $"SELECT {DebriefColumns} FROM circle_debriefs WHERE circle_id = @circleId ORDER BY opens_at_ms DESC LIMIT 1", new { circleId }, cancellationToken: cancellationToken));
        return row?.ToDebrief();
    }

    /// <summary>Saves or edits the answer while the debrief is open. Null when it has closed.</summary>
    public async Task<(CircleAnswer Answer, bool Changed)?> SaveAsync(CircleDebrief debrief, CircleAnswer answer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!debrief.IsOpenAt(now))
        {
            return null;
        }

        return await database.WriteAsync(async (connection, transaction) =>
        {
            var existing = await ReadAsync(connection, transaction, debrief.Id, answer.PersonId, cancellationToken);
            if (existing is not null && existing.SameContentAs(answer))
            {
                return (existing, false);
            }

            var saved = answer with { Revision = (existing?.Revision ?? 0) + 1 };
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO circle_answers (debrief_id, person_id, learned, need, stuck, shared, submitted_at_ms, updated_at_ms, revision)
                VALUES (@DebriefId, @PersonId, @Learned, @Need, @Stuck, @Shared, @Now, @Now, @Revision)
                ON CONFLICT (debrief_id, person_id) DO UPDATE SET learned = excluded.learned, need = excluded.need, stuck = excluded.stuck,
                    shared = excluded.shared, updated_at_ms = excluded.updated_at_ms, revision = excluded.revision
                """,
                new { saved.DebriefId, saved.PersonId, saved.Learned, saved.Need, saved.Stuck, Shared = saved.Shared ? 1 : 0, Now = now.ToUnixTimeMilliseconds(), saved.Revision },
                transaction,
                cancellationToken: cancellationToken));
            return (saved, true);
        }, cancellationToken);
    }

    public async Task<CircleAnswer?> FindAnswerAsync(string debriefId, string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, debriefId, personId, cancellationToken);
    }

    /// <summary>The answers members chose to share with the circle.</summary>
    public async Task<IReadOnlyList<CircleAnswer>> SharedAsync(string debriefId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            "SELECT debrief_id AS DebriefId, person_id AS PersonId, learned AS Learned, need AS Need, stuck AS Stuck, shared AS Shared, revision AS Revision FROM circle_answers WHERE debrief_id = @debriefId AND shared = 1 ORDER BY submitted_at_ms",
            new { debriefId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAnswer())];
    }

    private static async Task<CircleAnswer?> ReadAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string debriefId, string personId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<AnswerRow>(new CommandDefinition(
            "SELECT debrief_id AS DebriefId, person_id AS PersonId, learned AS Learned, need AS Need, stuck AS Stuck, shared AS Shared, revision AS Revision FROM circle_answers WHERE debrief_id = @debriefId AND person_id = @personId",
            new { debriefId, personId }, transaction, cancellationToken: cancellationToken)))?.ToAnswer();

    private sealed class DebriefRow
    {
        public string Id { get; set; } = string.Empty;

        public string CircleId { get; set; } = string.Empty;

        public long OpensAt { get; set; }

        public long ClosesAt { get; set; }

        public CircleDebrief ToDebrief() => new(Id, CircleId, DateTimeOffset.FromUnixTimeMilliseconds(OpensAt), DateTimeOffset.FromUnixTimeMilliseconds(ClosesAt));
    }

    private sealed class AnswerRow
    {
        public string DebriefId { get; set; } = string.Empty;

        public string PersonId { get; set; } = string.Empty;

        public string? Learned { get; set; }

        public string? Need { get; set; }

        public string? Stuck { get; set; }

        public long Shared { get; set; }

        public long Revision { get; set; }

        public CircleAnswer ToAnswer() => new(DebriefId, PersonId, Learned, Need, Stuck, Shared == 1, (int)Revision);
    }
}
