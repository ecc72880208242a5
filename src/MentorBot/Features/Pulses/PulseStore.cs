using System.Text.Json;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Pulses;

/// <summary>Pulse definitions and their runs. The answers themselves live in <see cref="PulseBallotBox"/>, which nothing here reads.</summary>
internal sealed class PulseStore(Database database, TimeProvider time)
{
    private const string PulseColumns =
        "id AS Id, title AS Title, intro AS Intro, questions_json AS QuestionsJson, audience_kind AS AudienceKind, audience_id AS AudienceId, schedule AS Schedule, starts_at_ms AS StartsAt, source AS Source, created_by AS CreatedBy";

    private const string RunColumns =
        "id AS Id, pulse_id AS PulseId, seq AS Seq, questions_json AS QuestionsJson, opens_at_ms AS OpensAt, closes_at_ms AS ClosesAt, invited AS Invited, invited_at_ms AS InvitedAt, reminded_at_ms AS RemindedAt, results_sent_at_ms AS ResultsSentAt";

    /// <summary>Adds or updates a content pulse. Its start stays as first recorded unless the file names one.</summary>
    public async Task UpsertLibraryAsync(Pulse pulse, bool startFromFile, CancellationToken cancellationToken)
    {
        await database.ExecuteAsync(
            $"""
            INSERT INTO pulses (id, title, intro, questions_json, audience_kind, audience_id, schedule, starts_at_ms, source, created_by, created_at_ms, active)
            VALUES (@Id, @Title, @Intro, @Questions, @AudienceKind, @AudienceId, @Schedule, @StartsAt, @Source, @CreatedBy, @now, 1)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, intro = excluded.intro, questions_json = excluded.questions_json,
                audience_kind = excluded.audience_kind, audience_id = excluded.audience_id, schedule = excluded.schedule, active = 1
                {(startFromFile ? ", starts_at_ms = excluded.starts_at_ms" : string.Empty)}
            WHERE pulses.source = 'library'
            """,
            Parameters(pulse),
            cancellationToken);
    }

    /// <summary>Stops every content pulse from opening new runs (runs already open finish as usual).</summary>
    public async Task DeactivateLibraryAsync(CancellationToken cancellationToken)
    {
        await database.ExecuteAsync("UPDATE pulses SET active = 0 WHERE source = 'library'", null, cancellationToken);
    }

    /// <summary>Stores a pulse an admin created. False when the id is taken (a double click: it exists already).</summary>
    public async Task<bool> CreateAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        return await database.ExecuteAsync(
            """
            INSERT INTO pulses (id, title, intro, questions_json, audience_kind, audience_id, schedule, starts_at_ms, source, created_by, created_at_ms, active)
            VALUES (@Id, @Title, @Intro, @Questions, @AudienceKind, @AudienceId, @Schedule, @StartsAt, @Source, @CreatedBy, @now, 1)
            ON CONFLICT (id) DO NOTHING
            """,
            Parameters(pulse),
            cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<Pulse>> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PulseRow>(new CommandDefinition(
            $"SELECT {PulseColumns} FROM pulses WHERE active = 1 ORDER BY id", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToPulse())];
    }

