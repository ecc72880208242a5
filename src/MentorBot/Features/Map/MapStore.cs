using System.Data.Common;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Map;

/// <summary>
/// Reads the map and imports a new version of it in one transaction. An import upserts what changed and ends what
/// left the map (people, pairings, circles), so re-importing the same file changes nothing and history survives.
/// </summary>
internal sealed class MapStore(Database database, Privacy.AuditLog audit, MapGeneration generation, TimeProvider time)
{
    private const int ProgressEvery = 250;

    public Task<ImportSummary> ImportAsync(MentorshipMap map, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        ImportAsync(map, progress, null, cancellationToken);

    /// <summary>Imports the map; with <paramref name="stamp"/>, the audit entry (with the counts) commits in the same transaction.</summary>
    public async Task<ImportSummary> ImportAsync(MentorshipMap map, IProgress<ImportProgress>? progress, AuditStamp? stamp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        ProgressTracker? tracker = null;
        var imported = await database.WriteAsync(async (connection, transaction) =>
        {
            var total = map.Lanes.Count + map.Units.Count + map.People.Count + map.Mentorships.Count + map.Circles.Count;
            tracker = new ProgressTracker(total, progress);

            var lanes = await SyncLanesAsync(connection, transaction, map.Lanes, now, tracker, cancellationToken);
            var units = await SyncUnitsAsync(connection, transaction, map.Units, now, tracker, cancellationToken);
            var ladderChanged = await LadderStore.ReplaceAsync(connection, transaction, map.Ladder, cancellationToken);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var history = await PersonHistory.BeforeImportAsync(connection, transaction, map, now, today, cancellationToken);
            var people = await SyncPeopleAsync(connection, transaction, map.People, now, tracker, cancellationToken);
            people.Unexplained = await PersonHistory.AfterImportAsync(connection, transaction, map, history, now, today, cancellationToken);
            var mentorships = await SyncMentorshipsAsync(connection, transaction, map.Mentorships, now, tracker, cancellationToken);
            var circles = await SyncCirclesAsync(connection, transaction, map.Circles, now, tracker, cancellationToken);
            await connection.ExecuteAsync("DELETE FROM map_leader_scopes", transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO map_leader_scopes (leader_id, kind, unit_id) VALUES (@LeaderId, @Kind, @UnitId)",
                map.LeaderScopes.Select(s => new { s.LeaderId, Kind = s.Kind.ToString().ToLowerInvariant(), UnitId = s.UnitId ?? string.Empty }),
                transaction);
            await connection.ExecuteAsync(
                """
                INSERT INTO map_programme (id, name, imported_at_ms) VALUES (1, @name, @now)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, imported_at_ms = excluded.imported_at_ms
                """,
                new { name = map.ProgrammeName, now },
                transaction);

            var summary = new ImportSummary(lanes, units, people, mentorships, circles) { LadderChanged = ladderChanged };
            if (stamp is not null)
            {
                await audit.RecordAsync(connection, transaction, stamp.Actor, stamp.Action, stamp.Subject, $"{stamp.Detail}{summary}", cancellationToken);
            }

            await MapGeneration.AdvanceAsync(connection, transaction, cancellationToken);
            return summary;
        }, cancellationToken);
        generation.Committed();
        tracker?.Finish();
        return imported;
    }

    /// <summary>The current map: what is active, as the next import would compare it.</summary>
    public async Task<MentorshipMap> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var name = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT name FROM map_programme WHERE id = 1", cancellationToken: cancellationToken));
        var lanes = await connection.QueryAsync<(string Id, string Name, string Description)>(new CommandDefinition(
            "SELECT id, name, description FROM map_lanes WHERE active = 1 ORDER BY id", cancellationToken: cancellationToken));
        var units = await connection.QueryAsync<(string Id, string Name, string? Contact)>(new CommandDefinition(
            "SELECT id, name, escalation_contact_id FROM map_units WHERE active = 1 ORDER BY id", cancellationToken: cancellationToken));
        var people = await connection.QueryAsync<PersonRow>(new CommandDefinition(
            $"SELECT {MapRows.PersonColumns} FROM map_people WHERE active = 1 ORDER BY id", cancellationToken: cancellationToken));
        var mentorships = await connection.QueryAsync<MentorshipRow>(new CommandDefinition(
            $"SELECT {MapRows.MentorshipColumns} FROM map_mentorships WHERE status <> 'ended' ORDER BY id", cancellationToken: cancellationToken));
        var circles = await connection.QueryAsync<CircleRow>(new CommandDefinition(
            $"SELECT {MapRows.CircleColumns} FROM map_circles WHERE active = 1 ORDER BY id", cancellationToken: cancellationToken));
        var scopes = await connection.QueryAsync<(string Leader, string Kind, string Unit)>(new CommandDefinition(
            "SELECT leader_id, kind, unit_id FROM map_leader_scopes ORDER BY leader_id, kind, unit_id", cancellationToken: cancellationToken));
        var ladder = await LadderStore.LoadAsync(connection, cancellationToken);
        return new MentorshipMap(
            name ?? "Mentorship programme",
            [.. lanes.Select(l => new Lane(l.Id, l.Name, l.Description))],
            [.. units.Select(u => new Unit(u.Id, u.Name, u.Contact))],
            [.. people.Select(MapRows.ToPerson)],
            [.. mentorships.Select(MapRows.ToMentorship)],
            [.. circles.Select(MapRows.ToCircle)],
            [.. scopes.Select(s => new LeaderScope(s.Leader, Enum.Parse<LeaderScopeKind>(s.Kind, ignoreCase: true), s.Unit.Length == 0 ? null : s.Unit))],
            ladder);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM map_people", cancellationToken: cancellationToken)) == 0;
    }

