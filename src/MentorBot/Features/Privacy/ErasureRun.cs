using System.Data.Common;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Privacy;

/// <summary>
/// One erasure inside the caller's transaction, table by table:
/// <list type="bullet">
/// <item>Removed: their conversation references and the activity ids remembered from those chats, queued items for
/// them or about their records, notes by or about them, bookings and local calendar entries, coaching deliveries,
/// their pause, match suggestions, unmatched entries and re-match requests, leader scopes, their map entry.</item>
/// <item>Kept anonymously under a random tombstone: their check-ins (scores, dates, status; free text removed, period
/// ids renewed, mentor and pairing links cut), circle answers, quarterly reviews and calibration answers (scores
/// only), and a stub map row with only their unit and level so unit aggregates do not change.</item>
/// <item>Unlinked: other people's rows that pointed at them (their mentees' check-ins, pairings, which end, circles,
/// units, reports to them) and text the other person in a pairing wrote about it (review and calibration text).</item>
/// <item>Cached replies to button presses (anyone's, kept a few days to answer Teams retries) are dropped.</item>
/// <item>The audit log keeps its entries with their id replaced by a one-way pseudonym.</item>
/// </list>
/// </summary>
internal sealed class ErasureRun(Database database, DbConnection connection, DbTransaction transaction, DataSubject subject, long now, CancellationToken cancellationToken)
{
    private readonly Dictionary<string, (int Removed, int Anonymised, int Unlinked)> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pairingTokens = new(StringComparer.Ordinal);
    private readonly string _tombstone = Pseudonyms.NewTombstone();

    public IReadOnlyList<ErasureCount> Counts =>
        [.. PersonalDataCatalog.Tables(database).Select(t => _counts.TryGetValue(t.Name, out var c) ? new ErasureCount(t.Name, c.Removed, c.Anonymised, c.Unlinked) : new ErasureCount(t.Name, 0, 0, 0))];

    public async Task ExecuteAsync()
    {
        if (subject.AadObjectId is { } aad)
        {
            await RemoveAsync("processed_activities", "DELETE FROM processed_activities WHERE " + PersonalDataCatalog.Tables(database).Single(t => t.Name == "processed_activities").Where, new { aad });
            await RemoveAsync("conversation_references", "DELETE FROM conversation_references WHERE aad_object_id = @aad", new { aad });
        }

        if (subject.Id is { } id)
        {
            var pairings = await QueryAsync<string>("SELECT id FROM map_mentorships WHERE mentor_id = @id OR mentee_id = @id", new { id });
            await RemoveQueuedAsync(id, pairings);
            await RemoveAboutThemAsync(id);
            await UnlinkAsync(id, pairings);
            var kept = await AnonymiseAsync(id);
            await RemoveMapEntryAsync(id, kept);
        }

        // Cached replies to button presses (kept only to answer a Teams retry) may show the person's name or answers in
        // anyone's chat; all of them go. A retry in that very moment is answered "still working on that".
        Count("processed_activities", unlinked: await ExecuteAsync("UPDATE processed_activities SET response_json = NULL, response_compressed = NULL WHERE response_json IS NOT NULL OR response_compressed IS NOT NULL", null));

        var keys = new[] { subject.Id, subject.AadObjectId }.OfType<string>().ToArray();
        var pseudonym = Pseudonyms.ForAudit(subject.Label);
        Count("audit_log", anonymised:
            await ExecuteAsync($"UPDATE audit_log SET subject = @pseudonym WHERE {database.AnyOf("subject", "keys")}", new { pseudonym, keys })
            + await ExecuteAsync($"UPDATE audit_log SET actor = @pseudonym WHERE {database.AnyOf("actor", "keys")}", new { pseudonym, keys }));
    }

