using System.Text.Json;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Booking;

/// <summary>
/// Bookings. Every change of status is a conditional update on the status it expects, so a double click, a second
/// instance or the recovery sweep never both act on the same booking.
/// </summary>
internal sealed class BookingStore(Database database, TimeProvider time)
{
    private const string Columns =
        "id AS Id, mentorship_id AS MentorshipId, mentor_id AS MentorId, mentee_id AS MenteeId, requester_id AS RequesterId, source AS Source, minutes AS Minutes, " +
        "status AS Status, slots_json AS SlotsJson, slot_start_ms AS SlotStart, slot_end_ms AS SlotEnd, transaction_id AS TransactionId, event_id AS EventId, " +
        "join_url AS JoinUrl, provider AS Provider, lease_until_ms AS LeaseUntil, problem AS Problem, card_handle AS CardHandle, revision AS Revision, created_at_ms AS CreatedAt";

    public async Task CreateAsync(Booking booking, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await database.ExecuteAsync(
            """
            INSERT INTO bookings (id, mentorship_id, mentor_id, mentee_id, requester_id, source, minutes, status, slots_json, provider, card_handle, revision, created_at_ms, updated_at_ms)
            VALUES (@Id, @MentorshipId, @MentorId, @MenteeId, @RequesterId, @Source, @Minutes, @Status, @SlotsJson, @Provider, @CardHandle, 0, @Now, @Now)
            """,
            new
            {
                booking.Id,
                booking.MentorshipId,
                booking.MentorId,
                booking.MenteeId,
                booking.RequesterId,
                booking.Source,
                booking.Minutes,
                booking.Status,
                SlotsJson = Serialize(booking.Proposals),
                booking.Provider,
                booking.CardHandle,
                Now = now,
            },
            cancellationToken);
    }