    public async Task<Pulse?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PulseRow>(new CommandDefinition(
            $"SELECT {PulseColumns} FROM pulses WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToPulse();
    }

    /// <summary>
    /// Opens a run, with a zero counter for every value each question can take, in one transaction. False when it was
    /// open already (a rerun or a second instance).
    /// </summary>
    public async Task<bool> OpenRunAsync(PulseRun run, CancellationToken cancellationToken)
    {
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var opened = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO pulse_runs (id, pulse_id, seq, questions_json, opens_at_ms, closes_at_ms, invited)
                VALUES (@Id, @PulseId, @Seq, @Questions, @OpensAt, @ClosesAt, @Invited)
                ON CONFLICT DO NOTHING
                """,
                new { run.Id, run.PulseId, run.Seq, Questions = JsonSerializer.Serialize(run.Questions), OpensAt = run.OpensAt.ToUnixTimeMilliseconds(), ClosesAt = run.ClosesAt.ToUnixTimeMilliseconds(), run.Invited },
                transaction, cancellationToken: cancellationToken)) == 1;
            if (opened)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO pulse_answer_counts (run_id, question_id, value, responses) VALUES (@RunId, @QuestionId, @Value, 0)",
                    run.Questions.SelectMany(q => q.Values.Select(v => new { RunId = run.Id, QuestionId = q.Id, Value = v })),
                    transaction, cancellationToken: cancellationToken));
            }

            return opened;
        }, cancellationToken);
    }

    public async Task<PulseRun?> FindRunAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(
            $"SELECT {RunColumns} FROM pulse_runs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToRun();
    }

    /// <summary>A pulse's runs, newest first.</summary>
    public async Task<IReadOnlyList<PulseRun>> RunsAsync(string pulseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(
            $"SELECT {RunColumns} FROM pulse_runs WHERE pulse_id = @pulseId ORDER BY seq DESC", new { pulseId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRun())];
    }

    /// <summary>Runs whose results have not gone to the admins yet: every open run, and any that closed since the last tick.</summary>
    public async Task<IReadOnlyList<PulseRun>> UnreportedRunsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(
            $"SELECT {RunColumns} FROM pulse_runs WHERE results_sent_at_ms IS NULL ORDER BY opens_at_ms, id", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRun())];
    }

    /// <summary>Marks the run's invitations sent and queues them (<paramref name="cards"/>) in the same transaction.</summary>
    public Task MarkInvitedAsync(string runId, IReadOnlyList<Outbox.OutboxEntry> cards, CancellationToken cancellationToken) =>
        MarkAsync(runId, "invited_at_ms", cards, cancellationToken);

    public Task MarkRemindedAsync(string runId, IReadOnlyList<Outbox.OutboxEntry> cards, CancellationToken cancellationToken) =>
        MarkAsync(runId, "reminded_at_ms", cards, cancellationToken);

    public Task MarkResultsSentAsync(string runId, IReadOnlyList<Outbox.OutboxEntry> cards, CancellationToken cancellationToken) =>
        MarkAsync(runId, "results_sent_at_ms", cards, cancellationToken);

    /// <summary>A step of the run happened once: its mark and its cards commit together (a step marked already queues nothing again).</summary>
    private Task MarkAsync(string runId, string column, IReadOnlyList<Outbox.OutboxEntry> cards, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE pulse_runs SET {column} = @now WHERE id = @runId AND {column} IS NULL",
                new { runId, now = now.ToUnixTimeMilliseconds() }, transaction)) == 1)
            {
                await Outbox.OutboxStore.QueueAsync(connection, transaction, cards, now, CancellationToken.None);
            }

            return true;
        }, cancellationToken);
    }

    private object Parameters(Pulse pulse) => new
    {
        pulse.Id,
        pulse.Title,
        pulse.Intro,
        Questions = JsonSerializer.Serialize(pulse.Questions),
        AudienceKind = pulse.Audience.Kind,
        AudienceId = pulse.Audience.Id,
        pulse.Schedule,
        StartsAt = pulse.StartsAt.ToUnixTimeMilliseconds(),
        pulse.Source,
        pulse.CreatedBy,
        now = time.GetUtcNow().ToUnixTimeMilliseconds(),
    };

    private static IReadOnlyList<PulseQuestion> Questions(string json) => JsonSerializer.Deserialize<List<PulseQuestion>>(json) ?? [];

    private sealed class PulseRow
    {
        public string Id { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;

        public string? Intro { get; set; }

        public string QuestionsJson { get; set; } = "[]";

        public string AudienceKind { get; set; } = string.Empty;

        public string? AudienceId { get; set; }

        public string Schedule { get; set; } = string.Empty;

        public long StartsAt { get; set; }

        public string Source { get; set; } = string.Empty;

        public string? CreatedBy { get; set; }

        public Pulse ToPulse() => new(Id, Title, Intro, Questions(QuestionsJson), new PulseAudience(AudienceKind, AudienceId), Schedule,
            DateTimeOffset.FromUnixTimeMilliseconds(StartsAt), Source, CreatedBy);
    }

    private sealed class RunRow
    {
        public string Id { get; set; } = string.Empty;

        public string PulseId { get; set; } = string.Empty;

        public long Seq { get; set; }

        public string QuestionsJson { get; set; } = "[]";

        public long OpensAt { get; set; }

        public long ClosesAt { get; set; }

        public long Invited { get; set; }

        public long? InvitedAt { get; set; }

        public long? RemindedAt { get; set; }

        public long? ResultsSentAt { get; set; }

        public PulseRun ToRun() => new(Id, PulseId, (int)Seq, Questions(QuestionsJson), DateTimeOffset.FromUnixTimeMilliseconds(OpensAt), DateTimeOffset.FromUnixTimeMilliseconds(ClosesAt),
            (int)Invited, At(InvitedAt), At(RemindedAt), At(ResultsSentAt));

        private static DateTimeOffset? At(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
    }
}
