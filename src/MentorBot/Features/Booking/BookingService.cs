using MentorBot.Cards;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Booking;

/// <summary>
/// Books mentor and mentee time: proposes mutual free slots, books the picked one (checking it is still free, with a
/// fixed transaction id so it happens once), reschedules and cancels, and tells the other person. Every action is
/// checked against the map: only the two people in an active pairing may book, see or change their booking.
/// </summary>
internal sealed partial class BookingService(
    MapDirectory directory,
    BookingStore store,
    ICalendarProvider calendar,
    IcsLinks ics,
    IOptions<BookingOptions> options,
    TimeProvider time,
    ILogger<BookingService> logger)
{
    public const string UpdateKind = "booking-update";

    /// <summary>The <c>book</c> command: straight to times when the argument names one counterpart, else a chooser.</summary>
    public async Task<AdaptiveCard> StartAsync(PersonMap map, string arguments, Language l, CancellationToken cancellationToken)
    {
        var people = Counterparts(map, l);
        var wanted = arguments.Trim();
        if (wanted.Length > 0)
        {
            var match = people.Where(p => p.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase)
                || p.Name.Split(' ')[0].Equals(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 1)
            {
                return await ProposeAsync(map, match[0].PersonId, options.Value.DefaultMinutes, BookingSource.Command, null, l, cancellationToken);
            }
        }

        return BookingCard.Chooser(people, options.Value.DefaultMinutes, l);
    }

    /// <summary>Proposes times with <paramref name="withId"/>, who must be the caller's mentor or mentee in an active pairing.</summary>
    public async Task<AdaptiveCard> ProposeAsync(PersonMap map, string withId, int minutes, string source, string? cardHandle, Language l, CancellationToken cancellationToken)
    {
        var pairing = map.Mentorships.FirstOrDefault(m => m.Status == MentorshipStatus.Active
            && ((m.MentorId == map.Person.Id && m.MenteeId == withId) || (m.MenteeId == map.Person.Id && m.MentorId == withId)));
        if (pairing is null || await directory.FindByIdAsync(withId, cancellationToken) is not { } other)
        {
            Log.NotAPair(logger);
            return BookingCard.Chooser(Counterparts(map, l), options.Value.DefaultMinutes, l);
        }

        var mentor = pairing.MentorId == map.Person.Id ? map.Person : other;
        var mentee = pairing.MenteeId == map.Person.Id ? map.Person : other;
        var found = await FindSlotsAsync(mentor, mentee, minutes, map.Person.TimeZone, cancellationToken);
        var booking = new Booking(Guid.NewGuid().ToString("n"), pairing.Id, mentor.Id, mentee.Id, map.Person.Id, BookingSource.Normalise(source), minutes,
            BookingStatus.Proposed, found.Slots, null, null, null, null, calendar.Name, null, null, cardHandle, 0, time.GetUtcNow());
        await store.CreateAsync(booking, cancellationToken);
        Log.Proposed(logger, booking.Id, found.Slots.Count, calendar.Name);
        return BookingCard.Proposals(new BookingView(booking, other.Name, map.Person.TimeZone, l, Notice: found.Notice(l, other.Name)), moving: false);
    }

    /// <summary>Fresh proposals for an existing booking ("find other times").</summary>
    public async Task<AdaptiveCard> ProposeAgainAsync(PersonMap map, string bookingId, int minutes, string? cardHandle, Language l, CancellationToken cancellationToken) =>
        await store.GetAsync(bookingId, cancellationToken) is { } booking && booking.Involves(map.Person.Id)
            ? await ProposeAsync(map, booking.OtherThan(map.Person.Id), minutes, booking.Source, cardHandle, l, cancellationToken)
            : BookingCard.Chooser(Counterparts(map, l), options.Value.DefaultMinutes, l);

    /// <summary>Books the picked time. Safe to press twice, from two devices, or to retry after a failure.</summary>
    public async Task<AdaptiveCard> PickAsync(Person caller, string bookingId, long at, string? cardHandle, Language l, CancellationToken cancellationToken)
    {
        if (await AuthorisedAsync(caller, bookingId, cancellationToken) is not { } booking)
        {
            return Gone(l);
        }

        // After a failure only the same time may be tried again: the calendar has seen this booking's transaction id
        // with that time, and a different time under the same id would be refused (or leave the first meeting behind).
        var slot = booking.Status == BookingStatus.Failed
            ? booking.Slot?.Start.ToUnixTimeMilliseconds() == at ? booking.Slot : null
            : booking.Proposals.FirstOrDefault(s => s.Start.ToUnixTimeMilliseconds() == at);
        if (booking.Status is not (BookingStatus.Proposed or BookingStatus.Failed) || slot is null)
        {
            return await StateCardAsync(booking, caller, l, cancellationToken);
        }

        if (!await store.ClaimAsync(booking.Id, [BookingStatus.Proposed, BookingStatus.Failed], BookingStatus.Booking, slot, options.Value.Lease, cardHandle, cancellationToken))
        {
            return await StateCardAsync(await store.GetAsync(booking.Id, cancellationToken) ?? booking, caller, l, cancellationToken);
        }

        var done = await CompleteAsync(booking with { Status = BookingStatus.Booking, Slot = slot }, caller.Id, cancellationToken);
        return await StateCardAsync(done.Booking, caller, l, cancellationToken, done.Notice?.Invoke(l));
    }

    /// <summary>New times for a booked meeting; picking one moves it.</summary>
    public async Task<AdaptiveCard> RescheduleAsync(Person caller, string bookingId, Language l, CancellationToken cancellationToken)
    {
        if (await AuthorisedAsync(caller, bookingId, cancellationToken) is not { } booking)
        {
            return Gone(l);
        }

        if (booking.Status != BookingStatus.Booked)
        {
            return await StateCardAsync(booking, caller, l, cancellationToken);
        }

        var (mentor, mentee) = await PeopleAsync(booking, cancellationToken);
        var found = await FindSlotsAsync(mentor, mentee, booking.Minutes, caller.TimeZone, cancellationToken);
        await store.ProposeAsync(booking.Id, BookingStatus.Booked, BookingStatus.Booked, found.Slots, null, cancellationToken);
        var other = booking.OtherThan(caller.Id) == mentor.Id ? mentor : mentee;
        return BookingCard.Proposals(new BookingView(booking with { Proposals = found.Slots }, other.Name, caller.TimeZone, l, Notice: found.Notice(l, other.Name)), moving: true);
    }

    public async Task<AdaptiveCard> MoveAsync(Person caller, string bookingId, long at, Language l, CancellationToken cancellationToken)
    {
        if (await AuthorisedAsync(caller, bookingId, cancellationToken) is not { } booking)
        {
            return Gone(l);
        }

        var slot = booking.Proposals.FirstOrDefault(s => s.Start.ToUnixTimeMilliseconds() == at);
        if (booking.Status != BookingStatus.Booked || slot is null || booking.Slot is not { } old || booking.EventId is not { } eventId)
        {
            return await StateCardAsync(booking, caller, l, cancellationToken);
        }

        if (!await store.ClaimAsync(booking.Id, [BookingStatus.Booked], BookingStatus.Moving, slot, options.Value.Lease, null, cancellationToken))
        {
            return await StateCardAsync(await store.GetAsync(booking.Id, cancellationToken) ?? booking, caller, l, cancellationToken);
        }

        var (mentor, _) = await PeopleAsync(booking, cancellationToken);
        var outcome = await calendar.MoveAsync(Calendar(mentor), eventId, slot.Start, slot.End, cancellationToken);
        if (outcome is EventOutcome.Done or EventOutcome.Created)
        {
            await store.MarkBookedAsync(booking.Id, BookingStatus.Moving, slot, eventId, null, await TellingAsync([booking.OtherThan(caller.Id)], cancellationToken), cancellationToken);
            Log.Moved(logger, booking.Id);
            return await StateCardAsync(await store.GetAsync(booking.Id, cancellationToken) ?? booking, caller, l, cancellationToken);
        }

        await store.MarkProblemAsync(booking.Id, BookingStatus.Moving, BookingStatus.Booked, "move", old, cancellationToken);
        Log.CalendarRefused(logger, booking.Id, "move", outcome.GetType().Name);
        var notice = outcome is EventOutcome.Gone
            ? l.Pick("The meeting is no longer on the calendar (it may have been deleted in Outlook). Cancel it here and book a new time.", "La reunión ya no está en el calendario (quizá se borró en Outlook). Cancélala aquí y reserva otra.")
            : l.Pick("The calendar didn't answer, so the meeting stays at its old time. Try again in a minute.", "El calendario no respondió, así que la reunión sigue a la hora anterior. Inténtalo de nuevo en un minuto.");
        return await StateCardAsync(await store.GetAsync(booking.Id, cancellationToken) ?? booking, caller, l, cancellationToken, notice);
    }

    public async Task<AdaptiveCard> CancelAsync(Person caller, string bookingId, Language l, CancellationToken cancellationToken)
    {
        if (await AuthorisedAsync(caller, bookingId, cancellationToken) is not { } booking)
        {
            return Gone(l);
        }

        if (booking.Status != BookingStatus.Booked || booking.EventId is not { } eventId)
        {
            return await StateCardAsync(booking, caller, l, cancellationToken);
        }

        var (mentor, _) = await PeopleAsync(booking, cancellationToken);
        var outcome = await calendar.CancelAsync(Calendar(mentor), eventId, cancellationToken);
        if (outcome is EventOutcome.Failed)
        {
            Log.CalendarRefused(logger, booking.Id, "cancel", outcome.GetType().Name);
            return await StateCardAsync(booking, caller, l, cancellationToken,
                l.Pick("The calendar didn't answer, so the meeting is still booked. Try cancelling again in a minute.", "El calendario no respondió, así que la reunión sigue reservada. Vuelve a cancelar en un minuto."));
        }

        if (await store.MarkCancelledAsync(booking.Id, await TellingAsync([booking.OtherThan(caller.Id)], cancellationToken), cancellationToken))
        {
            Log.Cancelled(logger, booking.Id);
        }

        return await StateCardAsync(await store.GetAsync(booking.Id, cancellationToken) ?? booking, caller, l, cancellationToken);
    }

    /// <summary>The booking as it stands, for the caller ("check again", a stale card).</summary>
    public async Task<AdaptiveCard> StatusAsync(Person caller, string bookingId, Language l, CancellationToken cancellationToken) =>
        await AuthorisedAsync(caller, bookingId, cancellationToken) is { } booking ? await StateCardAsync(booking, caller, l, cancellationToken) : Gone(l);

    /// <summary>
    /// Finishes bookings an instance started and never finished (a crash, a restart): the same transaction id finds
    /// or creates the one meeting, and both people are told.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var booking in await store.AbandonedAsync(cancellationToken))
        {
            if (booking.Slot is not { } slot || !await store.ClaimAsync(booking.Id, [], booking.Status, slot, options.Value.Lease, null, cancellationToken))
            {
                continue;
            }

            Log.Recovering(logger, booking.Id, booking.Status);
            if (booking.Status == BookingStatus.Moving && booking.EventId is { } eventId)
            {
                var (mentor, _) = await PeopleAsync(booking, cancellationToken);
                var moved = await calendar.MoveAsync(Calendar(mentor), eventId, slot.Start, slot.End, cancellationToken);
                var both = await TellingAsync([booking.MentorId, booking.MenteeId], cancellationToken);
                _ = moved is EventOutcome.Done
                    ? await store.MarkBookedAsync(booking.Id, BookingStatus.Moving, slot, eventId, null, both, cancellationToken)
                    : await store.MarkProblemAsync(booking.Id, BookingStatus.Moving, BookingStatus.Booked, "move", slot, cancellationToken, both);
                continue;
            }

            // The requester pressed the button long ago: whatever the outcome, they are told too.
            await CompleteAsync(booking, booking.RequesterId, cancellationToken, alsoTell: booking.RequesterId);
        }
    }

    /// <summary>The card a person gets when a booking they are in changes (sent through the queue).</summary>
    public async Task<AdaptiveCard?> UpdateCardAsync(string reference, string personId, CancellationToken cancellationToken)
    {
        var bookingId = reference.Split(':')[0];
        var person = await directory.FindByIdAsync(personId, cancellationToken);
        var booking = await store.GetAsync(bookingId, cancellationToken);
        if (person is null || booking is null || !booking.Involves(personId) || booking.Status is BookingStatus.Booking or BookingStatus.Moving)
        {
            return null;
        }

        return await StateCardAsync(booking, person, Languages.From(person.Locale), cancellationToken);
    }

    /// <summary>
    /// Books the claimed slot, or proposes fresh times when it was taken meanwhile. The other person (and
    /// <paramref name="alsoTell"/>) hear of the outcome in the transaction that records it.
    /// </summary>
    private async Task<Completed> CompleteAsync(Booking booking, string requesterId, CancellationToken cancellationToken, string? alsoTell = null)
    {
        var told = alsoTell is null ? null : await TellingAsync([alsoTell], cancellationToken);
        var slot = booking.Slot!;
        var (mentor, mentee) = await PeopleAsync(booking, cancellationToken);
        var check = await calendar.GetAvailabilityAsync([Calendar(mentor), Calendar(mentee)], slot.Start, slot.End, cancellationToken);
        if (check is AvailabilityOutcome.Read read && read.People.Any(p => p.Busy.Any(b => b.Blocks && b.Start < slot.End && slot.Start < b.End)))
        {
            var reader = requesterId == mentor.Id ? mentor : mentee;
            var fresh = await FindSlotsAsync(mentor, mentee, booking.Minutes, reader.TimeZone, cancellationToken);
            await store.ProposeAsync(booking.Id, booking.Status, BookingStatus.Proposed, fresh.Slots, "taken", cancellationToken, told);
            Log.SlotTaken(logger, booking.Id);
            return new Completed(booking with { Status = BookingStatus.Proposed, Proposals = fresh.Slots }, l => l.Pick(
                "That time was just taken on one of your calendars. Here are fresh times.",
                "Ese momento se acaba de ocupar en uno de los calendarios. Aquí tienes otros."));
        }

        var created = check is AvailabilityOutcome.Failed failed
            ? new EventOutcome.Failed(failed.Reason)
            : await calendar.CreateAsync(new MeetingDraft(Calendar(mentor), Calendar(mentee), slot.Start, slot.End, $"Mentoring: {mentor.Name} and {mentee.Name}",
                booking.TransactionId ?? Booking.TransactionIdFor(booking.Id)), cancellationToken);
        if (created is EventOutcome.Created meeting)
        {
            await store.MarkBookedAsync(booking.Id, booking.Status, slot, meeting.EventId, meeting.JoinUrl,
                await TellingAsync([booking.OtherThan(requesterId), .. alsoTell is null ? Array.Empty<string>() : [alsoTell]], cancellationToken), cancellationToken);
            Log.Booked(logger, booking.Id, calendar.Name);
            return new Completed(await store.GetAsync(booking.Id, cancellationToken) ?? booking, null);
        }

        await store.MarkProblemAsync(booking.Id, booking.Status, BookingStatus.Failed, "calendar", null, cancellationToken, told);
        Log.CalendarRefused(logger, booking.Id, "create", created.GetType().Name);
        return new Completed(booking with { Status = BookingStatus.Failed }, null);
    }

    private async Task<AdaptiveCard> StateCardAsync(Booking booking, Person reader, Language l, CancellationToken cancellationToken, string? notice = null)
    {
        var otherId = booking.OtherThan(reader.Id);
        var otherName = (await directory.FindByIdAsync(otherId, cancellationToken))?.Name ?? l.Pick("your mentoring partner", "tu pareja de mentoría");
        var view = new BookingView(booking, otherName, reader.TimeZone, l, booking.EventId is { } id && calendar.OffersIcs ? ics.For(id) : null, notice);
        return booking.Status switch
        {
            BookingStatus.Booked => BookingCard.Booked(view),
            BookingStatus.Booking or BookingStatus.Moving => BookingCard.Pending(view),
            BookingStatus.Failed => BookingCard.Failed(view),
            BookingStatus.Cancelled => BookingCard.Cancelled(view),
            _ => BookingCard.Proposals(view, moving: false),
        };
    }

    private async Task<Booking?> AuthorisedAsync(Person caller, string bookingId, CancellationToken cancellationToken)
    {
        var booking = await store.GetAsync(bookingId, cancellationToken);
        if (booking is null || !booking.Involves(caller.Id))
        {
            Log.NotYours(logger);
            return null;
        }

        return booking;
    }

    private async Task<(Person Mentor, Person Mentee)> PeopleAsync(Booking booking, CancellationToken cancellationToken)
    {
        var mentor = await directory.FindByIdAsync(booking.MentorId, cancellationToken) ?? throw new InvalidOperationException("The booking's mentor left the map.");
        var mentee = await directory.FindByIdAsync(booking.MenteeId, cancellationToken) ?? throw new InvalidOperationException("The booking's mentee left the map.");
        return (mentor, mentee);
    }

    private async Task<FoundSlots> FindSlotsAsync(Person mentor, Person mentee, int minutes, string readerZone, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var from = time.GetUtcNow() + o.MinimumNotice;
        var to = from.AddDays(o.SearchDays);
        var read = await calendar.GetAvailabilityAsync([Calendar(mentor), Calendar(mentee)], from, to, cancellationToken);
        if (read is not AvailabilityOutcome.Read { People: var availability })
        {
            return new FoundSlots([], CalendarDown: true, []);
        }

        var attendees = new[] { mentor, mentee }.Select(person =>
        {
            var seen = availability.FirstOrDefault(a => a.PersonId == person.Id);
            var hours = seen?.WorkingHours;
            return new SlotAttendee(
                hours?.TimeZone ?? person.TimeZone,
                hours is null ? person.WorkingHours : new WorkingHours(hours.Days, hours.Start, hours.End),
                person.QuietHours,
                seen?.Busy ?? []);
        }).ToList();
        var lunch = o.LunchStart is { } start && o.LunchEnd is { } end ? new LocalTimeRange(start, end) : null;
        var slots = SlotFinder.Find(new SlotSearch(from, to, TimeSpan.FromMinutes(minutes), lunch), attendees, readerZone);
        var unreadable = availability.Where(a => !a.Readable).Select(a => a.PersonId == mentor.Id ? mentor.Name : mentee.Name).ToList();
        return new FoundSlots(slots, CalendarDown: false, unreadable);
    }

    /// <summary>
    /// The update cards for <paramref name="people"/> about a booking as it is once changed, each inside their working
    /// hours: the store queues them in the transaction that makes the change.
    /// </summary>
    private async Task<BookingCards> TellingAsync(IEnumerable<string> people, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var delays = new List<(string PersonId, TimeSpan Delay)>();
        foreach (var personId in people.Distinct(StringComparer.Ordinal))
        {
            var person = await directory.FindByIdAsync(personId, cancellationToken);
            delays.Add((personId, person is null ? TimeSpan.Zero : CheckInSlots.Place(now, person) - now));
        }

        return booking => delays.Select(d => new OutboxEntry(UpdateKind, $"{booking.Id}:{booking.Revision}:{booking.Status}", d.PersonId, d.Delay));
    }

    private static CalendarPerson Calendar(Person person) => new(person.Id, person.AadObjectId, person.Email, person.Name);

    private static IReadOnlyList<BookingCounterpart> Counterparts(PersonMap map, Language l) =>
    [
        .. map.AsMentee.Where(m => m.Status == MentorshipStatus.Active).Select(m => new BookingCounterpart(m.MentorId, map.NameOf(m.MentorId), Relationships.MentorShort(m.Kind, l))),
        .. map.AsMentor.Where(m => m.Status == MentorshipStatus.Active).Select(m => new BookingCounterpart(m.MenteeId, map.NameOf(m.MenteeId), Relationships.MenteeShort(m.Kind, l))),
    ];

    private static AdaptiveCard Gone(Language l)
    {
        var title = l.Pick("That booking isn't available", "Esa reserva no está disponible");
        return Blocks.Card(title, [Blocks.Heading(title), Blocks.Paragraph(l.Pick("It may belong to someone else or no longer exist. Type book to start again.", "Puede ser de otra persona o ya no existir. Escribe book para empezar de nuevo."))]);
    }

    private sealed record Completed(Booking Booking, Func<Language, string>? Notice);

    private sealed record FoundSlots(IReadOnlyList<Slot> Slots, bool CalendarDown, IReadOnlyList<string> Unreadable)
    {
        public string? Notice(Language l, string otherName) =>
            CalendarDown
                ? l.Pick("The calendar service isn't answering right now, so I can't see free times. Try again in a few minutes.", "El servicio de calendario no responde ahora y no puedo ver los huecos. Vuelve a intentarlo en unos minutos.")
                : Unreadable.Count > 0
                    ? l.Pick($"I couldn't read {string.Join(" and ", Unreadable)}'s calendar, so these times only fit working hours there. Check with {otherName} before you pick.", $"No pude leer el calendario de {string.Join(" y ", Unreadable)}; estos horarios solo respetan su jornada. Confírmalo con {otherName} antes de elegir.")
                    : null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7501, Level = LogLevel.Information, Message = "Booking {BookingId}: proposed {Count} times from {Calendar}.")]
        public static partial void Proposed(ILogger logger, string bookingId, int count, string calendar);

        [LoggerMessage(EventId = 7502, Level = LogLevel.Information, Message = "Booking {BookingId}: booked on {Calendar}.")]
        public static partial void Booked(ILogger logger, string bookingId, string calendar);

        [LoggerMessage(EventId = 7503, Level = LogLevel.Information, Message = "Booking {BookingId}: the picked time was taken; fresh times proposed.")]
        public static partial void SlotTaken(ILogger logger, string bookingId);

        [LoggerMessage(EventId = 7504, Level = LogLevel.Warning, Message = "Booking {BookingId}: the calendar refused to {Action} ({Outcome}); nothing half-done is kept.")]
        public static partial void CalendarRefused(ILogger logger, string bookingId, string action, string outcome);

        [LoggerMessage(EventId = 7505, Level = LogLevel.Information, Message = "Booking {BookingId}: moved.")]
        public static partial void Moved(ILogger logger, string bookingId);

        [LoggerMessage(EventId = 7506, Level = LogLevel.Information, Message = "Booking {BookingId}: cancelled.")]
        public static partial void Cancelled(ILogger logger, string bookingId);

        [LoggerMessage(EventId = 7507, Level = LogLevel.Warning, Message = "A booking action was refused: the caller is not in that booking.")]
        public static partial void NotYours(ILogger logger);

        [LoggerMessage(EventId = 7508, Level = LogLevel.Warning, Message = "A booking was asked for with someone who is not the caller's active mentor or mentee.")]
        public static partial void NotAPair(ILogger logger);

        [LoggerMessage(EventId = 7509, Level = LogLevel.Warning, Message = "Booking {BookingId}: finishing after a lease ran out (status {Status}).")]
        public static partial void Recovering(ILogger logger, string bookingId, string status);
    }
}