    /// <summary>Queued cards for them, and cards for others about their records (a check-in, a note, a pairing with them).</summary>
    private async Task RemoveQueuedAsync(string id, IReadOnlyList<string> pairings)
    {
        var records = pairings
            .Concat(await QueryAsync<string>("SELECT id FROM checkin_periods WHERE person_id = @id", new { id }))
            .Concat(await QueryAsync<string>("SELECT id FROM mentor_notes WHERE author_id = @id OR mentee_id = @id", new { id }))
            .Concat(await QueryAsync<string>("SELECT id FROM checkin_replies WHERE mentor_id = @id OR mentee_id = @id", new { id }))
            .Concat(await QueryAsync<string>("SELECT id FROM bookings WHERE mentor_id = @id OR mentee_id = @id OR requester_id = @id", new { id }))
            .Concat(await QueryAsync<string>("SELECT id FROM coaching_deliveries WHERE person_id = @id", new { id }))
            .ToHashSet(StringComparer.Ordinal);
        var items = await QueryAsync<(string Id, string Reference, string PersonId)>("SELECT id, reference, person_id FROM outbox", null);
        var doomed = items.Where(i => i.PersonId == id || OutboxReferences.Concerns(i.Reference, records, id)).Select(i => i.Id).ToList();
        foreach (var chunk in doomed.Chunk(500))
        {
            await ExecuteAsync($"DELETE FROM outbox WHERE {database.AnyOf("id", "ids")}", new { ids = chunk });
        }

        Count("outbox", removed: doomed.Count);
    }

    private async Task RemoveAboutThemAsync(string id)
    {
        var p = new { id };
        await RemoveAsync("mentor_notes", "DELETE FROM mentor_notes WHERE author_id = @id OR mentee_id = @id", p);
        await RemoveAsync("bookings", "DELETE FROM bookings WHERE mentor_id = @id OR mentee_id = @id OR requester_id = @id", p);
        await RemoveAsync("local_calendar_events", "DELETE FROM local_calendar_events WHERE organizer_id = @id OR attendee_id = @id", p);
        await RemoveAsync("local_calendar_blocks", "DELETE FROM local_calendar_blocks WHERE person_id = @id", p);
        await RemoveAsync("coaching_deliveries", "DELETE FROM coaching_deliveries WHERE person_id = @id", p);
        await RemoveAsync("checkin_pauses", "DELETE FROM checkin_pauses WHERE person_id = @id", p);
        await RemoveAsync("checkin_replies", "DELETE FROM checkin_replies WHERE mentor_id = @id OR mentee_id = @id", p);
        await RemoveAsync("match_suggestions", "DELETE FROM match_suggestions WHERE mentee_id = @id OR mentor_id = @id", p);
        await RemoveAsync("match_unmatched", "DELETE FROM match_unmatched WHERE mentee_id = @id", p);
        await RemoveAsync("rematch_requests", "DELETE FROM rematch_requests WHERE mentee_id = @id OR mentor_id = @id", p);
        await RemoveAsync("map_leader_scopes", "DELETE FROM map_leader_scopes WHERE leader_id = @id", p);
        await RemoveAsync("competency_events", "DELETE FROM competency_events WHERE person_id = @id", p);
        await RemoveAsync("competency_status", "DELETE FROM competency_status WHERE person_id = @id", p);
        await RemoveAsync("independence", "DELETE FROM independence WHERE person_id = @id", p);
        await RemoveAsync("onboarding_phases", "DELETE FROM onboarding_phases WHERE person_id = @id", p);
        await RemoveAsync("person_history", "DELETE FROM person_history WHERE person_id = @id", p);

        // Concerns they raised keep only what the digest counts (unit, dates, status): the words and the conversation go,
        // named or anonymous. Concerns they received or handled stay with the sender, unlinked from them.
        var raised = await QueryAsync<string>("SELECT id FROM concerns WHERE sender_id = @id UNION SELECT concern_id FROM concern_relay WHERE sender_id = @id", p);
        if (raised.Count > 0)
        {
            var ids = raised.ToArray();
            await RemoveAsync("concern_messages", $"DELETE FROM concern_messages WHERE {database.AnyOf("concern_id", "ids")}", new { ids });
            Count("concerns", anonymised: await ExecuteAsync($"UPDATE concerns SET sender_id = NULL, anonymous = 1, body = '' WHERE {database.AnyOf("id", "ids")}", new { ids }));
        }

        await RemoveAsync("concern_relay", "DELETE FROM concern_relay WHERE sender_id = @id", p);
        await RemoveAsync("pulse_responded", "DELETE FROM pulse_responded WHERE person_id = @id", p);
        await RemoveAsync("digest_settings", "DELETE FROM digest_settings WHERE leader_id = @id", p);
    }

