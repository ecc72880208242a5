using MentorBot.Cards;

namespace MentorBot.Features.Coaching;

/// <summary>What has happened to a prompt card, shown under it after an action.</summary>
internal enum CoachingCardState
{
    Fresh,
    Useful,
    NotUseful,
    RemindTomorrow,
    TalkRequested,
    Reminder,
}

/// <summary>
/// A micro-coaching prompt: the point, one question, maybe a tiny practice, and four small actions: useful, not
/// useful, try it tomorrow, talk it through with my mentor. The prompt texts are English content.
/// </summary>
internal static class CoachingCard
{
    public static AdaptiveCard Build(CoachingPrompt prompt, string laneName, string? why, string deliveryId, CoachingCardState state, string? mentorName, Language l, string? mentorId = null)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading(state == CoachingCardState.Reminder ? l.Pick($"Today's practice: {laneName}", $"Práctica de hoy: {laneName}") : l.Pick($"A thought on {laneName}", $"Una idea sobre {laneName}")),
        };
        if (why is not null)
        {
            body.Add(Blocks.Subtle(why));
        }

        body.Add(Blocks.Paragraph(prompt.Text));
        body.Add(new Container([new TextBlock(prompt.Question) { Weight = FontWeight.Bolder }]) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        if (prompt.Practice is { } practice)
        {
            body.Add(new TextBlock($"**{l.Pick("Try on your next shift", "Prueba en tu próximo turno")}:** {practice}") { Spacing = Spacing.Medium });
        }

        if (Note(state, mentorName, l) is { } note)
        {
            body.Add(new Container([Blocks.Paragraph(note)]) { Style = ContainerStyle.Good, Spacing = Spacing.Medium });
        }

        var data = new Dictionary<string, string> { [CoachingVerbs.Delivery] = deliveryId };
        List<CardAction> actions = state is CoachingCardState.Useful or CoachingCardState.NotUseful
            ? []
            : [new ExecuteAction(l.Pick("Useful", "Útil"), CoachingVerbs.Useful, data), new ExecuteAction(l.Pick("Not useful", "No me sirve"), CoachingVerbs.NotUseful, data)];
        if (state is not (CoachingCardState.RemindTomorrow or CoachingCardState.Reminder))
        {
            actions.Add(new ExecuteAction(l.Pick("Try it (remind me tomorrow)", "Probarlo (recuérdamelo mañana)"), CoachingVerbs.TryIt, data));
        }

        if (state != CoachingCardState.TalkRequested && mentorName is not null)
        {
            actions.Add(new ExecuteAction(l.Pick("Talk it through with my mentor", "Hablarlo con mi mentor"), CoachingVerbs.Talk, data));
        }

        if (state == CoachingCardState.TalkRequested && mentorId is not null)
        {
            // Talking it through starts booking: three shared free times with the mentor.
            actions.Add(new ExecuteAction(l.Pick($"Find a time with {(mentorName is null ? "my mentor" : Names.First(mentorName))}", $"Buscar un rato con {(mentorName is null ? "mi mentor" : Names.First(mentorName))}"), Booking.BookingVerbs.Propose,
                new Dictionary<string, string> { [Booking.BookingFields.With] = mentorId, [Booking.BookingFields.Source] = Booking.BookingSource.Coaching }));
        }

        return Blocks.Card(l.Pick($"A thought on {laneName}", $"Una idea sobre {laneName}"), body, actions);
    }

    /// <summary>What the mentor receives when a mentee asks to talk a prompt through: the prompt, never the mentee's words.</summary>
    public static AdaptiveCard TalkRequest(string menteeName, CoachingPrompt prompt, string laneName, Language l)
    {
        var first = Names.First(menteeName);
        return Blocks.Card(
            l.Pick($"{first} would like to talk something through", $"A {first} le gustaría hablar de algo"),
            [
                Blocks.Heading(l.Pick($"{first} would like to talk something through", $"A {first} le gustaría hablar de algo")),
                Blocks.Subtle(l.Pick($"A coaching prompt on {laneName} they received:", $"Una propuesta sobre {laneName} que recibió:")),
                Blocks.Paragraph(prompt.Text),
                new TextBlock(prompt.Question) { Weight = FontWeight.Bolder, Spacing = Spacing.Medium },
                Blocks.Subtle(l.Pick("Raise it at your next check-in, or find a few minutes before then.", "Sácalo en vuestro próximo seguimiento o buscad unos minutos antes.")),
            ]);
    }

    private static string? Note(CoachingCardState state, string? mentorName, Language l) => state switch
    {
        CoachingCardState.Useful => l.Pick("Thanks, noted as useful. It helps us choose better prompts.", "Gracias, anotado como útil. Nos ayuda a elegir mejores propuestas."),
        CoachingCardState.NotUseful => l.Pick("Thanks, noted. You'll get something different next time.", "Gracias, anotado. La próxima vez recibirás algo distinto."),
        CoachingCardState.RemindTomorrow => l.Pick("I'll remind you at the start of your next working day.", "Te lo recordaré al empezar tu próxima jornada."),
        CoachingCardState.TalkRequested => l.Pick($"I've let {mentorName ?? "your mentor"} know you'd like to talk it through.", $"He avisado a {mentorName ?? "tu mentor"} de que te gustaría hablarlo."),
        _ => null,
    };
}

/// <summary>For programme admins: how each prompt is received. Counts only, never who.</summary>
internal static class CoachingReportCard
{
    public const int Listed = 12;

    public static AdaptiveCard Build(IReadOnlyList<PromptFeedback> rows, Language l)
    {
        string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick("Coaching prompts: how they land", "Propuestas de coaching: cómo se reciben")),
            Blocks.Facts(
                (l.Pick("Prompts sent", "Propuestas enviadas"), N(rows.Sum(r => r.Sent))),
                (l.Pick("Rated useful", "Valoradas útiles"), N(rows.Sum(r => r.Useful))),
                (l.Pick("Rated not useful", "Valoradas no útiles"), N(rows.Sum(r => r.NotUseful)))),
        };
        if (rows.Count == 0)
        {
            body.Add(Blocks.Paragraph(l.Pick("No prompts have been sent yet.", "Todavía no se ha enviado ninguna propuesta.")));
        }

        foreach (var row in rows.OrderByDescending(r => r.NotUseful + r.Useful).ThenByDescending(r => r.Sent).ThenBy(r => r.PromptId, StringComparer.Ordinal).Take(Listed))
        {
            body.Add(new TextBlock($"**{row.PromptId}** · {l.Pick("sent", "enviada")} {N(row.Sent)} · {l.Pick("useful", "útil")} {N(row.Useful)} · {l.Pick("not useful", "no útil")} {N(row.NotUseful)}") { Spacing = Spacing.Small });
        }

        if (rows.Count > Listed)
        {
            body.Add(Blocks.Subtle(l.Pick($"…and {rows.Count - Listed} more prompts.", $"…y {rows.Count - Listed} propuestas más.")));
        }

        return Blocks.Card(l.Pick("Coaching prompts: how they land", "Propuestas de coaching: cómo se reciben"), body);
    }
}
