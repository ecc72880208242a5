using System.Globalization;
using Dapper;
using MentorBot.Features.Map;
using MentorBot.Persistence;

namespace MentorBot.Features.Booking;

/// <summary>
/// The embedded calendar, used when Graph is not configured: each person's weekly busy pattern (the demo seeds a
/// plausible week) plus the meetings MentorBot created, all in the database. It behaves like Graph where it matters:
/// a transaction id never creates two events, and created meetings show as busy.
/// </summary>
internal sealed class LocalCalendar(Database database, MapDirectory directory, TimeProvider time) : ICalendarProvider
{
    public string Name => "the local calendar";

    public bool OffersIcs => true;

    public async Task<AvailabilityOutcome> GetAvailabilityAsync(IReadOnlyList<CalendarPerson> people, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var ids = people.Select(p => p.PersonId).ToArray();
        await using var connection = await database.OpenAsync(cancellationToken);
        var blocks = (await connection.QueryAsync<BlockRow>(new CommandDefinition(
            $"SELECT person_id AS PersonId, weekday AS Weekday, start_local AS StartLocal, end_local AS EndLocal, kind AS Kind FROM local_calendar_blocks WHERE {database.AnyOf("person_id", "ids")}",
            new { ids },
            cancellationToken: cancellationToken))).ToList();
        var events = (await connection.QueryAsync<(string Organizer, string Attendee, long Start, long End)>(new CommandDefinition(
            $"""
            SELECT organizer_id, attendee_id, start_ms, end_ms FROM local_calendar_events
            WHERE status = 'active' AND start_ms < @to AND end_ms > @from AND ({database.AnyOf("organizer_id", "ids")} OR {database.AnyOf("attendee_id", "ids")})
            """,
            new { ids, from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken))).ToList();
        var zones = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            zones[id] = (await directory.FindByIdAsync(id, cancellationToken))?.TimeZone ?? "UTC";
        }

        return new AvailabilityOutcome.Read([.. people.Select(person =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zones.GetValueOrDefault(person.PersonId, "UTC"));
            var busy = Expand(blocks.Where(b => b.PersonId == person.PersonId), zone, from, to)
                .Concat(events.Where(e => e.Organizer == person.PersonId || e.Attendee == person.PersonId)
                    .Select(e => new BusyBlock(DateTimeOffset.FromUnixTimeMilliseconds(e.Start), DateTimeOffset.FromUnixTimeMilliseconds(e.End), BusyKind.Busy)))
                .OrderBy(b => b.Start)
                .ToList();
            return new Availability(person.PersonId, busy, null);
        })]);
    }

    public async Task<EventOutcome> CreateAsync(MeetingDraft draft, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("n");
        await database.ExecuteAsync(
            """
            INSERT INTO local_calendar_events (id, organizer_id, attendee_id, start_ms, end_ms, subject, transaction_id, join_url, status, created_at_ms)
            VALUES (@id, @organizer, @attendee, @start, @end, @subject, @transaction, @joinUrl, 'active', @now)
            ON CONFLICT (transaction_id) DO NOTHING
            """,
            new
            {
                id,
                organizer = draft.Organizer.PersonId,
                attendee = draft.Attendee.PersonId,
                start = draft.Start.ToUnixTimeMilliseconds(),
                end = draft.End.ToUnixTimeMilliseconds(),
                subject = draft.Subject,
                transaction = draft.TransactionId,
                joinUrl = $"https://teams.microsoft.com/l/meetup-join/local-{id}",
                now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            },
            cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var created = await connection.QuerySingleAsync<(string Id, string JoinUrl)>(new CommandDefinition(
            "SELECT id, join_url FROM local_calendar_events WHERE transaction_id = @transaction",
            new { transaction = draft.TransactionId },
            cancellationToken: cancellationToken));
        return new EventOutcome.Created(created.Id, created.JoinUrl, null);
    }

    public async Task<EventOutcome> MoveAsync(CalendarPerson organizer, string eventId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var rows = await database.ExecuteAsync(
            "UPDATE local_calendar_events SET start_ms = @start, end_ms = @end WHERE id = @eventId AND organizer_id = @organizer AND status = 'active'",
            new { eventId, organizer = organizer.PersonId, start = start.ToUnixTimeMilliseconds(), end = end.ToUnixTimeMilliseconds() },
            cancellationToken);
        return rows == 1 ? new EventOutcome.Done() : new EventOutcome.Gone();
    }

    public async Task<EventOutcome> CancelAsync(CalendarPerson organizer, string eventId, CancellationToken cancellationToken)
    {
        var rows = await database.ExecuteAsync(
            "UPDATE local_calendar_events SET status = 'cancelled' WHERE id = @eventId AND organizer_id = @organizer AND status = 'active'",
            new { eventId, organizer = organizer.PersonId },
            cancellationToken);
        return rows == 1 ? new EventOutcome.Done() : new EventOutcome.Gone();
    }

    /// <summary>A created meeting, for the .ics download. Null when unknown or cancelled.</summary>
    public async Task<LocalEvent?> FindEventAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string Organizer, string Attendee, long Start, long End, string Subject, string JoinUrl, string Status)>(new CommandDefinition(
            "SELECT id, organizer_id, attendee_id, start_ms, end_ms, subject, join_url, status FROM local_calendar_events WHERE id = @eventId",
            new { eventId },
            cancellationToken: cancellationToken));
        return row.Id is null || row.Status != "active"
            ? null
            : new LocalEvent(row.Id, row.Organizer, row.Attendee, DateTimeOffset.FromUnixTimeMilliseconds(row.Start), DateTimeOffset.FromUnixTimeMilliseconds(row.End), row.Subject, row.JoinUrl);
    }

    public async Task<bool> HasBlocksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM local_calendar_blocks", cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Replaces the weekly busy pattern of the given people (the demo seeder, tests).</summary>
    public async Task SetWeeklyBlocksAsync(IReadOnlyList<WeeklyBlock> blocks, CancellationToken cancellationToken)
    {
        await database.WriteAsync(async (connection, transaction) =>
        {
            var people = blocks.Select(b => b.PersonId).Distinct(StringComparer.Ordinal).ToArray();
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM local_calendar_blocks WHERE {database.AnyOf("person_id", "people")}", new { people }, transaction, cancellationToken: cancellationToken));
            foreach (var block in blocks)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO local_calendar_blocks (id, person_id, weekday, start_local, end_local, kind, label) VALUES (@id, @person, @weekday, @start, @end, @kind, @label)",
                    new
                    {
                        id = Guid.NewGuid().ToString("n"),
                        person = block.PersonId,
                        weekday = (int)block.Day,
                        start = block.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
                        end = block.End.ToString("HH:mm", CultureInfo.InvariantCulture),
                        kind = block.Kind.ToString(),
                        label = block.Label,
                    },
                    transaction,
                    cancellationToken: cancellationToken));
            }
            return true;
        }, cancellationToken);
    }

    private static IEnumerable<BusyBlock> Expand(IEnumerable<BlockRow> blocks, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var list = blocks.ToList();
        if (list.Count == 0)
        {
            yield break;
        }

        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            foreach (var block in list.Where(b => b.Weekday == (int)day.DayOfWeek))
            {
                var start = TimeOnly.ParseExact(block.StartLocal, "HH:mm", CultureInfo.InvariantCulture);
                var end = TimeOnly.ParseExact(block.EndLocal, "HH:mm", CultureInfo.InvariantCulture);
                var startUtc = SlotFinder.ToUtc(day.ToDateTime(start), zone);
                var endUtc = SlotFinder.ToUtc((end <= start ? day.AddDays(1) : day).ToDateTime(end), zone);
                if (startUtc < to && endUtc > from)
                {
                    yield return new BusyBlock(startUtc, endUtc, Enum.TryParse<BusyKind>(block.Kind, out var kind) ? kind : BusyKind.Busy);
                }
            }
        }
    }

    private sealed class BlockRow
    {
        public string PersonId { get; init; } = string.Empty;

        public long Weekday { get; init; }

        public string StartLocal { get; init; } = string.Empty;

        public string EndLocal { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;
    }
}

/// <summary>A recurring weekly busy block in a person's local time.</summary>
internal sealed record WeeklyBlock(string PersonId, DayOfWeek Day, TimeOnly Start, TimeOnly End, BusyKind Kind, string Label);

/// <summary>A meeting in the local calendar.</summary>
internal sealed record LocalEvent(string Id, string OrganizerId, string AttendeeId, DateTimeOffset Start, DateTimeOffset End, string Subject, string JoinUrl);
