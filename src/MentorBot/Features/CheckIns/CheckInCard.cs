using System.Globalization;
using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// The check-in form: three optional questions worded for the person's onboarding phase, each with its own
/// "share with my mentor" switch (on by default), confidence and load as compact 1–5 choices, and a request for time.
/// It says plainly who will see what, and offers an explicit way to raise a concern after sending (never a silent one).
/// </summary>
internal static class CheckInCard
{
    public static AdaptiveCard Build(CheckInForm form)
    {
        var l = form.Language;
        var draft = form.Draft;
        var mentor = form.MentorName ?? l.Pick("your mentor", "tu mentor");
        var body = new List<CardElement>
        {
            Blocks.Heading(form.IsReminder
                ? l.Pick("A gentle reminder: your check-in", "Un recordatorio amable: tu seguimiento")
                : l.Pick("Your check-in", "Tu seguimiento")),
            Blocks.Subtle(PhaseLine(form.Phase, l)),
        };

        if (form.Problem is { } problem)
        {
            body.Add(new Container([Blocks.Warning(problem)]) { Style = ContainerStyle.Warning });
        }

        var (learnedLabel, needLabel, stuckLabel) = Questions(form.Phase, l);
        body.Add(Blocks.OptionalAnswer(CheckInFields.Learned, learnedLabel, draft.Learned, form.MaxLength, l));
        body.Add(ShareToggle(CheckInFields.LearnedShared, draft.LearnedShared, mentor, l));
        body.Add(Blocks.OptionalAnswer(CheckInFields.Need, needLabel, draft.Need, form.MaxLength, l));
        body.Add(ShareToggle(CheckInFields.NeedShared, draft.NeedShared, mentor, l));
        body.Add(Blocks.OptionalAnswer(CheckInFields.Stuck, stuckLabel, draft.Stuck, form.MaxLength, l));
        body.Add(ShareToggle(CheckInFields.StuckShared, draft.StuckShared, mentor, l));
        body.Add(Scale(CheckInFields.Confidence, l.Pick("How confident do you feel? (1 low, 5 high)", "¿Cuánta confianza sientes? (1 poca, 5 mucha)"), draft.Confidence, l));
        body.Add(Scale(CheckInFields.Load, l.Pick("How heavy is your load? (1 light, 5 very heavy)", "¿Cuánta carga tienes? (1 ligera, 5 muy pesada)"), draft.Load, l));
        body.Add(ShareToggle(CheckInFields.ScoresShared, draft.ScoresShared, mentor, l, l.Pick("Share these two scores with ", "Compartir estas dos puntuaciones con ")));
        body.Add(new InputToggle(CheckInFields.WantsTime, l.Pick($"I'd like time with {mentor}", $"Me gustaría tener un rato con {mentor}"))
        {
            Value = draft.WantsTime ? "true" : "false",
            Spacing = Spacing.Medium,
        });
        body.Add(new Container([Blocks.Subtle(l.Pick(
            $"Who sees what: answers you share are seen by {mentor}. Private answers are only yours. Leaders only ever see totals for groups of five or more, never your words. " +
            $"You can change your answers until {TimeText.When(form.ClosesAt, form.ReaderTimeZone, l)}.",
            $"Quién ve qué: lo que compartes lo ve {mentor}. Las respuestas privadas son solo tuyas. Los responsables solo ven totales de grupos de cinco o más personas, nunca tus palabras. " +
            $"Puedes cambiar tus respuestas hasta el {TimeText.When(form.ClosesAt, form.ReaderTimeZone, l)}."))])
        { Spacing = Spacing.Medium });

        body.Add(Blocks.Subtle(l.Pick(
            "Worried about safety, or about something you'd rather not carry alone? Press **Send, then raise a concern**: you choose who sees it, and nothing goes to anyone else.",
            "¿Te preocupa la seguridad, o algo que prefieres no cargar en soledad? Pulsa **Enviar y contar una inquietud**: tú eliges quién la ve y no le llega a nadie más.")));

        var period = new Dictionary<string, string> { [CheckInFields.Period] = form.PeriodId };
        List<CardAction> actions =
        [
            new ExecuteAction(l.Pick("Send my check-in", "Enviar mi seguimiento"), CheckInVerbs.Submit, period),
            new ExecuteAction(l.Pick("Send, then raise a concern", "Enviar y contar una inquietud"), CheckInVerbs.Submit,
                new Dictionary<string, string> { [CheckInFields.Period] = form.PeriodId, [CheckInFields.Next] = CheckInFields.NextConcern }),
        ];
        if (form.CanSkip)
        {
            actions.Add(new ExecuteAction(l.Pick("Skip this one", "Saltar este") , CheckInVerbs.Skip, period) { AssociatedInputs = AssociatedInputs.None });
        }

        return Blocks.Card(l.Pick("Time for your check-in", "Es hora de tu seguimiento"), body, actions);
    }