    /// <summary>Other people's rows keep their own data but no longer point at the erased person.</summary>
    private async Task UnlinkAsync(string id, IReadOnlyList<string> pairings)
    {
        var p = new { id, erased = Pseudonyms.ErasedPerson, aad = subject.AadObjectId, now, pairings = pairings.ToArray() };
        Count("checkin_periods", unlinked: await ExecuteAsync("UPDATE checkin_periods SET mentor_id = NULL WHERE mentor_id = @id AND person_id <> @id", p));
        if (pairings.Count > 0)
        {
            Count("calibrations", unlinked: await ExecuteAsync($"UPDATE calibrations SET note = NULL WHERE person_id <> @id AND {database.AnyOf("mentorship_id", "pairings")}", p));
            Count("quarterly_reviews", unlinked: await ExecuteAsync($"UPDATE quarterly_reviews SET went_well = NULL, focus_next = NULL WHERE person_id <> @id AND {database.AnyOf("mentorship_id", "pairings")}", p));
        }

        Count("map_mentorships", unlinked: await ExecuteAsync(
            """
            UPDATE map_mentorships SET
                mentor_id = CASE WHEN mentor_id = @id THEN @erased ELSE mentor_id END,
                mentee_id = CASE WHEN mentee_id = @id THEN @erased ELSE mentee_id END,
                status = 'ended', paused_until = NULL, ended_at_ms = COALESCE(ended_at_ms, @now), updated_at_ms = @now
            WHERE mentor_id = @id OR mentee_id = @id
            """,
            p));
        Count("map_people", unlinked: await ExecuteAsync("UPDATE map_people SET manager_id = NULL, updated_at_ms = @now WHERE manager_id = @id", p));
        Count("map_units", unlinked: await ExecuteAsync("UPDATE map_units SET escalation_contact_id = NULL, updated_at_ms = @now WHERE escalation_contact_id = @id", p));
        Count("match_runs", unlinked: await ExecuteAsync("UPDATE match_runs SET created_by = @erased WHERE created_by = @id OR created_by = @aad", p));
        Count("concerns", unlinked:
            await ExecuteAsync("UPDATE concerns SET recipient_id = @erased WHERE recipient_id = @id", p)
            + await ExecuteAsync("UPDATE concerns SET acknowledged_by = @erased WHERE acknowledged_by = @id", p)
            + await ExecuteAsync("UPDATE concerns SET resolved_by = @erased WHERE resolved_by = @id", p));
        Count("concern_messages", unlinked: await ExecuteAsync("UPDATE concern_messages SET author_id = NULL, body = '' WHERE author_id = @id", p));
        Count("pulses", unlinked: await ExecuteAsync("UPDATE pulses SET created_by = NULL WHERE created_by = @id", p));
        Count("competency_events", unlinked: await ExecuteAsync("UPDATE competency_events SET actor_id = @erased WHERE actor_id = @id", p));
        Count("competency_status", unlinked: await ExecuteAsync("UPDATE competency_status SET validator_id = @erased WHERE validator_id = @id", p));
        Count("pilots", unlinked: await ExecuteAsync("UPDATE pilots SET started_by = @erased WHERE started_by = @id", p));

        var circles = await QueryAsync<(string Id, string Facilitator, string Members)>("SELECT id, facilitator_id, members FROM map_circles", null);
        foreach (var circle in circles.Where(c => c.Facilitator == id || c.Members.Split(',').Contains(id, StringComparer.Ordinal)))
        {
            Count("map_circles", unlinked: await ExecuteAsync(
                "UPDATE map_circles SET facilitator_id = @facilitator, members = @members, updated_at_ms = @now WHERE id = @circle",
                new { circle = circle.Id, facilitator = circle.Facilitator == id ? Pseudonyms.ErasedPerson : circle.Facilitator, members = string.Join(',', circle.Members.Split(',').Where(m => m != id)), now }));
        }
    }

