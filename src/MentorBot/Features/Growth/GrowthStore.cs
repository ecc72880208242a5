using System.Data.Common;
using Dapper;
using MentorBot.Features.Map;
using MentorBot.Features.Privacy;
using MentorBot.Outbox;
using MentorBot.Persistence;

namespace MentorBot.Features.Growth;

/// <summary>
/// Competency history and the state it leaves. Every change is an event that is only ever inserted; the current state,
/// the audit entry, a first-time independence and any follow-up card commit in the same transaction.
/// </summary>
internal sealed class GrowthStore(Database database, AuditLog audit, TimeProvider time)
{
    public const string AuditValidated = "competency.validate";
    public const string AuditWithdrawn = "competency.withdraw";

    public async Task<IReadOnlyDictionary<string, CompetencyState>> StatesAsync(string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StateRow>(new CommandDefinition(
            """
            SELECT competency_id AS CompetencyId, status AS Status, observed_on AS ObservedOn, method AS Method, validator_id AS ValidatorId, self_rating AS SelfRating
            FROM competency_status WHERE person_id = @personId
            """,
            new { personId }, cancellationToken: cancellationToken));
        return rows.Select(ToState).ToDictionary(s => s.CompetencyId, StringComparer.Ordinal);
    }

    /// <summary>The competencies validated for each of these people.</summary>
    public async Task<IReadOnlyDictionary<string, HashSet<string>>> ValidatedAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Person, string Competency)>(new CommandDefinition(
            $"SELECT person_id, competency_id FROM competency_status WHERE status = 'validated' AND {database.AnyOf("person_id", "people")}",
            new { people = personIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.Person, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Competency).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<CompetencyEvent>> HistoryAsync(string personId, string competencyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            $"SELECT {EventColumns} FROM competency_events WHERE person_id = @personId AND competency_id = @competencyId ORDER BY at_ms, id",
            new { personId, competencyId }, cancellationToken: cancellationToken));
        return [.. rows.Select(ToEvent)];
    }

    public async Task<CompetencyEvent?> FindEventAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EventRow>(new CommandDefinition(
            $"SELECT {EventColumns} FROM competency_events WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row is null ? null : ToEvent(row);
    }

    /// <summary>
    /// Records one change if it still applies to the stored state (a second click on the same button finds the work
    /// done and records nothing). Returns the state after it, and whether anything was written.
    /// </summary>
    public Task<(CompetencyState State, bool Changed)> RecordAsync(
        CompetencyEvent change, Func<CompetencyState, CompetencyState?> apply, LadderStep? onboardingStep, Func<CompetencyEvent, IEnumerable<OutboxEntry>> followUps,
        CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (database.Provider == StorageProvider.Postgres)
            {
                // At read committed, two clicks that arrive together (or reach two instances) would both read the state
                // before either wrote and both record the change: changes to one person's competency take turns.
                // SQLite's single writer already orders them.
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))",
                    new { key = $"mentorbot:competency:{change.PersonId}:{change.CompetencyId}" }, transaction, cancellationToken: cancellationToken));
            }

            var now = time.GetUtcNow();
            var stored = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
                """
                SELECT competency_id AS CompetencyId, status AS Status, observed_on AS ObservedOn, method AS Method, validator_id AS ValidatorId, self_rating AS SelfRating
                FROM competency_status WHERE person_id = @PersonId AND competency_id = @CompetencyId
                """,
                change, transaction, cancellationToken: cancellationToken));
            var before = stored is null ? CompetencyState.NotStarted(change.CompetencyId) : ToState(stored);
            if (apply(before) is not { } after)
            {
                return (before, false);
            }

            // The history reads in time order: an event never shares a millisecond with the one before it.
            var previous = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT MAX(at_ms) FROM competency_events WHERE person_id = @PersonId AND competency_id = @CompetencyId", change, transaction, cancellationToken: cancellationToken));
            var at = previous is { } p && p >= now.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(p + 1) : now;
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO competency_events ({InsertColumns}) VALUES (@Id, @PersonId, @CompetencyId, @Kind, @AtMs, @ActorId, @ObservedOn, @Method, @Rating, @Note)",
                EventParameters(change with { At = at }), transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO competency_status (person_id, competency_id, status, observed_on, method, validator_id, self_rating, updated_at_ms)
                VALUES (@PersonId, @CompetencyId, @Status, @ObservedOn, @Method, @ValidatorId, @SelfRating, @Now)
                ON CONFLICT (person_id, competency_id) DO UPDATE SET status = excluded.status, observed_on = excluded.observed_on, method = excluded.method,
                    validator_id = excluded.validator_id, self_rating = excluded.self_rating, updated_at_ms = excluded.updated_at_ms
                """,
                new
                {
                    change.PersonId, change.CompetencyId, Status = GrowthNames.Status(after.Status),
                    ObservedOn = after.ObservedOn is { } d ? MapValues.DateText(d) : null, Method = after.Method is { } m ? LadderNames.Name(m) : null,
                    after.ValidatorId, SelfRating = after.SelfRating is { } r ? GrowthNames.Rating(r) : null, Now = now.ToUnixTimeMilliseconds(),
                },
                transaction, cancellationToken: cancellationToken));

            if (change.Kind is CompetencyEvent.Validated or CompetencyEvent.Withdrawn)
            {
                // The audit log names who and which competency, never the note or the reason.
                await audit.RecordAsync(connection, transaction, change.ActorId, change.Kind == CompetencyEvent.Validated ? AuditValidated : AuditWithdrawn,
                    change.PersonId, change.CompetencyId, cancellationToken);
            }

            if (change.Kind == CompetencyEvent.Validated && onboardingStep is not null)
            {
                await RecordIndependenceAsync(connection, transaction, change.PersonId, onboardingStep, now, cancellationToken);
            }

            await OutboxStore.QueueAsync(connection, transaction, followUps(change), now, cancellationToken);
            return (after, true);
        }, cancellationToken);

    /// <summary>The first day every onboarding competency of the step stood validated: the latest of their observed dates.</summary>
    private static async Task RecordIndependenceAsync(DbConnection c, DbTransaction t, string personId, LadderStep step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var validated = (await c.QueryAsync<(string Competency, string? On)>(new CommandDefinition(
            "SELECT competency_id, observed_on FROM competency_status WHERE person_id = @personId AND status = 'validated'",
            new { personId }, t, cancellationToken: cancellationToken))).ToDictionary(r => r.Competency, r => r.On, StringComparer.Ordinal);
        if (!OnboardingProgress.Complete(step, validated.Keys.ToHashSet(StringComparer.Ordinal)))
        {
            return;
        }

        var on = step.Onboarding.Keys.Select(k => validated[k]).Max(StringComparer.Ordinal);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO independence (person_id, step_id, independent_on, at_ms) VALUES (@personId, @stepId, @on, @now)
            ON CONFLICT (person_id) DO NOTHING
            """,
            new { personId, stepId = step.Id, on, now = now.ToUnixTimeMilliseconds() }, t, cancellationToken: cancellationToken));
    }

    private const string InsertColumns = "id, person_id, competency_id, kind, at_ms, actor_id, observed_on, method, rating, note";

    private const string EventColumns =
        "id AS Id, person_id AS PersonId, competency_id AS CompetencyId, kind AS Kind, at_ms AS AtMs, actor_id AS ActorId, observed_on AS ObservedOn, " +
        "method AS Method, rating AS Rating, note AS Note";

    private static object EventParameters(CompetencyEvent e) => new
    {
        e.Id, e.PersonId, e.CompetencyId, e.Kind, AtMs = e.At.ToUnixTimeMilliseconds(), e.ActorId,
        ObservedOn = e.ObservedOn is { } d ? MapValues.DateText(d) : null, Method = e.Method is { } m ? LadderNames.Name(m) : null,
        Rating = e.Rating is { } r ? GrowthNames.Rating(r) : null, e.Note,
    };

    private static CompetencyState ToState(StateRow r) => new(
        r.CompetencyId, GrowthNames.Status(r.Status), MapValues.TryDate(r.ObservedOn, out var d) ? d : null,
        LadderNames.TryMethod(r.Method, out var m) ? m : null, r.ValidatorId, GrowthNames.Rating(r.SelfRating));

    private static CompetencyEvent ToEvent(EventRow r) => new(
        r.Id, r.PersonId, r.CompetencyId, r.Kind, DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs), r.ActorId,
        MapValues.TryDate(r.ObservedOn, out var d) ? d : null, LadderNames.TryMethod(r.Method, out var m) ? m : null, GrowthNames.Rating(r.Rating), r.Note);

    private sealed class StateRow
    {
        public string CompetencyId { get; set; } = string.Empty;
        public string Status { get; set; } = string.Empty;
        public string? ObservedOn { get; set; }
        public string? Method { get; set; }
        public string? ValidatorId { get; set; }
        public string? SelfRating { get; set; }
    }

    private sealed class EventRow
    {
        public string Id { get; set; } = string.Empty;
        public string PersonId { get; set; } = string.Empty;
        public string CompetencyId { get; set; } = string.Empty;
        public string Kind { get; set; } = string.Empty;
        public long AtMs { get; set; }
        public string ActorId { get; set; } = string.Empty;
        public string? ObservedOn { get; set; }
        public string? Method { get; set; }
        public string? Rating { get; set; }
        public string? Note { get; set; }
    }
}