    internal static (string Learned, string Need, string Stuck) Questions(OnboardingPhase phase, Language l) => phase switch
    {
        OnboardingPhase.Observe => (
            l.Pick("What did you notice or learn from watching others this week?", "¿Qué notaste o aprendiste esta semana observando a otras personas?"),
            l.Pick("What would help you understand what you saw?", "¿Qué te ayudaría a entender lo que viste?"),
            l.Pick("What felt confusing or uncomfortable?", "¿Qué te resultó confuso o incómodo?")),
        OnboardingPhase.PractiseWithSupport => (
            l.Pick("What did you practise with support, and what did you learn?", "¿Qué practicaste con apoyo y qué aprendiste?"),
            l.Pick("What support do you need for your next tries?", "¿Qué apoyo necesitas para los próximos intentos?"),
            l.Pick("Where did you get stuck, even with help?", "¿Dónde te atascaste, incluso con ayuda?")),
        OnboardingPhase.PractiseIndependently => (
            l.Pick("What did you handle on your own, and what did you learn?", "¿Qué resolviste por tu cuenta y qué aprendiste?"),
            l.Pick("What do you need to keep growing independently?", "¿Qué necesitas para seguir creciendo con autonomía?"),
            l.Pick("Where are you still unsure on your own?", "¿Dónde sigues sin seguridad cuando estás sola o solo?")),
        _ => (
            l.Pick("What did I learn?", "¿Qué aprendí?"),
            l.Pick("What do I need?", "¿Qué necesito?"),
            l.Pick("What am I stuck on?", "¿Dónde me atasco?")),
    };

    private static string PhaseLine(OnboardingPhase phase, Language l) => phase switch
    {
        OnboardingPhase.Observe => l.Pick("Onboarding, weeks 1–4: observe. Watching closely is the work right now.", "Incorporación, semanas 1–4: observar. Ahora mismo, mirar con atención es el trabajo."),
        OnboardingPhase.PractiseWithSupport => l.Pick("Onboarding, weeks 5–8: practise with support.", "Incorporación, semanas 5–8: practicar con apoyo."),
        OnboardingPhase.PractiseIndependently => l.Pick("Onboarding, weeks 9–13: practise independently, with check-ins.", "Incorporación, semanas 9–13: practicar por tu cuenta, con seguimientos."),
        _ => l.Pick("A few minutes, every answer optional.", "Unos minutos; todas las respuestas son opcionales."),
    };


    private static InputToggle ShareToggle(string id, bool shared, string mentor, Language l, string? prefix = null) =>
        new(id, (prefix ?? l.Pick("Share this answer with ", "Compartir esta respuesta con ")) + mentor)
        {
            Value = shared ? "true" : "false",
            Spacing = Spacing.Small,
        };

    private static InputChoiceSet Scale(string id, string label, int? value, Language l) => new(id, [.. Enumerable.Range(1, 5).Select(n => new Choice(n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture)))])
    {
        Label = label,
        Style = ChoiceInputStyle.Compact,
        Value = value?.ToString(CultureInfo.InvariantCulture),
        IsRequired = true,
        ErrorMessage = l.Pick("Pick a number from 1 to 5.", "Elige un número del 1 al 5."),
        Placeholder = l.Pick("Choose 1–5", "Elige 1–5"),
        Spacing = Spacing.Medium,
    };
}
