using System.Data.Common;
using Dapper;

namespace MentorBot.Features.Map;

/// <summary>
/// Keeps what changed about each person across imports: joined, level, step, unit, left (with the reason) and
/// returned. Outcomes read it for retention and promotion. Rows are only ever added.
/// </summary>
internal static class PersonHistory
{
    public const string Joined = "joined";
    public const string LevelChange = "level";
    public const string StepChange = "step";
    public const string UnitChange = "unit";
    public const string LeftChange = "left";
    public const string Returned = "returned";

    /// <summary>The people as they were before the import, to compare after it.</summary>
    internal sealed record Before(IReadOnlyDictionary<string, (string Level, string? Step, string? Unit, bool Active)> People);

    public static async Task<Before> BeforeImportAsync(DbConnection c, DbTransaction t, MentorshipMap map, long now, DateOnly today, CancellationToken cancellationToken)
    {
        var existing = (await c.QueryAsync<(string Id, string Level, string? Step, string? Unit, long Active)>(new CommandDefinition(
                "SELECT id, level, step_id, unit_id, active FROM map_people", transaction: t, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Id, r => (r.Level, r.Step, r.Unit, Active: r.Active == 1), StringComparer.Ordinal);
        var rows = new List<object>();
        foreach (var person in map.People)
        {
            var level = person.Level.ToString().ToLowerInvariant();
            if (!existing.TryGetValue(person.Id, out var was))
            {
                rows.Add(Row(person.Id, now, person.FirstShiftOrStart ?? today, Joined, null, level));
                continue;
            }

            if (!was.Active)
            {
                rows.Add(Row(person.Id, now, today, Returned, null, level));
            }

            if (was.Level != level)
            {
                rows.Add(Row(person.Id, now, today, LevelChange, was.Level, level));
            }

            if (was.Step != person.StepId)
            {
                rows.Add(Row(person.Id, now, today, StepChange, was.Step, person.StepId));
            }

            if (was.Unit != person.UnitId)
            {
                rows.Add(Row(person.Id, now, today, UnitChange, was.Unit, person.UnitId));
            }
        }

        await InsertAsync(c, t, rows);
        return new Before(existing);
    }

    /// <summary>
    /// Records who left and why: people the file marks as left get its date and reason; people it simply no longer
    /// lists get today and "unspecified". Returns how many left without a reason.
    /// </summary>
    public static async Task<int> AfterImportAsync(DbConnection c, DbTransaction t, MentorshipMap map, Before before, long now, DateOnly today, CancellationToken cancellationToken)
    {
        var listed = map.People.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var leavers = map.Leavers.ToDictionary(f => f.Person.Id, StringComparer.Ordinal);
        var unexplained = before.People.Where(p => p.Value.Active && !listed.Contains(p.Key) && !leavers.ContainsKey(p.Key)).Select(p => p.Key).ToList();
        var rows = unexplained.Select(id => Row(id, now, today, LeftChange, null, LadderNames.Name(EndReason.Unspecified))).ToList();
        await c.ExecuteAsync(
            "UPDATE map_people SET left_on = @On, end_reason = 'unspecified' WHERE id = @Id",
            unexplained.Select(id => new { Id = id, On = MapValues.DateText(today) }), t);

        foreach (var former in map.Leavers)
        {
            var person = former.Person;
            var known = before.People.TryGetValue(person.Id, out var was);
            if (!known)
            {
                rows.Add(Row(person.Id, now, person.FirstShiftOrStart ?? former.LeftOn, Joined, null, person.Level.ToString().ToLowerInvariant()));
            }

            if (!known || was.Active)
            {
                rows.Add(Row(person.Id, now, former.LeftOn, LeftChange, null, LadderNames.Name(former.Reason)));
            }

            var parameters = new DynamicParameters(MapRows.PersonParameters(person, now));
            parameters.Add("LeftOn", MapValues.DateText(former.LeftOn));
            parameters.Add("Reason", LadderNames.Name(former.Reason));
            await c.ExecuteAsync(
                """
                INSERT INTO map_people (id, aad_object_id, name, email, level, unit_id, manager_id, time_zone, working_days, work_start, work_end,
                    quiet_start, quiet_end, start_date, locale, mentor_capacity, teaches, is_admin, active, updated_at_ms, ended_at_ms, needs, step_id,
                    first_shift, left_on, end_reason)
                VALUES (@Id, @AadObjectId, @Name, @Email, @Level, @UnitId, @ManagerId, @TimeZone, @WorkingDays, @WorkStart, @WorkEnd,
                    @QuietStart, @QuietEnd, @StartDate, @Locale, @MentorCapacity, @Teaches, @IsAdmin, 0, @Now, @Now, @Needs, @StepId,
                    @FirstShift, @LeftOn, @Reason)
                ON CONFLICT (id) DO UPDATE SET active = 0, ended_at_ms = COALESCE(map_people.ended_at_ms, excluded.ended_at_ms),
                    updated_at_ms = excluded.updated_at_ms, left_on = excluded.left_on, end_reason = excluded.end_reason,
                    start_date = excluded.start_date, first_shift = excluded.first_shift, unit_id = excluded.unit_id, step_id = excluded.step_id
                """,
                parameters,
                t);
        }

        await InsertAsync(c, t, rows);
        return unexplained.Count;
    }

    private static object Row(string personId, long now, DateOnly on, string change, string? from, string? to) => new
    {
        Id = Guid.NewGuid().ToString("N"), PersonId = personId, Now = now, On = MapValues.DateText(on), Change = change, From = from, To = to,
    };

    private static Task InsertAsync(DbConnection c, DbTransaction t, List<object> rows) => rows.Count == 0
        ? Task.CompletedTask
        : c.ExecuteAsync(
            "INSERT INTO person_history (id, person_id, at_ms, on_date, change, from_value, to_value) VALUES (@Id, @PersonId, @Now, @On, @Change, @From, @To)",
            rows, t);
}
