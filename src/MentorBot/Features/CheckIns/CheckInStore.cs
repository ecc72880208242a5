using System.Data.Common;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// Check-in periods and answers. Saving is one transaction that checks the period is the caller's and still open,
/// so a double click, a Teams retry or an old card can never create a second record.
/// </summary>
internal sealed class CheckInStore
{
    internal const string PeriodColumns =
        "id AS Id, person_id AS PersonId, mentorship_id AS MentorshipId, mentor_id AS MentorId, opens_at_ms AS OpensAtMs, closes_at_ms AS ClosesAtMs, status AS Status";

    internal const string AnswerColumns =
        "period_id AS PeriodId, person_id AS PersonId, learned AS Learned, learned_shared AS LearnedShared, need AS Need, need_shared AS NeedShared, " +
        "stuck AS Stuck, stuck_shared AS StuckShared, confidence AS Confidence, load AS Load, scores_shared AS ScoresShared, wants_time AS WantsTime, " +
        "submitted_at_ms AS SubmittedAtMs, revision AS Revision";

    private readonly Database _database;
    private readonly TimeProvider _time;
    private readonly PostgresCheckInSaves? _postgresSaves;

    public CheckInStore(Database database, TimeProvider time, ILogger<CheckInStore> logger)
    {
        _database = database;
        _time = time;
        if (database.Provider == StorageProvider.Postgres)
        {
            _postgresSaves = new PostgresCheckInSaves(database, save => SaveAloneAsync(save, CancellationToken.None), logger);
        }
    }

    public async Task<CheckInPeriod?> FindPeriodAsync(string periodId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PeriodRow>(new CommandDefinition(
            $"SELECT {PeriodColumns} FROM checkin_periods WHERE id = @periodId", new { periodId }, cancellationToken: cancellationToken));
        return row?.ToPeriod();
    }

