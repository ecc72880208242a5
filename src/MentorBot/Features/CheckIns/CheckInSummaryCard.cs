using System.Globalization;
using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.CheckIns;

/// <summary>What replaces the form once it is sent: the person's own answers, read-only, with who sees each.</summary>
internal static class CheckInSummaryCard
{
    public static AdaptiveCard Build(CheckInAnswer answer, string? mentorName, bool canEdit, DateTimeOffset closesAt, string readerTimeZone, Language l, int streak = 0, string? mentorId = null)
    {
        var mentor = mentorName ?? l.Pick("your mentor", "tu mentor");
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick("Thank you: your check-in is saved", "Gracias: tu seguimiento está guardado")),
            Blocks.Facts(
                (l.Pick("Confidence", "Confianza"), answer.Confidence.ToString(CultureInfo.InvariantCulture) + " / 5"),
                (l.Pick("Load", "Carga"), answer.Load.ToString(CultureInfo.InvariantCulture) + " / 5"),
                (l.Pick("Scores", "Puntuaciones"), Who(answer.ScoresShared, mentor, l))),
        };

        Add(body, l.Pick("What I learned", "Lo que aprendí"), answer.Learned, answer.LearnedShared, mentor, l);
        Add(body, l.Pick("What I need", "Lo que necesito"), answer.Need, answer.NeedShared, mentor, l);
        Add(body, l.Pick("Where I'm stuck", "Dónde me atasco"), answer.Stuck, answer.StuckShared, mentor, l);
        if (answer.WantsTime)
        {
            body.Add(Blocks.Paragraph(l.Pick($"You asked for time with {mentor}.", $"Has pedido un rato con {mentor}.")));
        }

        if (streak >= 2)
        {
            body.Add(new TextBlock(l.Pick($"{streak} check-ins in a row. Keep it going.", $"{streak} seguimientos seguidos. ¡Sigue así!")) { Color = TextColor.Good, Spacing = Spacing.Medium });
        }

        body.Add(Blocks.Subtle(canEdit
            ? l.Pick($"You can change it until {TimeText.When(closesAt, readerTimeZone, l)}.", $"Puedes cambiarlo hasta el {TimeText.When(closesAt, readerTimeZone, l)}.")
            : l.Pick("This check-in period has closed.", "Este periodo de seguimiento se ha cerrado.")));

        var actions = new List<CardAction>();
        if (answer.WantsTime && mentorId is not null)
        {
            actions.Add(new ExecuteAction(l.Pick($"Find a time with {Names.First(mentor)}", $"Buscar un rato con {Names.First(mentor)}"), Booking.BookingVerbs.Propose,
                new Dictionary<string, string> { [Booking.BookingFields.With] = mentorId, [Booking.BookingFields.Source] = Booking.BookingSource.CheckIn }));
        }

        if (canEdit)
        {
            actions.Add(new ExecuteAction(l.Pick("Edit my answers", "Editar mis respuestas"), CheckInVerbs.Edit, new Dictionary<string, string> { [CheckInFields.Period] = answer.PeriodId }));
        }

        actions.Add(new ExecuteAction(l.Pick("Raise a concern", "Plantear una preocupación"), Concerns.ConcernVerbs.Compose,
            new Dictionary<string, string> { [Concerns.ConcernFields.Source] = Concerns.ConcernFields.FromCheckIn }));

        return Blocks.Card(l.Pick("Your check-in is saved", "Tu seguimiento está guardado"), body, actions);
    }

    private static void Add(List<CardElement> body, string title, string? text, bool shared, string mentor, Language l)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        body.Add(new Container(
        [
            new TextBlock(title) { Weight = FontWeight.Bolder },
            new TextBlock(text) { Spacing = Spacing.None },
            new TextBlock(Who(shared, mentor, l)) { IsSubtle = true, Size = FontSize.Small, Spacing = Spacing.None },
        ])
        { Spacing = Spacing.Medium });
    }

    private static string Who(bool shared, string mentor, Language l) =>
        shared ? l.Pick($"Shared with {mentor}", $"Compartido con {mentor}") : l.Pick("Private to you", "Solo para ti");
}