    /// <summary>Their own answers stay for aggregates under the tombstone, without free text or links. Returns how many rows.</summary>
    private async Task<int> AnonymiseAsync(string id)
    {
        var periods = await QueryAsync<(string Id, string? MentorshipId)>("SELECT id, mentorship_id FROM checkin_periods WHERE person_id = @id", new { id });
        var answered = await QueryAsync<string>("SELECT period_id FROM checkin_answers WHERE person_id = @id", new { id });
        var answers = 0;
        var renamed = 0;
        foreach (var (periodId, mentorshipId) in periods.Concat(answered.Except(periods.Select(p => p.Id), StringComparer.Ordinal).Select(a => (a, (string?)null))))
        {
            var p = new { old = periodId, renewed = Pseudonyms.NewTombstone(), t = _tombstone, token = Token(mentorshipId) };
            answers += await ExecuteAsync(
                """
                UPDATE checkin_answers SET period_id = @renewed, person_id = @t, learned = NULL, learned_shared = 0, need = NULL, need_shared = 0,
                    stuck = NULL, stuck_shared = 0
                WHERE period_id = @old
                """,
                p);
            renamed += await ExecuteAsync("UPDATE checkin_periods SET id = @renewed, person_id = @t, mentor_id = NULL, mentorship_id = @token WHERE id = @old", p);
        }

        Count("checkin_periods", anonymised: renamed);
        Count("checkin_answers", anonymised: answers);

        var calibrations = 0;
        foreach (var pairing in (await QueryAsync<string>("SELECT mentorship_id FROM calibrations WHERE person_id = @id", new { id })).Distinct(StringComparer.Ordinal))
        {
            calibrations += await ExecuteAsync(
                "UPDATE calibrations SET mentorship_id = @token, person_id = @t, note = NULL WHERE mentorship_id = @pairing AND person_id = @id",
                new { id, pairing, token = Token(pairing), t = _tombstone });
        }

        var reviews = 0;
        foreach (var pairing in (await QueryAsync<string>("SELECT mentorship_id FROM quarterly_reviews WHERE person_id = @id", new { id })).Distinct(StringComparer.Ordinal))
        {
            reviews += await ExecuteAsync(
                "UPDATE quarterly_reviews SET mentorship_id = @token, person_id = @t, went_well = NULL, focus_next = NULL, shared = 0 WHERE mentorship_id = @pairing AND person_id = @id",
                new { id, pairing, token = Token(pairing), t = _tombstone });
        }

        Count("calibrations", anonymised: calibrations);
        Count("quarterly_reviews", anonymised: reviews);
        var circles = await ExecuteAsync(
            "UPDATE circle_answers SET person_id = @t, learned = NULL, need = NULL, stuck = NULL, shared = 0 WHERE person_id = @id", new { id, t = _tombstone });
        Count("circle_answers", anonymised: circles);
        return renamed + answers + calibrations + reviews + circles;
    }

    /// <summary>The map entry goes; a stub with only unit and level stands in for it when anonymous rows were kept.</summary>
    private async Task RemoveMapEntryAsync(string id, int kept)
    {
        var person = (await QueryAsync<(string Level, string? UnitId)>("SELECT level, unit_id FROM map_people WHERE id = @id", new { id })).FirstOrDefault();
        var removed = await ExecuteAsync("DELETE FROM map_people WHERE id = @id", new { id });
        var stub = 0;
        if (removed > 0 && kept > 0)
        {
            stub = await ExecuteAsync(
                """
                INSERT INTO map_people (id, aad_object_id, name, email, level, unit_id, manager_id, time_zone, working_days, work_start, work_end,
                    quiet_start, quiet_end, start_date, locale, mentor_capacity, teaches, is_admin, active, updated_at_ms, ended_at_ms, needs)
                VALUES (@t, NULL, '', NULL, @level, @unit, NULL, 'UTC', '', '00:00', '00:00', NULL, NULL, NULL, 'en', 0, '', 0, 0, @now, @now, '')
                """,
                new { t = _tombstone, level = person.Level, unit = person.UnitId, now });
        }

        Count("map_people", removed: removed, anonymised: stub);
    }

    private string? Token(string? pairingId)
    {
        if (pairingId is null)
        {
            return null;
        }

        if (!_pairingTokens.TryGetValue(pairingId, out var token))
        {
            token = Pseudonyms.NewTombstone();
            _pairingTokens[pairingId] = token;
        }

        return token;
    }

    private async Task RemoveAsync(string table, string sql, object parameters) => Count(table, removed: await ExecuteAsync(sql, parameters));

    private void Count(string table, int removed = 0, int anonymised = 0, int unlinked = 0)
    {
        var (r, a, u) = _counts.GetValueOrDefault(table);
        _counts[table] = (r + removed, a + anonymised, u + unlinked);
    }

    private Task<int> ExecuteAsync(string sql, object? parameters) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    private async Task<List<T>> QueryAsync<T>(string sql, object? parameters) =>
        [.. await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken))];
}