    public async Task<Booking?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<BookingRow>(new CommandDefinition(
            $"SELECT {Columns} FROM bookings WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToBooking();
    }

    /// <summary>
    /// Takes the booking into <paramref name="to"/> (booking or moving) for the slot, under a lease, if it is in one of
    /// <paramref name="from"/>, or already in <paramref name="to"/> with an expired lease. False when someone else has it.
    /// </summary>
    public async Task<bool> ClaimAsync(string id, string[] from, string to, Slot slot, TimeSpan lease, string? cardHandle, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE bookings SET status = @to, slot_start_ms = @start, slot_end_ms = @end, transaction_id = COALESCE(transaction_id, @transaction),
                lease_until_ms = @lease, problem = NULL, card_handle = COALESCE(@cardHandle, card_handle), updated_at_ms = @now
            WHERE id = @id AND ({database.AnyOf("status", "from")} OR (status = @to AND lease_until_ms < @now))
            """,
            new
            {
                id,
                from,
                to,
                start = slot.Start.ToUnixTimeMilliseconds(),
                end = slot.End.ToUnixTimeMilliseconds(),
                transaction = Booking.TransactionIdFor(id),
                lease = (now + lease).ToUnixTimeMilliseconds(),
                cardHandle,
                now = now.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
        return rows == 1;
    }

    /// <summary>Fresh proposals (first ones, after "slot taken", or for a reschedule); <paramref name="status"/> is what the booking is left in.</summary>
    public Task<bool> ProposeAsync(string id, string expected, string status, IReadOnlyList<Slot> slots, string? problem, CancellationToken cancellationToken, BookingCards? queue = null) =>
        UpdateAsync(
            "status = @status, slots_json = @slots, problem = @problem, lease_until_ms = NULL",
            id,
            expected,
            new { status, slots = Serialize(slots), problem },
            bump: false,
            queue,
            cancellationToken);

    public Task<bool> MarkBookedAsync(string id, string expected, Slot slot, string eventId, string? joinUrl, BookingCards? queue, CancellationToken cancellationToken) =>
        UpdateAsync(
            "status = 'booked', slot_start_ms = @start, slot_end_ms = @end, event_id = @eventId, join_url = COALESCE(@joinUrl, join_url), lease_until_ms = NULL, problem = NULL",
            id,
            expected,
            new { start = slot.Start.ToUnixTimeMilliseconds(), end = slot.End.ToUnixTimeMilliseconds(), eventId, joinUrl },
            bump: true,
            queue,
            cancellationToken);

    /// <summary>The calendar refused: back to <paramref name="status"/> (failed, or booked at the old time for a move), saying why.</summary>
    public Task<bool> MarkProblemAsync(string id, string expected, string status, string problem, Slot? restore, CancellationToken cancellationToken, BookingCards? queue = null) =>
        UpdateAsync(
            restore is null
                ? "status = @status, problem = @problem, lease_until_ms = NULL"
                : "status = @status, problem = @problem, lease_until_ms = NULL, slot_start_ms = @start, slot_end_ms = @end",
            id,
            expected,
            new { status, problem, start = restore?.Start.ToUnixTimeMilliseconds(), end = restore?.End.ToUnixTimeMilliseconds() },
            bump: false,
            queue,
            cancellationToken);

    public Task<bool> MarkCancelledAsync(string id, BookingCards queue, CancellationToken cancellationToken) =>
        UpdateAsync("status = 'cancelled', lease_until_ms = NULL", id, BookingStatus.Booked, new { }, bump: true, queue, cancellationToken);

    /// <summary>Bookings an instance started and did not finish (it crashed or was stopped): their lease has run out.</summary>
    public async Task<IReadOnlyList<Booking>> AbandonedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<BookingRow>(new CommandDefinition(
            $"SELECT {Columns} FROM bookings WHERE status IN ('booking', 'moving') AND lease_until_ms < @now ORDER BY updated_at_ms LIMIT 50",
            new { now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken))).Select(r => r.ToBooking())];
    }

    /// <summary>Booked meetings between two people that have not ended, soonest first.</summary>
    public async Task<IReadOnlyList<Booking>> UpcomingAsync(string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<BookingRow>(new CommandDefinition(
            $"SELECT {Columns} FROM bookings WHERE (mentor_id = @personId OR mentee_id = @personId) AND status = 'booked' AND slot_end_ms > @now ORDER BY slot_start_ms LIMIT 10",
            new { personId, now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken))).Select(r => r.ToBooking())];
    }

    /// <summary>
    /// One change of state, from <paramref name="expected"/>; when it happens, the cards it announces (<paramref name="queue"/>,
    /// from the booking as changed) are queued in the same transaction.
    /// </summary>
    private Task<bool> UpdateAsync(string set, string id, string expected, object values, bool bump, BookingCards? queue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var parameters = new DynamicParameters(values);
        parameters.Add("id", id);
        parameters.Add("expected", expected);
        parameters.Add("now", now.ToUnixTimeMilliseconds());
        return database.WriteAsync(async (connection, transaction) =>
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE bookings SET {set}, updated_at_ms = @now{(bump ? ", revision = revision + 1" : string.Empty)} WHERE id = @id AND status = @expected",
                parameters,
                transaction)) == 1;
            if (changed && queue is not null)
            {
                var booking = (await connection.QuerySingleAsync<BookingRow>(new CommandDefinition($"SELECT {Columns} FROM bookings WHERE id = @id", new { id }, transaction))).ToBooking();
                await Outbox.OutboxStore.QueueAsync(connection, transaction, queue(booking), now, CancellationToken.None);
            }

            return changed;
        }, cancellationToken);
    }

    private static string Serialize(IReadOnlyList<Slot> slots) =>
        JsonSerializer.Serialize(slots.Select(s => new[] { s.Start.ToUnixTimeMilliseconds(), s.End.ToUnixTimeMilliseconds() }));

    private sealed class BookingRow
    {
        public string Id { get; init; } = string.Empty;

        public string MentorshipId { get; init; } = string.Empty;

        public string MentorId { get; init; } = string.Empty;

        public string MenteeId { get; init; } = string.Empty;

        public string RequesterId { get; init; } = string.Empty;

        public string Source { get; init; } = string.Empty;

        public long Minutes { get; init; }

        public string Status { get; init; } = string.Empty;

        public string SlotsJson { get; init; } = "[]";

        public long? SlotStart { get; init; }

        public long? SlotEnd { get; init; }

        public string? TransactionId { get; init; }

        public string? EventId { get; init; }

        public string? JoinUrl { get; init; }

        public string Provider { get; init; } = string.Empty;

        public long? LeaseUntil { get; init; }

        public string? Problem { get; init; }

        public string? CardHandle { get; init; }

        public long Revision { get; init; }

        public long CreatedAt { get; init; }

        public Booking ToBooking() => new(
            Id,
            MentorshipId,
            MentorId,
            MenteeId,
            RequesterId,
            Source,
            (int)Minutes,
            Status,
            [.. (JsonSerializer.Deserialize<long[][]>(SlotsJson) ?? []).Select(p => new Slot(DateTimeOffset.FromUnixTimeMilliseconds(p[0]), DateTimeOffset.FromUnixTimeMilliseconds(p[1])))],
            SlotStart is { } start && SlotEnd is { } end ? new Slot(DateTimeOffset.FromUnixTimeMilliseconds(start), DateTimeOffset.FromUnixTimeMilliseconds(end)) : null,
            TransactionId,
            EventId,
            JoinUrl,
            Provider,
            LeaseUntil is { } lease ? DateTimeOffset.FromUnixTimeMilliseconds(lease) : null,
            Problem,
            CardHandle,
            Revision,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
    }
}

/// <summary>The cards a change to a booking announces, from the booking as changed.</summary>
internal delegate IEnumerable<Outbox.OutboxEntry> BookingCards(Booking booking);
