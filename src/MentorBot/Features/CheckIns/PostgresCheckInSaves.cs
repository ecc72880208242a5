using System.Runtime.ExceptionServices;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// On PostgreSQL, the check-in saves that arrive together go to the store as one transaction of three round trips
/// (the reads for every save, one upsert and status update for every period, the commit) instead of three or four
/// each: a group commit (<see cref="GroupCommit{TItem, TResult}"/>) planned by <see cref="CheckInSavePlan"/>. Each
/// caller gets what saving alone, in arrival order, would have given it. A person's second period in one group, and
/// every save of a group whose transaction fails, are saved alone afterwards, so one bad save never fails the others.
/// </summary>
internal sealed partial class PostgresCheckInSaves
{
    private readonly Database _database;
    private readonly Func<PendingSave, Task<SaveOutcome>> _saveAlone;
    private readonly ILogger _logger;
    private readonly GroupCommit<PendingSave, Result> _groups;

    public PostgresCheckInSaves(Database database, Func<PendingSave, Task<SaveOutcome>> saveAlone, ILogger logger)
    {
        _database = database;
        _saveAlone = saveAlone;
        _logger = logger;
        _groups = new GroupCommit<PendingSave, Result>(SaveGroupAsync);
    }

    public async Task<SaveOutcome> SaveAsync(PendingSave save)
    {
        var result = await _groups.WriteAsync(save);
        result.Error?.Throw();
        return result.Outcome!;
    }

    /// <summary>One save's outcome, or its own failure (thrown to its caller alone, with its stack trace).</summary>
    private readonly record struct Result(SaveOutcome? Outcome, ExceptionDispatchInfo? Error);

    private async Task<IReadOnlyList<Result>> SaveGroupAsync(IReadOnlyList<PendingSave> saves)
    {
        var alone = CheckInSavePlan.SavedAlone(saves);
        var together = saves.Where((_, i) => !alone[i]).ToArray();
        var results = new Result[saves.Count];
        IReadOnlyList<SaveOutcome>? outcomes = null;
        if (together.Length > 1)
        {
            try
            {
                outcomes = await SaveTogetherAsync(together);
            }
            catch (Exception ex)
            {
                Log.GroupFailed(_logger, together.Length, ex);
            }
        }

        for (int i = 0, j = 0; i < saves.Count; i++)
        {
            if (!alone[i] && outcomes is not null)
            {
                results[i] = new Result(outcomes[j++], null);
                continue;
            }

            try
            {
                results[i] = new Result(await _saveAlone(saves[i]), null);
            }
            catch (Exception ex)
            {
                results[i] = new Result(null, ExceptionDispatchInfo.Capture(ex));
            }
        }

        return results;
    }

