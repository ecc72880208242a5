using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.Circles;

/// <summary>Everything the debrief card shows.</summary>
internal sealed record CircleDebriefForm(
    string DebriefId,
    string CircleName,
    string? LaneName,
    int People,
    DateTimeOffset ClosesAt,
    string ReaderTimeZone,
    Language Language,
    int MaxLength,
    CircleAnswer? Draft,
    string? Problem = null);

/// <summary>
/// The monthly circle debrief: what I learned, what I need, what I'm stuck on, and one switch for sharing the answers
/// with the circle (on by default). It says who will read them.
/// </summary>
internal static class CircleDebriefCard
{
    public static AdaptiveCard Build(CircleDebriefForm form)
    {
        var l = form.Language;
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick($"{form.CircleName}: monthly debrief", $"{form.CircleName}: reflexión mensual")),
            Blocks.Subtle(form.LaneName is null
                ? l.Pick("A few minutes, every answer optional.", "Unos minutos; todas las respuestas son opcionales.")
                : l.Pick($"This month's lane: {form.LaneName}. Every answer is optional.", $"Área de este mes: {form.LaneName}. Todas las respuestas son opcionales.")),
        };

        if (form.Problem is { } problem)
        {
            body.Add(new Container([Blocks.Warning(problem)]) { Style = ContainerStyle.Warning });
        }

        body.Add(Blocks.OptionalAnswer(CircleFields.Learned, l.Pick("What did I learn this month?", "¿Qué aprendí este mes?"), form.Draft?.Learned, form.MaxLength, l));
        body.Add(Blocks.OptionalAnswer(CircleFields.Need, l.Pick("What do I need from the circle?", "¿Qué necesito del círculo?"), form.Draft?.Need, form.MaxLength, l));
        body.Add(Blocks.OptionalAnswer(CircleFields.Stuck, l.Pick("What am I stuck on?", "¿Dónde me atasco?"), form.Draft?.Stuck, form.MaxLength, l));
        body.Add(new InputToggle(CircleFields.Shared, l.Pick($"Share my answers with the circle ({form.People} people)", $"Compartir mis respuestas con el círculo ({form.People} personas)"))
        {
            Value = form.Draft?.Shared == false ? "false" : "true",
            Spacing = Spacing.Medium,
        });
        body.Add(new Container([Blocks.Subtle(l.Pick(
            $"Who sees what: shared answers are read by the members and the facilitator of {form.CircleName}. Private answers are only yours. Leaders only see totals, never your words. " +
            $"You can change your answers until {TimeText.When(form.ClosesAt, form.ReaderTimeZone, l)}.",
            $"Quién ve qué: las respuestas compartidas las leen los miembros y quien facilita {form.CircleName}. Las privadas son solo tuyas. Los responsables solo ven totales, nunca tus palabras. " +
            $"Puedes cambiarlas hasta el {TimeText.When(form.ClosesAt, form.ReaderTimeZone, l)}."))])
        { Spacing = Spacing.Medium });

        var data = new Dictionary<string, string> { [CircleFields.Debrief] = form.DebriefId };
        return Blocks.Card(
            l.Pick($"{form.CircleName}: monthly debrief", $"{form.CircleName}: reflexión mensual"),
            body,
            [
                new ExecuteAction(l.Pick("Send my debrief", "Enviar mi reflexión"), CircleVerbs.Submit, data),
                new ExecuteAction(l.Pick("What the circle shared", "Lo que compartió el círculo"), CircleVerbs.View, data) { AssociatedInputs = AssociatedInputs.None },
            ]);
    }
}