    private static async Task<SectionChanges> SyncLanesAsync(DbConnection c, DbTransaction t, IReadOnlyList<Lane> lanes, long now, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        var existing = (await c.QueryAsync<(string Id, string Name, string Description, long Active)>("SELECT id, name, description, active FROM map_lanes", transaction: t))
            .ToDictionary(r => r.Id, r => (new Lane(r.Id, r.Name, r.Description), r.Active == 1), StringComparer.Ordinal);
        return await SyncAsync(c, t, "map_lanes", lanes, l => l.Id, existing, now, tracker, cancellationToken,
            """
            INSERT INTO map_lanes (id, name, description, active, updated_at_ms) VALUES (@Id, @Name, @Description, 1, @now)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, active = 1, updated_at_ms = excluded.updated_at_ms
            """,
            lane => new { lane.Id, lane.Name, lane.Description, now },
            "active = 0, updated_at_ms = @now");
    }

    private static async Task<SectionChanges> SyncUnitsAsync(DbConnection c, DbTransaction t, IReadOnlyList<Unit> units, long now, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        var existing = (await c.QueryAsync<(string Id, string Name, string? Contact, long Active)>("SELECT id, name, escalation_contact_id, active FROM map_units", transaction: t))
            .ToDictionary(r => r.Id, r => (new Unit(r.Id, r.Name, r.Contact), r.Active == 1), StringComparer.Ordinal);
        return await SyncAsync(c, t, "map_units", units, u => u.Id, existing, now, tracker, cancellationToken,
            """
            INSERT INTO map_units (id, name, escalation_contact_id, active, updated_at_ms) VALUES (@Id, @Name, @EscalationContactId, 1, @now)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, escalation_contact_id = excluded.escalation_contact_id, active = 1, updated_at_ms = excluded.updated_at_ms
            """,
            unit => new { unit.Id, unit.Name, unit.EscalationContactId, now },
            "active = 0, updated_at_ms = @now");
    }

    private static async Task<SectionChanges> SyncPeopleAsync(DbConnection c, DbTransaction t, IReadOnlyList<Person> people, long now, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        var existing = (await c.QueryAsync<PersonRow>($"SELECT {MapRows.PersonColumns} FROM map_people", transaction: t))
            .ToDictionary(r => r.Id, r => (MapRows.ToPerson(r), r.Active == 1), StringComparer.Ordinal);
        return await SyncAsync(c, t, "map_people", people, p => p.Id, existing, now, tracker, cancellationToken,
            """
            INSERT INTO map_people (id, aad_object_id, name, email, level, unit_id, manager_id, time_zone, working_days, work_start, work_end,
                quiet_start, quiet_end, start_date, locale, mentor_capacity, teaches, is_admin, active, updated_at_ms, ended_at_ms, needs, step_id, first_shift)
            VALUES (@Id, @AadObjectId, @Name, @Email, @Level, @UnitId, @ManagerId, @TimeZone, @WorkingDays, @WorkStart, @WorkEnd,
                @QuietStart, @QuietEnd, @StartDate, @Locale, @MentorCapacity, @Teaches, @IsAdmin, 1, @Now, NULL, @Needs, @StepId, @FirstShift)
            ON CONFLICT (id) DO UPDATE SET aad_object_id = excluded.aad_object_id, name = excluded.name, email = excluded.email, level = excluded.level,
                unit_id = excluded.unit_id, manager_id = excluded.manager_id, time_zone = excluded.time_zone, working_days = excluded.working_days,
                work_start = excluded.work_start, work_end = excluded.work_end, quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
                start_date = excluded.start_date, locale = excluded.locale, mentor_capacity = excluded.mentor_capacity, teaches = excluded.teaches,
                is_admin = excluded.is_admin, active = 1, updated_at_ms = excluded.updated_at_ms, ended_at_ms = NULL, needs = excluded.needs,
                step_id = excluded.step_id, first_shift = excluded.first_shift, left_on = NULL, end_reason = NULL
            """,
            person => MapRows.PersonParameters(person, now),
            "active = 0, updated_at_ms = @now, ended_at_ms = @now");
    }