    private async Task<IReadOnlyList<SaveOutcome>> SaveTogetherAsync(IReadOnlyList<PendingSave> saves)
    {
        // Not cancelled with any one turn: the group carries other turns' saves too.
        var cancellationToken = CancellationToken.None;
        var keys = saves.Select(s => (s.Answer.PeriodId, s.Answer.PersonId)).Distinct().ToArray();
        var periodIds = keys.Select(k => k.PeriodId).Distinct(StringComparer.Ordinal).ToArray();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Dictionary<string, CheckInPeriod> periods;
        Dictionary<string, CheckInAnswer> answers;
        ILookup<(string PeriodId, string PersonId), (string Id, string Status)> series;
        await using (var reads = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT {CheckInStore.PeriodColumns} FROM checkin_periods WHERE id = ANY(@periodIds);
            SELECT {CheckInStore.AnswerColumns} FROM checkin_answers WHERE period_id = ANY(@periodIds);
            SELECT s.period_id, s.person_id, c.id, c.status
            FROM unnest(@keyPeriods::text[], @keyPeople::text[], @keyAdHoc::boolean[]) WITH ORDINALITY AS s(period_id, person_id, adhoc, ord)
            JOIN checkin_periods p ON p.id = s.period_id
            CROSS JOIN LATERAL (
                SELECT c.id, c.status, c.opens_at_ms FROM checkin_periods c
                WHERE c.person_id = s.person_id AND (c.status IN ('answered', 'missed') OR c.id = p.id)
                  AND ((s.adhoc AND c.mentorship_id IS NULL)
                    OR (NOT s.adhoc AND (c.mentorship_id = p.mentorship_id OR (c.mentorship_id IS NULL AND p.mentorship_id IS NULL))))
                ORDER BY c.opens_at_ms DESC LIMIT 201) c
            ORDER BY s.ord, c.opens_at_ms DESC
            """,
            new
            {
                periodIds,
                keyPeriods = keys.Select(k => k.PeriodId).ToArray(),
                keyPeople = keys.Select(k => k.PersonId).ToArray(),
                keyAdHoc = keys.Select(k => CheckInSavePlan.IsAdHoc(k.PeriodId)).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken)))
        {
            periods = (await reads.ReadAsync<CheckInStore.PeriodRow>()).ToDictionary(r => r.Id, r => r.ToPeriod(), StringComparer.Ordinal);
            answers = (await reads.ReadAsync<CheckInStore.AnswerRow>()).ToDictionary(r => r.PeriodId, r => r.ToAnswer(), StringComparer.Ordinal);
            series = (await reads.ReadAsync<(string PeriodId, string PersonId, string Id, string Status)>())
                .ToLookup(r => (r.PeriodId, r.PersonId), r => (r.Id, r.Status));
        }

        var plan = CheckInSavePlan.Decide(saves, periods, answers, (periodId, personId) => [.. series[(periodId, personId)]]);
        var stored = new Dictionary<string, (long Revision, long SubmittedAtMs)>(StringComparer.Ordinal);
        if (plan.Writes.Count > 0)
        {
            var writes = plan.Writes;
            string[] answered = [.. writes.Where(w => w.MarkAnswered).Select(w => w.Answer.PeriodId)];

            // The revision counts up in the statement by the group's saves of the period, and the first submission
            // time stays: another instance saving the same period at once waits for this row and adds its own.
            var rows = await connection.QueryAsync<(string PeriodId, long Revision, long SubmittedAtMs)>(new CommandDefinition(
                """
                INSERT INTO checkin_answers (period_id, person_id, learned, learned_shared, need, need_shared, stuck, stuck_shared,
                    confidence, load, scores_shared, wants_time, submitted_at_ms, updated_at_ms, revision)
                SELECT * FROM unnest(@PeriodIds::text[], @PersonIds::text[], @Learned::text[], @LearnedShared::bigint[], @Need::text[], @NeedShared::bigint[],
                    @Stuck::text[], @StuckShared::bigint[], @Confidence::bigint[], @Load::bigint[], @ScoresShared::bigint[], @WantsTime::bigint[],
                    @SubmittedAt::bigint[], @UpdatedAt::bigint[], @Saves::bigint[])
                ON CONFLICT (period_id) DO UPDATE SET learned = excluded.learned, learned_shared = excluded.learned_shared,
                    need = excluded.need, need_shared = excluded.need_shared, stuck = excluded.stuck, stuck_shared = excluded.stuck_shared,
                    confidence = excluded.confidence, load = excluded.load, scores_shared = excluded.scores_shared, wants_time = excluded.wants_time,
                    updated_at_ms = excluded.updated_at_ms, revision = checkin_answers.revision + excluded.revision
                RETURNING period_id, revision, submitted_at_ms;
                UPDATE checkin_periods SET status = 'answered' WHERE id = ANY(@Answered);
                """,
                new
                {
                    PeriodIds = writes.Select(w => w.Answer.PeriodId).ToArray(),
                    PersonIds = writes.Select(w => w.Answer.PersonId).ToArray(),
                    Learned = writes.Select(w => w.Answer.Learned).ToArray(),
                    LearnedShared = writes.Select(w => Flag(w.Answer.LearnedShared)).ToArray(),
                    Need = writes.Select(w => w.Answer.Need).ToArray(),
                    NeedShared = writes.Select(w => Flag(w.Answer.NeedShared)).ToArray(),
                    Stuck = writes.Select(w => w.Answer.Stuck).ToArray(),
                    StuckShared = writes.Select(w => Flag(w.Answer.StuckShared)).ToArray(),
                    Confidence = writes.Select(w => (long)w.Answer.Confidence).ToArray(),
                    Load = writes.Select(w => (long)w.Answer.Load).ToArray(),
                    ScoresShared = writes.Select(w => Flag(w.Answer.ScoresShared)).ToArray(),
                    WantsTime = writes.Select(w => Flag(w.Answer.WantsTime)).ToArray(),
                    SubmittedAt = writes.Select(w => w.SubmittedAt.ToUnixTimeMilliseconds()).ToArray(),
                    UpdatedAt = writes.Select(w => w.UpdatedAt.ToUnixTimeMilliseconds()).ToArray(),
                    Saves = writes.Select(w => (long)w.Saves).ToArray(),
                    Answered = answered,
                },
                transaction,
                cancellationToken: cancellationToken));
            foreach (var row in rows)
            {
                stored[row.PeriodId] = (row.Revision, row.SubmittedAtMs);
            }
        }

        var outcomes = plan.Complete(stored);
        await Outbox.OutboxStore.QueueAsync(connection, transaction, [.. saves.SelectMany((save, i) => save.Queued(outcomes[i]))], saves[0].Now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    private static long Flag(bool value) => value ? 1 : 0;

    private static partial class Log
    {
        [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "A group of {Count} check-in saves failed together; each is saved alone instead.")]
        public static partial void GroupFailed(ILogger logger, int count, Exception exception);
    }
}
