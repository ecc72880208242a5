using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.Booking;

internal static class BookingVerbs
{
    public const string Propose = "booking.propose";
    public const string Pick = "booking.pick";
    public const string Reschedule = "booking.reschedule";
    public const string Move = "booking.move";
    public const string Cancel = "booking.cancel";
    public const string Status = "booking.status";
}

internal static class BookingFields
{
    public const string With = "with";
    public const string Minutes = "minutes";
    public const string Source = "source";
    public const string Booking = "booking";
    public const string At = "at";
}

/// <summary>Someone to book time with: their id, name, and how they relate to the reader ("your mentor").</summary>
internal sealed record BookingCounterpart(string PersonId, string Name, string Relation);

/// <summary>What a booking card shows the reader: the booking, the other person's name, and times in the reader's zone.</summary>
internal sealed record BookingView(Booking Booking, string OtherName, string ReaderTimeZone, Language Language, Uri? IcsUrl = null, string? Notice = null);

/// <summary>Pure builders for every booking card: choose whom, pick a time, booked, pending, failed, cancelled.</summary>
internal static class BookingCard
{
    public static AdaptiveCard Chooser(IReadOnlyList<BookingCounterpart> people, int defaultMinutes, Language l)
    {
        var title = l.Pick("Book time together", "Reservar un rato juntos");
        if (people.Count == 0)
        {
            return Blocks.Card(title, [Blocks.Heading(title), Blocks.Paragraph(l.Pick(
                "You have no active mentor or mentee in the map to book with. Ask your programme admin if that's wrong.",
                "No tienes mentor ni persona mentorizada activa en el mapa. Si es un error, avisa a quien administra el programa."))]);
        }

        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            Blocks.Subtle(l.Pick("I'll find three times you are both free and put a Teams meeting on both calendars.", "Buscaré tres momentos en que estéis libres y pondré una reunión de Teams en ambos calendarios.")),
            new InputChoiceSet(BookingFields.Minutes, [.. new[] { 15, 30, 45, 60 }.Select(m => new Choice(l.Pick($"{m} minutes", $"{m} minutos"), m.ToString(System.Globalization.CultureInfo.InvariantCulture)))])
            {
                Label = l.Pick("How long", "Duración"),
                Style = ChoiceInputStyle.Compact,
                Value = defaultMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        body.AddRange(Blocks.Buttons([.. people.Select(p => new ExecuteAction(Title(p), BookingVerbs.Propose, new Dictionary<string, string> { [BookingFields.With] = p.PersonId }))]));
        return Blocks.Card(title, body);
    }

    /// <summary>"Megan Bowen (your mentor)"; with the first name only when the whole would not fit a phone.</summary>
    private static string Title(BookingCounterpart person)
    {
        var full = $"{person.Name} ({person.Relation})";
        return PhoneRow.FitsAlone(new ExecuteAction(full, BookingVerbs.Propose)) ? full : $"{Names.First(person.Name)} ({person.Relation})";
    }

    /// <summary>Three times to pick from (or fewer), each a button; <paramref name="moving"/> when rescheduling a booked meeting.</summary>
    public static AdaptiveCard Proposals(BookingView view, bool moving)
    {
        var l = view.Language;
        var booking = view.Booking;
        var title = moving ? l.Pick($"New times with {view.OtherName}", $"Nuevos horarios con {view.OtherName}") : l.Pick($"Times with {view.OtherName}", $"Horarios con {view.OtherName}");
        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            Blocks.Subtle(l.Pick($"{booking.Minutes} minutes, when you are both free. Times are in your time zone ({view.ReaderTimeZone}).", $"{booking.Minutes} minutos, cuando estáis libres. Horas en tu zona horaria ({view.ReaderTimeZone}).")),
        };
        AddNotice(body, view.Notice);
        if (booking.Proposals.Count == 0)
        {
            body.Add(Blocks.Paragraph(l.Pick(
                $"I couldn't find a shared free time in the next two weeks. Message {view.OtherName} to agree a time, or try a shorter meeting.",
                $"No he encontrado un hueco común en las próximas dos semanas. Escribe a {view.OtherName} para acordar un momento, o prueba una reunión más corta.")));
            return Blocks.Card(title, body, [Again(booking, l)]);
        }

        body.AddRange(Blocks.Buttons([.. booking.Proposals.Select(slot => new ExecuteAction(
            TimeText.Span(slot.Start, slot.End, view.ReaderTimeZone, l),
            moving ? BookingVerbs.Move : BookingVerbs.Pick,
            new Dictionary<string, string> { [BookingFields.Booking] = booking.Id, [BookingFields.At] = At(slot) }))]));
        body.Add(Blocks.Subtle(moving
            ? l.Pick("Picking one moves the meeting on both calendars.", "Al elegir uno, la reunión se mueve en ambos calendarios.")
            : l.Pick("Picking one books a Teams meeting on both calendars.", "Al elegir uno, se reserva una reunión de Teams en ambos calendarios.")));
        return Blocks.Card(title, body);
    }