    /// <summary>Several periods at once, and which of them have an answer: an outbox batch renders its prompts with these.</summary>
    public async Task<(IReadOnlyDictionary<string, CheckInPeriod> Periods, IReadOnlySet<string> Answered)> FindPeriodsAsync(string[] periodIds, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var periods = (await connection.QueryAsync<PeriodRow>(new CommandDefinition(
            $"SELECT {PeriodColumns} FROM checkin_periods WHERE {_database.AnyOf("id", "ids")}", new { ids = periodIds }, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Id, r => r.ToPeriod(), StringComparer.Ordinal);
        var answered = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT period_id FROM checkin_answers WHERE {_database.AnyOf("period_id", "ids")}", new { ids = periodIds }, cancellationToken: cancellationToken));
        return (periods, answered.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Which of these period ids are stored already, read a few hundred at a time.</summary>
    public async Task<IReadOnlySet<string>> KnownPeriodIdsAsync(IReadOnlyList<string> periodIds, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (periodIds.Count == 0)
        {
            return known;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        foreach (var chunk in periodIds.Chunk(500))
        {
            known.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT id FROM checkin_periods WHERE {_database.AnyOf("id", "ids")}", new { ids = chunk }, cancellationToken: cancellationToken)));
        }

        return known;
    }

    /// <summary>The person's open period, or a new ad-hoc one: typing <c>check in</c> twice gives the same card.</summary>
    /// <summary>
    /// The person's open (or answered, still open) period, or a new ad-hoc one. What <paramref name="queue"/> names for
    /// it is queued in the same transaction (idempotently, so a rerun finds it queued already).
    /// </summary>
    public async Task<CheckInPeriod> OpenAdHocAsync(string personId, string? mentorshipId, string? mentorId, TimeSpan window, CancellationToken cancellationToken) =>
        (await OpenAdHocAsync(personId, mentorshipId, mentorId, window, null, cancellationToken)).Period;

    /// <summary>As <see cref="OpenAdHocAsync(string, string?, string?, TimeSpan, CancellationToken)"/>, and how many of the queued items were new.</summary>
    public async Task<(CheckInPeriod Period, int Queued)> OpenAdHocAsync(string personId, string? mentorshipId, string? mentorId, TimeSpan window,
        Func<CheckInPeriod, IEnumerable<Outbox.OutboxEntry>>? queue, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return await _database.WriteAsync(async (connection, transaction) =>
        {
            var open = await connection.QueryFirstOrDefaultAsync<PeriodRow>(new CommandDefinition(
                $"SELECT {PeriodColumns} FROM checkin_periods WHERE person_id = @personId AND status IN ('open', 'answered') AND closes_at_ms > @now ORDER BY opens_at_ms DESC",
                new { personId, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
            var period = open?.ToPeriod() ?? new CheckInPeriod($"adhoc:{personId}:{now.ToUnixTimeMilliseconds()}", personId, mentorshipId, mentorId, now, now + window, PeriodStatus.Open);
            if (open is null)
            {
                await InsertPeriodAsync(connection, transaction, period, cancellationToken);
            }

            var queued = await Outbox.OutboxStore.QueueAsync(connection, transaction, queue?.Invoke(period) ?? [], now, cancellationToken);
            return (period, queued);
        }, cancellationToken);
    }

    /// <summary>
    /// Opens a scheduled period unless it exists (its id is the pairing and the occurrence's date, so a second
    /// instance or a rerun cannot open it twice) and closes the pairing's earlier unanswered periods as missed.
    /// True when this call opened it; then <paramref name="onOpened"/> has run in the same transaction (the scheduler
    /// queues the prompt there, so a period is never open without its prompt).
    /// </summary>
    public async Task<bool> OpenScheduledAsync(CheckInPeriod period, CancellationToken cancellationToken, Func<DbConnection, DbTransaction, Task>? onOpened = null) =>
        await OpenScheduledAsync([period], cancellationToken, onOpened is null ? null : (connection, transaction, _) => onOpened(connection, transaction)) == 1;

    /// <summary>
    /// Opens <paramref name="periods"/> in one transaction (each once, whoever races it, the previous open one of its
    /// pairing closed as missed) and hands the ones this call opened to <paramref name="onOpened"/> inside it; returns
    /// how many it opened. A failure rolls back the whole batch.
    /// </summary>
    public async Task<int> OpenScheduledAsync(IReadOnlyList<CheckInPeriod> periods, CancellationToken cancellationToken, Func<DbConnection, DbTransaction, IReadOnlyList<CheckInPeriod>, Task>? onOpened = null)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return await _database.WriteAsync(async (connection, transaction) =>
        {
            var opened = new List<CheckInPeriod>();
            foreach (var period in periods)
            {
                var inserted = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO checkin_periods (id, person_id, mentorship_id, mentor_id, opens_at_ms, closes_at_ms, status, created_at_ms)
                    VALUES (@Id, @PersonId, @MentorshipId, @MentorId, @OpensAt, @ClosesAt, 'open', @Now)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    new { period.Id, period.PersonId, period.MentorshipId, period.MentorId, OpensAt = period.OpensAt.ToUnixTimeMilliseconds(), ClosesAt = period.ClosesAt.ToUnixTimeMilliseconds(), Now = now },
                    transaction,
                    cancellationToken: cancellationToken));
                if (inserted == 1)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE checkin_periods SET status = 'missed' WHERE mentorship_id = @MentorshipId AND status = 'open' AND opens_at_ms < @OpensAt",
                        new { period.MentorshipId, OpensAt = period.OpensAt.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
                    opened.Add(period);
                }
            }

            if (opened.Count > 0 && onOpened is not null)
            {
                await onOpened(connection, transaction, opened);
            }

            return opened.Count;
        }, cancellationToken);
    }

    /// <summary>Skips an open, unanswered period of the person's; false when it was answered, closed or not theirs.</summary>
    public async Task<bool> SkipAsync(string periodId, string personId, CancellationToken cancellationToken)
    {
        return await _database.ExecuteAsync(
            "UPDATE checkin_periods SET status = 'skipped' WHERE id = @periodId AND person_id = @personId AND status = 'open' AND closes_at_ms > @now",
            new { periodId, personId, now = _time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken) == 1;
    }

    public async Task PauseAsync(string personId, DateOnly until, CancellationToken cancellationToken)
    {
        await _database.ExecuteAsync(
            """
            INSERT INTO checkin_pauses (person_id, until_date, created_at_ms) VALUES (@personId, @until, @now)
            ON CONFLICT (person_id) DO UPDATE SET until_date = excluded.until_date, created_at_ms = excluded.created_at_ms
            """,
            new { personId, until = Map.MapValues.DateText(until), now = _time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken);
    }

    public async Task<bool> ResumeAsync(string personId, CancellationToken cancellationToken)
    {
        return await _database.ExecuteAsync("DELETE FROM checkin_pauses WHERE person_id = @personId", new { personId }, cancellationToken) == 1;
    }

    /// <summary>Everyone's own pauses, as person id → the date check-ins resume.</summary>
    public async Task<IReadOnlyDictionary<string, DateOnly>> PausesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string PersonId, string Until)>(new CommandDefinition("SELECT person_id, until_date FROM checkin_pauses", cancellationToken: cancellationToken));
        return rows.Where(r => Map.MapValues.TryDate(r.Until, out _)).ToDictionary(r => r.PersonId, r => { Map.MapValues.TryDate(r.Until, out var d); return d; }, StringComparer.Ordinal);
    }

    /// <summary>Open, unanswered scheduled periods that have had no reminder yet.</summary>
    public async Task<IReadOnlyList<CheckInPeriod>> AwaitingReminderAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PeriodRow>(new CommandDefinition(
            $"SELECT {PeriodColumns} FROM checkin_periods WHERE status = 'open' AND mentorship_id IS NOT NULL AND reminder_sent_at_ms IS NULL AND closes_at_ms > @now",
            new { now = _time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToPeriod())];
    }

    /// <summary>Claims a period's one reminder and queues it in the same transaction; false when it was already claimed (a rerun or another instance).</summary>
    public Task<bool> ClaimReminderAsync(string periodId, Outbox.OutboxEntry reminder, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var claimed = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE checkin_periods SET reminder_sent_at_ms = @now WHERE id = @periodId AND reminder_sent_at_ms IS NULL AND status = 'open'",
                new { periodId, now = now.ToUnixTimeMilliseconds() }, transaction)) == 1;
            if (claimed)
            {
                await Outbox.OutboxStore.QueueAsync(connection, transaction, [reminder], now, CancellationToken.None);
            }

            return claimed;
        }, cancellationToken);
    }

    /// <summary>
    /// Saves an answer in one transaction that checks the period is the person's and still open, queues what the save
    /// announces (<paramref name="followUps"/>, for a save that changed something) in the same transaction, and counts the streak
    /// the summary shows: answered check-ins in a row with one pairing (or ad hoc ones, without), newest first; a
    /// skipped one does not break it, a missed one does. The transaction's reads (the period, the answer so far, and
    /// the person's recent periods of the same series) go to the store in one round trip, so on PostgreSQL an edit
    /// costs three (these reads, the write, the commit) and a first answer four (it also marks the period answered).
    /// Saves that arrive together share one transaction: on SQLite each in a savepoint (<see cref="Database.WriteAsync{T}"/>),
    /// on PostgreSQL as array statements for the whole group (<see cref="PostgresCheckInSaves"/>).
    /// </summary>
    public Task<SaveOutcome> SaveAnswerAsync(CheckInAnswer answer, CancellationToken cancellationToken, Func<SaveOutcome.Saved, IEnumerable<Outbox.OutboxEntry>>? followUps = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var save = new PendingSave(answer, _time.GetUtcNow(), followUps);
        return _postgresSaves is not null ? _postgresSaves.SaveAsync(save) : SaveAloneAsync(save, cancellationToken);
    }

    /// <summary>One save in a write transaction of its own (on SQLite, in a savepoint of a shared one).</summary>
    private Task<SaveOutcome> SaveAloneAsync(PendingSave save, CancellationToken cancellationToken) =>
        _database.WriteAsync((connection, transaction) => SaveAnswerAsync(connection, transaction, save), cancellationToken);

    /// <summary>
    /// The saving transaction's work; <see cref="Database.WriteAsync{T}"/> commits it. What the save gets is decided by
    /// <see cref="CheckInSavePlan"/>, as for the saves PostgreSQL groups.
    /// </summary>
    private static async Task<SaveOutcome> SaveAnswerAsync(DbConnection connection, DbTransaction transaction, PendingSave save)
    {
        // Not cancelled with the turn: on SQLite this work shares a transaction with other turns' writes.
        var cancellationToken = CancellationToken.None;
        var answer = save.Answer;
        PeriodRow? period;
        AnswerRow? existing;
        List<(string Id, string Status)> series;
        await using (var reads = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT {PeriodColumns} FROM checkin_periods WHERE id = @PeriodId;
            SELECT {AnswerColumns} FROM checkin_answers WHERE period_id = @PeriodId;
            SELECT c.id, c.status FROM checkin_periods c JOIN checkin_periods p ON p.id = @PeriodId
            WHERE c.person_id = @PersonId AND (c.status IN ('answered', 'missed') OR c.id = p.id)
              AND ((@Adhoc = 1 AND c.mentorship_id IS NULL)
                OR (@Adhoc = 0 AND (c.mentorship_id = p.mentorship_id OR (c.mentorship_id IS NULL AND p.mentorship_id IS NULL))))
            ORDER BY c.opens_at_ms DESC LIMIT 201
            """,
            new { answer.PeriodId, answer.PersonId, Adhoc = CheckInSavePlan.IsAdHoc(answer.PeriodId) ? 1 : 0 }, transaction, cancellationToken: cancellationToken)))
        {
            period = await reads.ReadSingleOrDefaultAsync<PeriodRow>();
            existing = await reads.ReadSingleOrDefaultAsync<AnswerRow>();
            series = [.. await reads.ReadAsync<(string Id, string Status)>()];
        }

        var plan = CheckInSavePlan.Decide(
            [save],
            period is null ? new Dictionary<string, CheckInPeriod>() : new Dictionary<string, CheckInPeriod> { [period.Id] = period.ToPeriod() },
            existing is null ? new Dictionary<string, CheckInAnswer>() : new Dictionary<string, CheckInAnswer> { [existing.PeriodId] = existing.ToAnswer() },
            (_, _) => series);
        var stored = new Dictionary<string, (long Revision, long SubmittedAtMs)>(StringComparer.Ordinal);
        foreach (var write in plan.Writes)
        {
            // The revision counts up in the statement itself, and the first submission time stays: two saves of one
            // period at once (on PostgreSQL, or by two instances) each get a revision of their own, and none is lost.
            var saved = write.Answer;
            stored[saved.PeriodId] = await connection.QuerySingleAsync<(long Revision, long SubmittedAtMs)>(new CommandDefinition(
                """
                INSERT INTO checkin_answers (period_id, person_id, learned, learned_shared, need, need_shared, stuck, stuck_shared,
                    confidence, load, scores_shared, wants_time, submitted_at_ms, updated_at_ms, revision)
                VALUES (@PeriodId, @PersonId, @Learned, @LearnedShared, @Need, @NeedShared, @Stuck, @StuckShared,
                    @Confidence, @Load, @ScoresShared, @WantsTime, @SubmittedAt, @UpdatedAt, @Saves)
                ON CONFLICT (period_id) DO UPDATE SET learned = excluded.learned, learned_shared = excluded.learned_shared,
                    need = excluded.need, need_shared = excluded.need_shared, stuck = excluded.stuck, stuck_shared = excluded.stuck_shared,
                    confidence = excluded.confidence, load = excluded.load, scores_shared = excluded.scores_shared, wants_time = excluded.wants_time,
                    updated_at_ms = excluded.updated_at_ms, revision = checkin_answers.revision + excluded.revision
                RETURNING revision, submitted_at_ms
                """,
                new
                {
                    saved.PeriodId, saved.PersonId, saved.Learned, LearnedShared = Flag(saved.LearnedShared), saved.Need, NeedShared = Flag(saved.NeedShared),
                    saved.Stuck, StuckShared = Flag(saved.StuckShared), saved.Confidence, saved.Load,
                    ScoresShared = Flag(saved.ScoresShared), WantsTime = Flag(saved.WantsTime),
                    SubmittedAt = write.SubmittedAt.ToUnixTimeMilliseconds(), UpdatedAt = write.UpdatedAt.ToUnixTimeMilliseconds(), write.Saves,
                },
                transaction,
                cancellationToken: cancellationToken));
            if (write.MarkAnswered)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE checkin_periods SET status = 'answered' WHERE id = @PeriodId", new { saved.PeriodId }, transaction, cancellationToken: cancellationToken));
            }
        }

        var outcome = plan.Complete(stored)[0];
        await Outbox.OutboxStore.QueueAsync(connection, transaction, save.Queued(outcome), save.Now, cancellationToken);
        return outcome;
    }

    public async Task<CheckInAnswer?> FindAnswerAsync(string periodId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await ReadAnswerAsync(connection, null, periodId, cancellationToken);
    }

    /// <summary>The person's latest answers, newest first.</summary>
    public async Task<IReadOnlyList<CheckInAnswer>> LatestAsync(string personId, int count, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            $"SELECT {AnswerColumns} FROM checkin_answers WHERE person_id = @personId ORDER BY submitted_at_ms DESC LIMIT {count}",
            new { personId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAnswer())];
    }

    /// <summary>
    /// The mentee's latest answers to check-ins addressed to <paramref name="mentorId"/>, newest first. Callers show
    /// only <see cref="CheckInAnswer.SharedView"/>: this is the list a mentor's cards came from.
    /// </summary>
    public async Task<IReadOnlyList<CheckInAnswer>> LatestForMentorAsync(string menteeId, string mentorId, int count, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            $"""
            SELECT {AnswerColumns} FROM checkin_answers
            WHERE person_id = @menteeId AND period_id IN (SELECT id FROM checkin_periods WHERE person_id = @menteeId AND mentor_id = @mentorId)
            ORDER BY submitted_at_ms DESC LIMIT {count}
            """,
            new { menteeId, mentorId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAnswer())];
    }

    private static async Task<CheckInAnswer?> ReadAnswerAsync(DbConnection connection, DbTransaction? transaction, string periodId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<AnswerRow>(new CommandDefinition(
            $"SELECT {AnswerColumns} FROM checkin_answers WHERE period_id = @periodId", new { periodId }, transaction, cancellationToken: cancellationToken)))?.ToAnswer();

    private static Task InsertPeriodAsync(DbConnection connection, DbTransaction transaction, CheckInPeriod period, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO checkin_periods (id, person_id, mentorship_id, mentor_id, opens_at_ms, closes_at_ms, status, created_at_ms)
            VALUES (@Id, @PersonId, @MentorshipId, @MentorId, @OpensAt, @ClosesAt, @Status, @OpensAt)
            ON CONFLICT (id) DO NOTHING
            """,
            new { period.Id, period.PersonId, period.MentorshipId, period.MentorId, OpensAt = period.OpensAt.ToUnixTimeMilliseconds(), ClosesAt = period.ClosesAt.ToUnixTimeMilliseconds(), period.Status },
            transaction,
            cancellationToken: cancellationToken));

    private static int Flag(bool value) => value ? 1 : 0;

    internal sealed class PeriodRow
    {
        public string Id { get; set; } = string.Empty;
        public string PersonId { get; set; } = string.Empty;
        public string? MentorshipId { get; set; }
        public string? MentorId { get; set; }
        public long OpensAtMs { get; set; }
        public long ClosesAtMs { get; set; }
        public string Status { get; set; } = PeriodStatus.Open;

        public CheckInPeriod ToPeriod() => new(Id, PersonId, MentorshipId, MentorId, DateTimeOffset.FromUnixTimeMilliseconds(OpensAtMs), DateTimeOffset.FromUnixTimeMilliseconds(ClosesAtMs), Status);
    }

    internal sealed class AnswerRow
    {
        public string PeriodId { get; set; } = string.Empty;
        public string PersonId { get; set; } = string.Empty;
        public string? Learned { get; set; }
        public long LearnedShared { get; set; }
        public string? Need { get; set; }
        public long NeedShared { get; set; }
        public string? Stuck { get; set; }
        public long StuckShared { get; set; }
        public long Confidence { get; set; }
        public long Load { get; set; }
        public long ScoresShared { get; set; }
        public long WantsTime { get; set; }
        public long SubmittedAtMs { get; set; }
        public long Revision { get; set; }

        public CheckInAnswer ToAnswer() => new(
            PeriodId, PersonId, Learned, LearnedShared != 0, Need, NeedShared != 0, Stuck, StuckShared != 0, (int)Confidence, (int)Load,
            ScoresShared != 0, WantsTime != 0, DateTimeOffset.FromUnixTimeMilliseconds(SubmittedAtMs), (int)Revision);
    }
}