    private static async Task<SectionChanges> SyncMentorshipsAsync(DbConnection c, DbTransaction t, IReadOnlyList<Mentorship> mentorships, long now, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        var existing = (await c.QueryAsync<MentorshipRow>($"SELECT {MapRows.MentorshipColumns} FROM map_mentorships", transaction: t))
            .ToDictionary(r => r.Id, MapRows.ToMentorship, StringComparer.Ordinal);
        var changes = new SectionChanges();
        foreach (var mentorship in mentorships)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tracker.Step();
            if (existing.TryGetValue(mentorship.Id, out var row) && row.Equals(mentorship))
            {
                changes.Unchanged++;
                continue;
            }

            changes.Count(existing.ContainsKey(mentorship.Id));
            await c.ExecuteAsync(
                """
                INSERT INTO map_mentorships (id, mentor_id, mentee_id, lanes, kind, cadence_every, cadence_day, cadence_time, start_date, status,
                    paused_until, calibration_date, updated_at_ms, ended_at_ms)
                VALUES (@Id, @MentorId, @MenteeId, @Lanes, @Kind, @CadenceEvery, @CadenceDay, @CadenceTime, @StartDate, @Status,
                    @PausedUntil, @CalibrationDate, @Now, @EndedAt)
                ON CONFLICT (id) DO UPDATE SET mentor_id = excluded.mentor_id, mentee_id = excluded.mentee_id, lanes = excluded.lanes, kind = excluded.kind,
                    cadence_every = excluded.cadence_every, cadence_day = excluded.cadence_day, cadence_time = excluded.cadence_time,
                    start_date = excluded.start_date, status = excluded.status, paused_until = excluded.paused_until,
                    calibration_date = excluded.calibration_date, updated_at_ms = excluded.updated_at_ms, ended_at_ms = excluded.ended_at_ms, origin = 'map'
                """,
                MapRows.MentorshipParameters(mentorship, now),
                t);
        }

