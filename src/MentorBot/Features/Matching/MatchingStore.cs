using System.Globalization;
using System.Text.Json;
using Dapper;
using MentorBot.Features.Map;
using MentorBot.Persistence;

namespace MentorBot.Features.Matching;

/// <summary>A saved suggestion: who with whom, the lanes, the score and reasons, and the admin's decision.</summary>
internal sealed record SavedSuggestion(int Position, string MenteeId, string MentorId, IReadOnlyList<string> Lanes, int Score, IReadOnlyList<string> Reasons, string? ReplacesId, string Decision);

/// <summary>A saved run with its suggestions and the people it could not match.</summary>
internal sealed record SavedRun(string Id, string CreatedBy, DateTimeOffset CreatedAt, string Status, long Objective, IReadOnlyList<SavedSuggestion> Suggestions, IReadOnlyList<(string MenteeId, string Reason, string Explanation)> Unmatched);

/// <summary>An open request to change a pairing.</summary>
internal sealed record RematchRequest(string MentorshipId, string MenteeId, string MentorId, string Source);

/// <summary>Matching runs, their publication into the map (one transaction), and re-match requests.</summary>
internal sealed class MatchingStore(Database database, Privacy.AuditLog audit, Map.MapGeneration generation, TimeProvider time)
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";

    public async Task SaveRunAsync(string runId, string createdBy, MatchOutcome outcome, IReadOnlyDictionary<string, string> replaces, CancellationToken cancellationToken)
    {
        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO match_runs (id, created_by, created_at_ms, status, objective) VALUES (@runId, @createdBy, @now, 'draft', @objective)",
                new { runId, createdBy, now = time.GetUtcNow().ToUnixTimeMilliseconds(), objective = outcome.Objective },
                transaction,
                cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO match_suggestions (run_id, position, mentee_id, mentor_id, lanes_json, score, reasons_json, replaces_id, decision)
                VALUES (@runId, @Position, @MenteeId, @MentorId, @Lanes, @Score, @Reasons, @Replaces, 'pending')
                """,
                outcome.Suggestions.Select((s, i) => new
                {
                    runId,
                    Position = i,
                    MenteeId = s.Mentee.Id,
                    MentorId = s.Mentor.Id,
                    Lanes = JsonSerializer.Serialize(s.Lanes),
                    Score = s.Score.Total,
                    Reasons = JsonSerializer.Serialize(s.Reasons),
                    Replaces = replaces.GetValueOrDefault(s.Mentee.Id),
                }),
                transaction,
                cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO match_unmatched (run_id, mentee_id, reason, explanation) VALUES (@runId, @MenteeId, @Reason, @Explanation)",
                outcome.Unmatched.Select(u => new { runId, MenteeId = u.Mentee.Id, Reason = u.Reason.ToString(), u.Explanation }),
                transaction,
                cancellationToken: cancellationToken));
            return true;
        }, cancellationToken);
    }

    public async Task<SavedRun?> FindRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var run = await connection.QuerySingleOrDefaultAsync<(string Id, string CreatedBy, long CreatedAt, string Status, long Objective)>(new CommandDefinition(
            "SELECT id, created_by, created_at_ms, status, objective FROM match_runs WHERE id = @runId", new { runId }, cancellationToken: cancellationToken));
        if (run.Id is null)
        {
            return null;
        }

        var suggestions = await connection.QueryAsync<(long Position, string MenteeId, string MentorId, string Lanes, long Score, string Reasons, string? Replaces, string Decision)>(new CommandDefinition(
            "SELECT position, mentee_id, mentor_id, lanes_json, score, reasons_json, replaces_id, decision FROM match_suggestions WHERE run_id = @runId ORDER BY position",
            new { runId },
            cancellationToken: cancellationToken));
        var unmatched = await connection.QueryAsync<(string MenteeId, string Reason, string Explanation)>(new CommandDefinition(
            "SELECT mentee_id, reason, explanation FROM match_unmatched WHERE run_id = @runId ORDER BY mentee_id", new { runId }, cancellationToken: cancellationToken));
        return new SavedRun(run.Id, run.CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(run.CreatedAt), run.Status, run.Objective,
            [.. suggestions.Select(s => new SavedSuggestion((int)s.Position, s.MenteeId, s.MentorId, JsonSerializer.Deserialize<string[]>(s.Lanes) ?? [], (int)s.Score, JsonSerializer.Deserialize<string[]>(s.Reasons) ?? [], s.Replaces, s.Decision))],
            [.. unmatched]);
    }

    /// <summary>
    /// Publishes a draft run once: accepted suggestions become active lane mentorships (the pairing each replaces is
    /// ended), the rest are marked rejected, and their re-match requests are closed. False when the run was already
    /// published (a double click, a second admin). <c>match.publish</c> is recorded in the audit log in the same transaction.
    /// </summary>
    public async Task<bool> PublishAsync(string runId, IReadOnlySet<string> acceptedMentees, Func<SavedSuggestion, Mentorship> toMentorship, string actor,
        IReadOnlyList<Outbox.OutboxEntry> queue, CancellationToken cancellationToken)
    {
        var run = await FindRunAsync(runId, cancellationToken);
        if (run is null)
        {
            return false;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var published = await database.WriteAsync(async (connection, transaction) =>
        {
            var claimed = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE match_runs SET status = 'published', published_at_ms = @now WHERE id = @runId AND status = 'draft'", new { runId, now }, transaction, cancellationToken: cancellationToken));
            if (claimed != 1)
            {
                return false;
            }

            foreach (var suggestion in run.Suggestions)
            {
                var accepted = acceptedMentees.Contains(suggestion.MenteeId);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE match_suggestions SET decision = @decision WHERE run_id = @runId AND mentee_id = @mentee",
                    new { decision = accepted ? Accepted : Rejected, runId, mentee = suggestion.MenteeId },
                    transaction,
                    cancellationToken: cancellationToken));
                if (!accepted)
                {
                    continue;
                }

                var mentorship = toMentorship(suggestion);
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO map_mentorships (id, mentor_id, mentee_id, lanes, kind, cadence_every, cadence_day, cadence_time, start_date, status,
                        paused_until, calibration_date, updated_at_ms, ended_at_ms, origin)
                    VALUES (@Id, @MentorId, @MenteeId, @Lanes, @Kind, @CadenceEvery, @CadenceDay, @CadenceTime, @StartDate, @Status,
                        @PausedUntil, @CalibrationDate, @Now, @EndedAt, 'matching')
                    """,
                    MapRows.MentorshipParameters(mentorship, now),
                    transaction,
                    cancellationToken: cancellationToken));
                if (suggestion.ReplacesId is { } replaced)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE map_mentorships SET status = 'ended', updated_at_ms = @now, ended_at_ms = @now WHERE id = @replaced AND status <> 'ended'",
                        new { replaced, now },
                        transaction,
                        cancellationToken: cancellationToken));
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE rematch_requests SET status = 'closed' WHERE mentorship_id = @replaced", new { replaced }, transaction, cancellationToken: cancellationToken));
                }
            }

            var paired = run.Suggestions.Count(s => acceptedMentees.Contains(s.MenteeId));
            await audit.RecordAsync(connection, transaction, actor, Privacy.AuditActions.MatchPublish, runId,
                string.Create(CultureInfo.InvariantCulture, $"{paired} pairings published, {run.Suggestions.Count - paired} rejected, {run.Unmatched.Count} without a match"), cancellationToken);
            await Map.MapGeneration.AdvanceAsync(connection, transaction, cancellationToken);
            await Outbox.OutboxStore.QueueAsync(connection, transaction, queue, time.GetUtcNow(), cancellationToken);
            return true;
        }, cancellationToken);
        if (published)
        {
            generation.Committed();
        }

        return published;
    }

    /// <summary>
    /// Records that a pairing should be looked at again, with the admins' cards about it in the same transaction. False
    /// when it already was (asked twice, or by both).
    /// </summary>
    public Task<bool> RequestRematchAsync(Mentorship pairing, string source, IReadOnlyList<Outbox.OutboxEntry> queue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(async (connection, transaction) =>
        {
            var opened = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO rematch_requests (mentorship_id, mentee_id, mentor_id, source, status, created_at_ms)
                VALUES (@id, @mentee, @mentor, @source, 'open', @now)
                ON CONFLICT (mentorship_id) DO NOTHING
                """,
                new { id = pairing.Id, mentee = pairing.MenteeId, mentor = pairing.MentorId, source, now = now.ToUnixTimeMilliseconds() },
                transaction)) == 1;
            if (opened)
            {
                await Outbox.OutboxStore.QueueAsync(connection, transaction, queue, now, CancellationToken.None);
            }

            return opened;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RematchRequest>> OpenRematchesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<RematchRequest>(new CommandDefinition(
            "SELECT mentorship_id AS MentorshipId, mentee_id AS MenteeId, mentor_id AS MentorId, source AS Source FROM rematch_requests WHERE status = 'open' ORDER BY created_at_ms",
            cancellationToken: cancellationToken))];
    }

    /// <summary>Every pairing the map has held (ended ones with the day they ended), for the no-repeat rule.</summary>
    public async Task<IReadOnlyList<PastPairing>> PastPairingsAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Mentor, string Mentee, string Status, long? EndedAt)>(new CommandDefinition(
            "SELECT mentor_id, mentee_id, status, ended_at_ms FROM map_mentorships", cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PastPairing(r.Mentor, r.Mentee,
            r.Status == "ended" && r.EndedAt is { } ended ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ended).UtcDateTime) : today))];
    }

    public static string NewRunId(DateTimeOffset now) =>
        "run-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("n")[..6];
}