    public static AdaptiveCard Booked(BookingView view)
    {
        var l = view.Language;
        var booking = view.Booking;
        var when = booking.Slot is { } slot ? TimeText.Span(slot.Start, slot.End, view.ReaderTimeZone, l) : string.Empty;
        var title = l.Pick($"Booked with {view.OtherName}", $"Reservado con {view.OtherName}");
        var body = new List<CardElement>
        {
            new Container([new TextBlock(title) { Weight = FontWeight.Bolder, Wrap = true }]) { Style = ContainerStyle.Good },
            new TextBlock(when) { Size = FontSize.Medium, Wrap = true },
            Blocks.Subtle(l.Pick($"A Teams meeting is on both calendars. Times are in your time zone ({view.ReaderTimeZone}).", $"Hay una reunión de Teams en ambos calendarios. Horas en tu zona horaria ({view.ReaderTimeZone}).")),
        };
        AddNotice(body, view.Notice);
        var actions = new List<CardAction>();
        if (Uri.TryCreate(booking.JoinUrl, UriKind.Absolute, out var join))
        {
            actions.Add(new OpenUrlAction(l.Pick("Join", "Unirse"), join));
        }

        if (view.IcsUrl is { } ics)
        {
            actions.Add(new OpenUrlAction(l.Pick("Download .ics", "Descargar .ics"), ics));
        }

        actions.Add(new ExecuteAction(l.Pick("Reschedule", "Cambiar hora"), BookingVerbs.Reschedule, Key(booking)));
        actions.Add(new ExecuteAction(l.Pick("Cancel", "Cancelar"), BookingVerbs.Cancel, Key(booking)));
        return Blocks.Card(title + ": " + when, body, actions);
    }

    public static AdaptiveCard Pending(BookingView view)
    {
        var l = view.Language;
        var title = l.Pick($"Booking your time with {view.OtherName}…", $"Reservando tu rato con {view.OtherName}…");
        return Blocks.Card(title,
        [
            Blocks.Heading(title),
            Blocks.Paragraph(l.Pick("The calendar is taking a moment. This card updates when it's done.", "El calendario tarda un poco. Esta tarjeta se actualizará al terminar.")),
        ],
        [new ExecuteAction(l.Pick("Check again", "Comprobar"), BookingVerbs.Status, Key(view.Booking))]);
    }

    /// <summary>The answer when the calendar is slow: shown at once, replaced when the work is done.</summary>
    public static AdaptiveCard Working(string? bookingId, Language l)
    {
        var title = l.Pick("Checking calendars…", "Consultando calendarios…");
        return Blocks.Card(title,
        [
            Blocks.Heading(title),
            Blocks.Paragraph(l.Pick("The calendar is taking a moment. This card updates when it's done.", "El calendario tarda un poco. Esta tarjeta se actualizará al terminar.")),
        ],
        bookingId is null ? null : [new ExecuteAction(l.Pick("Check again", "Comprobar"), BookingVerbs.Status, new Dictionary<string, string> { [BookingFields.Booking] = bookingId })]);
    }

    public static AdaptiveCard Failed(BookingView view)
    {
        var l = view.Language;
        var booking = view.Booking;
        var title = l.Pick("That time couldn't be booked", "No se pudo reservar ese momento");
        var when = booking.Slot is { } picked ? TimeText.Span(picked.Start, picked.End, view.ReaderTimeZone, l) : null;
        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            Blocks.Paragraph(when is null
                ? l.Pick(
                    "The calendar service didn't answer in time, so nothing was booked. Try again, or pick another time.",
                    "El servicio de calendario no respondió a tiempo, así que no se reservó nada. Vuelve a intentarlo o elige otro momento.")
                : l.Pick(
                    $"The calendar service didn't answer in time, so nothing was booked for {when}. Try that time again, or pick another.",
                    $"El servicio de calendario no respondió a tiempo, así que no se reservó nada para el {when}. Vuelve a intentarlo o elige otro momento.")),
        };
        AddNotice(body, view.Notice);
        var actions = new List<CardAction>();
        if (booking.Slot is { } slot)
        {
            // The time is in the text above: in the button it would be cut short on a phone.
            actions.Add(new ExecuteAction(l.Pick("Try again", "Reintentar"), BookingVerbs.Pick,
                new Dictionary<string, string> { [BookingFields.Booking] = booking.Id, [BookingFields.At] = At(slot) }));
        }

        actions.Add(Again(booking, l));
        return Blocks.Card(title, body, actions);
    }

    public static AdaptiveCard Cancelled(BookingView view)
    {
        var l = view.Language;
        var booking = view.Booking;
        var when = booking.Slot is { } slot ? TimeText.Span(slot.Start, slot.End, view.ReaderTimeZone, l) : string.Empty;
        var title = l.Pick($"Cancelled: {when} with {view.OtherName}", $"Cancelado: {when} con {view.OtherName}");
        return Blocks.Card(title,
        [
            Blocks.Heading(l.Pick("Meeting cancelled", "Reunión cancelada")),
            Blocks.Paragraph(l.Pick($"{when} with {view.OtherName} is off both calendars.", $"{when} con {view.OtherName} ya no está en los calendarios.")),
        ],
        [Again(booking, l)]);
    }

    /// <summary>Start again with the same person: fresh proposals.</summary>
    private static ExecuteAction Again(Booking booking, Language l) =>
        new(l.Pick("Find other times", "Buscar otros horarios"), BookingVerbs.Propose, new Dictionary<string, string>
        {
            [BookingFields.Booking] = booking.Id,
            [BookingFields.Minutes] = booking.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private static Dictionary<string, string> Key(Booking booking) => new() { [BookingFields.Booking] = booking.Id };

    private static string At(Slot slot) => slot.Start.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void AddNotice(List<CardElement> body, string? notice)
    {
        if (notice is not null)
        {
            body.Add(new Container([Blocks.Warning(notice)]) { Style = ContainerStyle.Warning });
        }
    }
}