        // Pairings published by matching belong to the bot: a map file that does not list them does not end them.
        var published = (await c.QueryAsync<string>("SELECT id FROM map_mentorships WHERE origin = 'matching'", transaction: t)).ToHashSet(StringComparer.Ordinal);
        var stillOpen = existing.Where(e => e.Value.Status != MentorshipStatus.Ended && !published.Contains(e.Key)).Select(e => e.Key);
        changes.Ended = await EndMissingAsync(c, t, "map_mentorships", stillOpen, mentorships.Select(m => m.Id), now, "status = 'ended', updated_at_ms = @now, ended_at_ms = @now");
        return changes;
    }

    private static async Task<SectionChanges> SyncCirclesAsync(DbConnection c, DbTransaction t, IReadOnlyList<Circle> circles, long now, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        var existing = (await c.QueryAsync<CircleRow>($"SELECT {MapRows.CircleColumns} FROM map_circles", transaction: t))
            .ToDictionary(r => r.Id, r => (MapRows.ToCircle(r), r.Active == 1), StringComparer.Ordinal);
        return await SyncAsync(c, t, "map_circles", circles, x => x.Id, existing, now, tracker, cancellationToken,
            """
            INSERT INTO map_circles (id, name, kind, facilitator_id, members, lane_id, cadence_every, cadence_day, cadence_time, active, updated_at_ms)
            VALUES (@Id, @Name, @Kind, @FacilitatorId, @Members, @LaneId, @CadenceEvery, @CadenceDay, @CadenceTime, 1, @Now)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, facilitator_id = excluded.facilitator_id, members = excluded.members,
                lane_id = excluded.lane_id, cadence_every = excluded.cadence_every, cadence_day = excluded.cadence_day, cadence_time = excluded.cadence_time,
                active = 1, updated_at_ms = excluded.updated_at_ms
            """,
            circle => MapRows.CircleParameters(circle, now),
            "active = 0, updated_at_ms = @now");
    }

    /// <summary>
    /// The import loop shared by the sections with an active flag: unchanged rows are left alone, changed or new ones
    /// are upserted, and rows that left the map are ended.
    /// </summary>
    private static async Task<SectionChanges> SyncAsync<T>(
        DbConnection c, DbTransaction t, string table, IReadOnlyList<T> items, Func<T, string> key, Dictionary<string, (T Value, bool Active)> existing,
        long now, ProgressTracker tracker, CancellationToken cancellationToken, string upsert, Func<T, object> parameters, string endSet)
        where T : notnull
    {
        var changes = new SectionChanges();
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tracker.Step();
            if (existing.TryGetValue(key(item), out var row) && row.Active && row.Value.Equals(item))
            {
                changes.Unchanged++;
                continue;
            }

            changes.Count(existing.ContainsKey(key(item)));
            await c.ExecuteAsync(upsert, parameters(item), t);
        }

        changes.Ended = await EndMissingAsync(c, t, table, existing.Where(e => e.Value.Active).Select(e => e.Key), items.Select(key), now, endSet);
        return changes;
    }

    private static async Task<int> EndMissingAsync(DbConnection c, DbTransaction t, string table, IEnumerable<string> open, IEnumerable<string> kept, long now, string set)
    {
        var gone = open.Except(kept, StringComparer.Ordinal).ToList();
        var anyOf = c is Npgsql.NpgsqlConnection ? "id = ANY(@ids)" : "id IN @ids";
        foreach (var chunk in gone.Chunk(500))
        {
            await c.ExecuteAsync($"UPDATE {table} SET {set} WHERE {anyOf}", new { ids = chunk, now }, t);
        }

        return gone.Count;
    }

    private sealed class ProgressTracker(int total, IProgress<ImportProgress>? progress)
    {
        private int _done;

        public void Step()
        {
            if (++_done % ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress(_done, total));
            }
        }

        public void Finish() => progress?.Report(new ImportProgress(total, total));
    }
}

internal sealed record ImportProgress(int Done, int Total);

/// <summary>What an import changed, per section.</summary>
internal sealed class SectionChanges
{
    public int Added { get; set; }

    public int Updated { get; set; }

    public int Ended { get; set; }

    public int Unchanged { get; set; }

    /// <summary>People ended because the file no longer lists them, with no <c>left</c> to say why.</summary>
    public int Unexplained { get; set; }

    public void Count(bool existed)
    {
        if (existed)
        {
            Updated++;
        }
        else
        {
            Added++;
        }
    }

    public bool Changed => Added + Updated + Ended > 0;

    public override string ToString() => $"{Added} added, {Updated} updated, {Ended} ended, {Unchanged} unchanged";

    /// <summary>Only the changes: "1 added, 2 ended".</summary>
    public string Counts() => string.Join(", ", new[] { (Added, "added"), (Updated, "updated"), (Ended, "ended") }
        .Where(c => c.Item1 > 0).Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Item1} {c.Item2}")));
}

internal sealed record ImportSummary(SectionChanges Lanes, SectionChanges Units, SectionChanges People, SectionChanges Mentorships, SectionChanges Circles)
{
    /// <summary>The career ladder is replaced whole: this says whether it differed.</summary>
    public bool LadderChanged { get; init; }

    public bool Changed => Lanes.Changed || Units.Changed || People.Changed || Mentorships.Changed || Circles.Changed || LadderChanged;

    /// <summary>What changed, as counts only (for the audit log): "people 1 added, 2 ended; pairings 2 ended".</summary>
    public override string ToString()
    {
        var changed = new[] { ("people", People), ("pairings", Mentorships), ("circles", Circles), ("units", Units), ("lanes", Lanes) }
            .Where(s => s.Item2.Changed).Select(s => $"{s.Item1} {s.Item2.Counts()}").ToList();
        if (LadderChanged)
        {
            changed.Add("ladder replaced");
        }

        return changed.Count == 0 ? "nothing changed" : string.Join("; ", changed);
    }
}

/// <summary>Who changed the map and how, recorded in the audit log with the import's counts appended to <see cref="Detail"/>.</summary>
internal sealed record AuditStamp(string Actor, string Action, string? Subject, string Detail);
