using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.Calibration;

internal static class CalibrationVerbs
{
    public const string Submit = "calibration.submit";
}

/// <summary>"Is this pairing working?", asked of mentor and mentee separately; the answer goes to programme admins only.</summary>
internal static class CalibrationCard
{
    public static AdaptiveCard Build(string mentorshipId, string otherName, DateOnly startDate, Language l, string? problem = null)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick("Is this pairing working?", "¿Funciona esta pareja de mentoría?")),
            Blocks.Paragraph(l.Pick(
                $"You and {otherName} have been paired since {Map.TimeText.Date(startDate, l)}. How well is it working for you?",
                $"{otherName} y tú formáis pareja desde el {Map.TimeText.Date(startDate, l)}. ¿Qué tal te está funcionando?")),
        };
        if (problem is not null)
        {
            body.Add(Blocks.Warning(problem));
        }

        body.Add(new InputChoiceSet("score", [.. Enumerable.Range(1, 5).Select(n => new Choice(ScoreLabel(n, l), n.ToString(CultureInfo.InvariantCulture)))])
        {
            Label = l.Pick("Your answer", "Tu respuesta"),
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            ErrorMessage = l.Pick("Pick one.", "Elige una opción."),
        });
        body.Add(new InputText("note") { Label = l.Pick("Anything the programme team should know? (optional)", "¿Algo que deba saber el equipo del programa? (opcional)"), IsMultiline = true, MaxLength = 500 });
        body.Add(Blocks.Subtle(l.Pick(
            $"Your answer goes to the programme admins only, not to {otherName}. A low score helps them offer a better match.",
            $"Tu respuesta va solo a la administración del programa, no a {otherName}. Una puntuación baja les ayuda a ofrecer una pareja mejor.")));
        return Blocks.Card(l.Pick("Is this pairing working?", "¿Funciona esta pareja de mentoría?"), body,
            [new ExecuteAction(l.Pick("Send", "Enviar"), CalibrationVerbs.Submit, new Dictionary<string, string> { ["mentorship"] = mentorshipId })]);
    }

    /// <summary>After a low score, the rater is offered time with the other person (never told what that person answered).</summary>
    public static AdaptiveCard Thanks(int score, Language l, string? otherId = null, string? otherName = null) => Blocks.Card(
        l.Pick("Thank you", "Gracias"),
        [
            Blocks.Heading(l.Pick("Thank you", "Gracias")),
            Blocks.Paragraph(score <= CalibrationService.LowScore
                ? l.Pick("Thanks for being honest. A programme admin will look at the pairing with you; you don't have to do anything now.",
                         "Gracias por tu sinceridad. La administración del programa revisará la pareja contigo; no tienes que hacer nada ahora.")
                : l.Pick("Glad to hear it. Keep going!", "Nos alegra saberlo. ¡Adelante!")),
        ],
        score <= CalibrationService.LowScore && otherId is not null && otherName is not null
            ? [new ExecuteAction(l.Pick($"Find a time with {Names.First(otherName)}", $"Buscar un rato con {Names.First(otherName)}"), Booking.BookingVerbs.Propose,
                new Dictionary<string, string> { [Booking.BookingFields.With] = otherId, [Booking.BookingFields.Source] = Booking.BookingSource.Calibration })]
            : null);

    internal static string ScoreLabel(int score, Language l) => score switch
    {
        1 => l.Pick("1 · Not working", "1 · No funciona"),
        2 => l.Pick("2 · Struggling", "2 · Con dificultades"),
        3 => l.Pick("3 · OK", "3 · Bien"),
        4 => l.Pick("4 · Working well", "4 · Funciona bien"),
        _ => l.Pick("5 · Working very well", "5 · Funciona muy bien"),
    };
}

/// <summary>What programme admins see when someone scores a pairing low.</summary>
internal static class CalibrationFlagCard
{
    public static AdaptiveCard Build(string mentorName, string menteeName, string lanes, string raterRole, int score, string? note, Language l)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick("A pairing may not be working", "Una pareja de mentoría podría no estar funcionando")),
            Blocks.Facts(
                (l.Pick("Mentor", "Mentor"), mentorName),
                (l.Pick("Mentee", "Persona mentorizada"), menteeName),
                (l.Pick("Lanes", "Áreas"), lanes),
                (l.Pick("Score", "Puntuación"), $"{CalibrationCard.ScoreLabel(score, l)} ({(raterRole == "mentor" ? l.Pick("from the mentor", "del mentor") : l.Pick("from the mentee", "de la persona mentorizada"))})")),
        };
        if (!string.IsNullOrWhiteSpace(note))
        {
            body.Add(new Container([new TextBlock(l.Pick("Their note", "Su nota")) { Weight = FontWeight.Bolder }, new TextBlock(note) { Spacing = Spacing.None }]) { Style = ContainerStyle.Emphasis });
        }

        body.Add(Blocks.Subtle(l.Pick("Consider a conversation with each of them, or a re-match. They were told only admins see this.", "Valora hablar con cada persona o proponer otra pareja. Se les dijo que solo la administración ve esto.")));
        return Blocks.Card(l.Pick("A pairing may not be working", "Una pareja de mentoría podría no estar funcionando"), body);
    }
}
