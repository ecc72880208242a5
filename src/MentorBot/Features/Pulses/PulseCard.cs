using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.Pulses;

/// <summary>
/// Everything the pulse card shows: the run, its questions and the thresholds it promises. It never carries answers:
/// a problem is answered with a message, so no card holding someone's choices is ever built.
/// </summary>
internal sealed record PulseForm(
    string RunId,
    string Title,
    string? Intro,
    IReadOnlyList<PulseQuestion> Questions,
    string ClosesWhen,
    int MinResponses,
    int MinResponsesForComments,
    int MaxCommentLength,
    Language Language,
    bool IsReminder = false);

/// <summary>Scale labels, in both languages.</summary>
internal static class PulseWords
{
    public static string Scale(int value, Language l) => value switch
    {
        1 => l.Pick("Strongly disagree", "Muy en desacuerdo"),
        2 => l.Pick("Disagree", "En desacuerdo"),
        3 => l.Pick("Neither agree nor disagree", "Ni de acuerdo ni en desacuerdo"),
        4 => l.Pick("Agree", "De acuerdo"),
        _ => l.Pick("Strongly agree", "Muy de acuerdo"),
    };
}

/// <summary>
/// An anonymous pulse: a few statements to rate, choices, an optional comment, and in plain words what is kept (only
/// that you answered, apart from your answers) and when results are shown.
/// </summary>
internal static class PulseCard
{
    public static AdaptiveCard Build(PulseForm form)
    {
        var l = form.Language;
        var body = new List<CardElement>
        {
            Blocks.Heading(form.IsReminder ? l.Pick($"A gentle reminder: {form.Title}", $"Un recordatorio amable: {form.Title}") : form.Title),
        };
        if (form.Intro is { } intro)
        {
            body.Add(Blocks.Paragraph(intro));
        }

        body.Add(new Container([Blocks.Subtle(l.Pick(
            $"Anonymous: your answers are stored without your name or anything that links them to you. MentorBot notes only, separately, that you answered, so it doesn't ask twice. Results are shown once at least {form.MinResponses} people have answered, comments once {form.MinResponsesForComments} have. Open until {form.ClosesWhen}.",
            $"Anónima: tus respuestas se guardan sin tu nombre ni nada que las vincule contigo. MentorBot solo anota aparte que respondiste, para no preguntarte dos veces. Los resultados se muestran cuando respondan al menos {form.MinResponses} personas; los comentarios, cuando respondan {form.MinResponsesForComments}. Abierta hasta el {form.ClosesWhen}."))])
        { Style = ContainerStyle.Emphasis });
        foreach (var question in form.Questions)
        {
            body.Add(Input(question, form));
        }

        return Blocks.Card(form.Title, body,
            [new ExecuteAction(l.Pick("Send anonymously", "Enviar de forma anónima"), PulseVerbs.Answer, new Dictionary<string, string> { [PulseFields.Run] = form.RunId })]);
    }

    public static AdaptiveCard Thanks(string title, Language l) => Short(
        l.Pick("Thank you: your answers are in, anonymously", "Gracias: tus respuestas se guardaron de forma anónima"),
        l.Pick($"\"{title}\": your answers were added to the totals without your name. They can't be changed or traced back to you.",
            $"\"{title}\": tus respuestas se sumaron a los totales sin tu nombre. No se pueden cambiar ni vincular contigo."));

    public static AdaptiveCard AlreadyAnswered(string title, Language l) => Short(
        l.Pick("You've already answered this one", "Ya respondiste a esta"),
        l.Pick($"\"{title}\" counts one answer per person, and yours is in. Thank you.", $"\"{title}\" cuenta una respuesta por persona, y la tuya ya está. Gracias."));

    public static AdaptiveCard Closed(string title, Language l) => Short(
        l.Pick("This pulse has closed", "Esta encuesta se ha cerrado"),
        l.Pick($"\"{title}\" is no longer taking answers. The next one will come here.", $"\"{title}\" ya no acepta respuestas. La próxima llegará aquí."));

    private static AdaptiveCard Short(string heading, string text) => Blocks.Card(heading, [Blocks.Heading(heading), Blocks.Paragraph(text)]);

    private static CardElement Input(PulseQuestion question, PulseForm form)
    {
        var l = form.Language;
        return question.Kind switch
        {
            PulseQuestionKind.Text => new InputText(PulseFields.Answer(question.Id))
            {
                Label = question.Text,
                IsMultiline = true,
                MaxLength = form.MaxCommentLength,
                Placeholder = l.Pick("Optional. Please leave out names, including your own.", "Opcional. Por favor, no incluyas nombres, tampoco el tuyo."),
                Spacing = Spacing.Medium,
            },
            _ => new InputChoiceSet(PulseFields.Answer(question.Id), question.Kind == PulseQuestionKind.Scale
                ? [.. Enumerable.Range(1, 5).Select(n => new Choice($"{n.ToString(CultureInfo.InvariantCulture)} · {PulseWords.Scale(n, l)}", n.ToString(CultureInfo.InvariantCulture)))]
                : [.. question.Options.Select((o, i) => new Choice(o, (i + 1).ToString(CultureInfo.InvariantCulture)))])
            {
                Label = question.Text,
                Style = ChoiceInputStyle.Expanded,
                IsRequired = true,
                ErrorMessage = l.Pick("Please pick one.", "Elige una opción."),
                Spacing = Spacing.Medium,
            },
        };
    }
}
