using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.Pulses;

/// <summary>The <c>pulse create</c> form: audiences from the map, what was typed so far, and any problems.</summary>
internal sealed record PulseCreateForm(
    string PulseId,
    IReadOnlyList<(string Title, string Value)> Audiences,
    Language Language,
    IReadOnlyDictionary<string, string>? Draft = null,
    IReadOnlyList<string>? Problems = null);

/// <summary>An admin's form for a new pulse: a title, who is asked, how often, and one to five questions.</summary>
internal static class PulseCreateCard
{
    public static AdaptiveCard Build(PulseCreateForm form)
    {
        var l = form.Language;
        string? Typed(string key) => form.Draft is not null && form.Draft.TryGetValue(key, out var v) ? v : null;
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick("New pulse survey", "Nueva encuesta de pulso")),
            Blocks.Subtle(l.Pick(
                "One to five short questions, answered anonymously. Results are shown only above the programme's minimum number of answers.",
                "De una a cinco preguntas cortas, respondidas de forma anónima. Los resultados solo se muestran por encima del mínimo de respuestas del programa.")),
        };
        if (form.Problems is { Count: > 0 } problems)
        {
            body.Add(new Container([.. problems.Select(p => Blocks.Warning(p))]) { Style = ContainerStyle.Warning });
        }

        body.Add(new InputText(PulseFields.Title) { Label = l.Pick("Title", "Título"), Value = Typed(PulseFields.Title), MaxLength = PulseValidator.MaxTitleLength, IsRequired = true, ErrorMessage = l.Pick("Give it a title.", "Ponle un título.") });
        body.Add(new InputChoiceSet(PulseFields.Audience, [.. form.Audiences.Select(a => new Choice(a.Title, a.Value))])
        {
            Label = l.Pick("Who is asked", "A quién se pregunta"),
            Style = ChoiceInputStyle.Compact,
            Value = Typed(PulseFields.Audience) ?? PulseAudienceKind.Programme,
        });
        body.Add(new InputChoiceSet(PulseFields.Schedule,
        [
            new Choice(l.Pick("Once, starting now", "Una vez, desde ahora"), PulseSchedule.Once),
            new Choice(l.Pick("Every month, starting now", "Cada mes, desde ahora"), PulseSchedule.Monthly),
            new Choice(l.Pick("Every quarter, starting now", "Cada trimestre, desde ahora"), PulseSchedule.Quarterly),
        ])
        {
            Label = l.Pick("How often", "Con qué frecuencia"),
            Style = ChoiceInputStyle.Expanded,
            Value = Typed(PulseFields.Schedule) ?? PulseSchedule.Once,
        });
        for (var i = 1; i <= PulseFields.MaxQuestions; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            body.Add(new InputText(PulseFields.QuestionText(i))
            {
                Label = l.Pick($"Question {n}", $"Pregunta {n}") + (i == 1 ? string.Empty : l.Pick(" (optional)", " (opcional)")),
                Placeholder = i == 1 ? l.Pick("For example: I feel safe asking questions on my shift", "Por ejemplo: Me siento segura/o preguntando en mi turno") : null,
                Value = Typed(PulseFields.QuestionText(i)),
                MaxLength = PulseValidator.MaxQuestionLength,
                Separator = true,
                Spacing = Spacing.Medium,
            });
            body.Add(new InputChoiceSet(PulseFields.QuestionKind(i),
            [
                new Choice(l.Pick("Scale 1–5 (disagree to agree)", "Escala 1–5 (desacuerdo a acuerdo)"), PulseQuestionKind.Scale),
                new Choice(l.Pick("Choice", "Opción"), PulseQuestionKind.Choice),
                new Choice(l.Pick("Free text (optional to answer)", "Texto libre (opcional)"), PulseQuestionKind.Text),
            ])
            { Style = ChoiceInputStyle.Compact, Value = Typed(PulseFields.QuestionKind(i)) ?? PulseQuestionKind.Scale, Spacing = Spacing.Small });
            body.Add(new InputText(PulseFields.QuestionOptions(i))
            {
                Placeholder = l.Pick("For a choice: 2 to 6 options, separated by ;", "Para una opción: de 2 a 6 opciones, separadas por ;"),
                Value = Typed(PulseFields.QuestionOptions(i)),
                Spacing = Spacing.Small,
            });
        }

        return Blocks.Card(l.Pick("New pulse survey", "Nueva encuesta de pulso"), body,
            [new ExecuteAction(l.Pick("Create and send", "Crear y enviar"), PulseVerbs.Create, new Dictionary<string, string> { [PulseFields.Pulse] = form.PulseId })]);
    }

    /// <summary>After creating: where it went, and when it runs next.</summary>
    public static AdaptiveCard Created(string title, string pulseId, int asked, string closesWhen, string? nextWhen, Language l)
    {
        var heading = l.Pick($"Pulse created: {title}", $"Pulso creado: {title}");
        return Blocks.Card(heading,
        [
            Blocks.Heading(heading),
            Blocks.Facts(
                (l.Pick("Id", "Id"), pulseId),
                (l.Pick("Asked", "Enviado a"), l.Pick($"{asked} people, in their working hours", $"{asked} personas, en su horario laboral")),
                (l.Pick("Open until", "Abierto hasta"), closesWhen),
                (l.Pick("Next run", "Próxima edición"), nextWhen ?? l.Pick("none: it runs once", "ninguna: solo una vez"))),
            Blocks.Subtle(l.Pick(
                $"Type pulse results {pulseId} to see the results once enough people have answered. Those who haven't answered get one reminder.",
                $"Escribe pulse results {pulseId} para ver los resultados cuando hayan respondido suficientes personas. Quien no responda recibirá un recordatorio.")),
        ]);
    }
}
