using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// What a mentor sees of a mentee's check-in: only what the mentee shared. A private answer is not hinted at beyond
/// "kept private", so the mentor knows there is something they were not meant to read.
/// </summary>
internal static class MenteeCheckInCard
{
    /// <summary>
    /// The card, with the mentor's next steps: a short reply to the mentee, finding a time, and their own notes about
    /// the mentee. <paramref name="reply"/> says what was sent already, or what was typed and what is wrong with it.
    /// </summary>
    public static AdaptiveCard Build(
        string periodId, string menteeId, string menteeName, SharedCheckIn shared, Language l, MentorReplyState? reply = null, IReadOnlyList<string>? competencies = null)
    {
        var first = Names.First(menteeName);
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick($"{first} checked in", $"{first} ha enviado su seguimiento")),
        };

        var facts = new List<(string, string)>();
        if (shared.Confidence is { } confidence)
        {
            facts.Add((l.Pick("Confidence", "Confianza"), confidence.ToString(CultureInfo.InvariantCulture) + " / 5"));
        }

        if (shared.Load is { } load)
        {
            facts.Add((l.Pick("Load", "Carga"), load.ToString(CultureInfo.InvariantCulture) + " / 5"));
        }

        if (facts.Count > 0)
        {
            body.Add(Blocks.Facts([.. facts]));
        }

        Add(body, l.Pick("What they learned", "Lo que aprendió"), shared.Learned, l);
        Add(body, l.Pick("What they need", "Lo que necesita"), shared.Need, l);
        Add(body, l.Pick("Where they're stuck", "Dónde se atasca"), shared.Stuck, l);
        if (shared.WantsTime)
        {
            body.Add(new Container([Blocks.Paragraph(l.Pick($"**{first} would like time with you.**", $"**A {first} le gustaría tener un rato contigo.**"))]) { Style = ContainerStyle.Emphasis });
        }

        body.Add(Blocks.Subtle(l.Pick("You only see what they chose to share.", "Solo ves lo que decidió compartir.")));
        if (competencies is { Count: > 0 })
        {
            body.Add(new Container(
            [
                new TextBlock(l.Pick("Competencies in the lane they named, not yet validated:", "Competencias del área que mencionó, aún sin validar:")) { Weight = FontWeight.Bolder, Wrap = true },
                new TextBlock(string.Join("\n", competencies.Select(c => "- " + c))) { Wrap = true, Spacing = Spacing.Small },
                new ActionSet([new ExecuteAction(l.Pick($"Open {first}'s growth", $"Ver el crecimiento de {first}"), Growth.GrowthVerbs.Show, new Dictionary<string, string> { [Growth.GrowthFields.Person] = menteeId })]),
            ])
            { Spacing = Spacing.Medium });
        }

        if (reply?.Sent is { } sent)
        {
            body.Add(new Container(
            [
                new TextBlock(l.Pick($"You replied to {first}", $"Respondiste a {first}")) { Weight = FontWeight.Bolder },
                new TextBlock(sent) { Spacing = Spacing.None },
            ])
            { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }

        body.Add(new InputText(MentorReplyFields.Reply)
        {
            Label = reply?.Sent is null ? l.Pick($"A short reply to {first}", $"Una respuesta breve para {first}") : l.Pick("Another reply", "Otra respuesta"),
            Value = reply?.Typed,
            IsMultiline = true,
            MaxLength = MentorReplyFields.MaxLength,
            Placeholder = l.Pick("For example: thanks, let's talk it through on Thursday", "Por ejemplo: gracias, lo hablamos el jueves"),
            Spacing = Spacing.Medium,
        });
        if (reply?.Problem is { } problem)
        {
            body.Add(Blocks.Warning(problem));
        }

        return Blocks.Card(l.Pick($"{first} checked in", $"{first} ha enviado su seguimiento"), body,
        [
            new ExecuteAction(l.Pick("Send reply", "Enviar respuesta"), MentorReplyFields.Verb, new Dictionary<string, string> { [CheckInFields.Period] = periodId }),
            new ExecuteAction(l.Pick("Find a time", "Buscar un rato"), Booking.BookingVerbs.Propose,
                new Dictionary<string, string> { [Booking.BookingFields.With] = menteeId, [Booking.BookingFields.Source] = Booking.BookingSource.CheckIn }),
            new ExecuteAction(l.Pick("My notes", "Mis notas"), Reflections.ReflectionVerbs.ShowNotes, new Dictionary<string, string> { [Reflections.ReflectionFields.Mentee] = menteeId }),
        ]);
    }

    private static void Add(List<CardElement> body, string title, string? text, Language l)
    {
        body.Add(new Container(
        [
            new TextBlock(title) { Weight = FontWeight.Bolder },
            text is null
                ? new TextBlock(l.Pick("Kept private, or left blank.", "Privado o sin responder.")) { IsSubtle = true, Spacing = Spacing.None }
                : new TextBlock(text) { Spacing = Spacing.None },
        ])
        { Spacing = Spacing.Medium });
    }
}

/// <summary>The reply on a mentor's check-in card: what was sent already, or what was typed and what is wrong with it.</summary>
internal sealed record MentorReplyState(string? Sent, string? Typed = null, string? Problem = null);

internal static class MentorReplyFields
{
    public const string Verb = "checkin.reply";
    public const string Reply = "reply";
    public const int MaxLength = 500;
}
