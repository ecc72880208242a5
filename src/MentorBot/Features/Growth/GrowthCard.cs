using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.Growth;

internal static class GrowthVerbs
{
    public const string Rate = "growth.rate";
    public const string Show = "growth.show";
    public const string Validate = "competency.validate";
    public const string Withdraw = "competency.withdraw";
    public const string History = "competency.history";
}

internal static class GrowthFields
{
    public const string Person = "person";
    public const string Competency = "competency";
    public const string Reason = "reason";

    public static string Rating(string competencyId) => "rate-" + competencyId;

    public static string Method(string competencyId) => "method-" + competencyId;

    public static string On(string competencyId) => "on-" + competencyId;

    public static string Note(string competencyId) => "note-" + competencyId;

    public static string WithdrawReason(string competencyId) => "why-" + competencyId;
}

/// <summary>
/// A person's ladder: their step, the next one, and each competency with its status. The person rates themselves on
/// it; a validator validates or withdraws from it. Pure.
/// </summary>
internal static class GrowthCard
{
    public const int NoteMaxLength = 500;

    public static AdaptiveCard Build(GrowthView view, string? notice = null)
    {
        var l = view.Language;
        var title = view.IsOwn ? l.Pick("Your growth", "Tu crecimiento") : l.Pick($"{view.PersonName}: growth", $"{view.PersonName}: crecimiento");
        var body = new List<CardElement> { Blocks.Heading(title) };
        if (notice is not null)
        {
            body.Add(new Container([new TextBlock(notice) { Wrap = true, Weight = FontWeight.Bolder }]) { Style = ContainerStyle.Good });
        }

        if (view.Step is null)
        {
            body.Add(Blocks.Paragraph(view.IsOwn
                ? l.Pick("The map does not place you on a career ladder step yet. Ask your programme admin to add your step.", "El mapa aún no te sitúa en un paso de la escalera profesional. Pide a la administración del programa que añada tu paso.")
                : l.Pick($"The map does not place {view.PersonName} on a ladder step yet.", $"El mapa aún no sitúa a {view.PersonName} en un paso de la escalera.")));
            return Blocks.Card(title, body);
        }

        var facts = new List<(string, string)>
        {
            (l.Pick("Step", "Paso"), view.TrackName is null ? view.Step.Name : $"{view.Step.Name} ({view.TrackName})"),
            (l.Pick("Validated", "Validadas"), l.Pick($"{view.Validated} of {view.Lines.Count}", $"{view.Validated} de {view.Lines.Count}")),
        };
        if (view.NextStep is { } next)
        {
            facts.Add((l.Pick("Next step", "Siguiente paso"), next.Name));
        }

        if (view.Phase != OnboardingPhase.None)
        {
            facts.Add((l.Pick("Onboarding", "Incorporación"), Onboarding.Describe(view.Phase, l)));
        }

        body.Add(Blocks.Facts([.. facts]));
        var actions = new List<CardAction>();
        foreach (var group in view.Lines.GroupBy(x => x.OnboardingPhase ?? OnboardingPhase.None))
        {
            body.Add(new TextBlock(GrowthText.Phase(group.Key, l)) { Weight = FontWeight.Bolder, Spacing = Spacing.Large, Wrap = true });
            foreach (var line in group)
            {
                body.AddRange(Line(view, line, l));
            }
        }

        if (view.IsOwn)
        {
            actions.Add(new ExecuteAction(l.Pick("Save my ratings", "Guardar mis valoraciones"), GrowthVerbs.Rate));
            body.Add(Blocks.Subtle(l.Pick(
                "Your ratings are for you and your mentors. Validation status is a workplace record that your unit's leads and managers can see.",
                "Tus valoraciones son para ti y tus mentores. El estado de validación es un registro laboral que ven las personas responsables de tu unidad.")));
        }

        return Blocks.Card(title, body, actions);
    }

    private static IEnumerable<CardElement> Line(GrowthView view, CompetencyLine line, Language l)
    {
        var id = line.Competency.Id;
        yield return new TextBlock(line.Competency.Name) { Wrap = true, Spacing = Spacing.Medium, Weight = FontWeight.Bolder };
        yield return Blocks.Subtle($"{line.LaneName} · {GrowthText.Status(line, l)}");
        if (view.IsOwn)
        {
            yield return new InputChoiceSet(GrowthFields.Rating(id), [.. Enum.GetValues<SelfRating>().Select(r => new Choice(GrowthText.Rating(r, l), GrowthNames.Rating(r)))])
            {
                Label = l.Pick("How do you rate yourself?", "¿Cómo te valoras?"),
                Value = line.State.SelfRating is { } r ? GrowthNames.Rating(r) : null,
                Style = ChoiceInputStyle.Compact,
                Placeholder = l.Pick("Choose", "Elige"),
                Spacing = Spacing.Small,
            };
        }
        else if (line.ShowPrivate && line.State.SelfRating is { } rating)
        {
            yield return Blocks.Subtle(l.Pick($"{view.PersonName} rates this: {GrowthText.Rating(rating, l)}", $"{view.PersonName} se valora: {GrowthText.Rating(rating, l)}"));
        }

        var data = new Dictionary<string, string> { [GrowthFields.Person] = view.PersonId, [GrowthFields.Competency] = id };
        if (line.State.Status != CompetencyStatus.NotStarted || (line.ShowPrivate && line.State.SelfRating is not null))
        {
            yield return new ActionSet([new ExecuteAction(l.Pick("History", "Historial"), GrowthVerbs.History, data)]) { Spacing = Spacing.Small };
        }

        if (line.MayValidate)
        {
            yield return line.State.Status == CompetencyStatus.Validated
                ? new ActionSet([new ShowCardAction(l.Pick("Withdraw", "Retirar"), new ShownCard(
                    [
                        new InputText(GrowthFields.WithdrawReason(id))
                        {
                            Label = l.Pick("Why is the validation withdrawn?", "¿Por qué se retira la validación?"), IsRequired = true, MaxLength = NoteMaxLength,
                            ErrorMessage = l.Pick("Give a reason.", "Indica un motivo."),
                        },
                    ])
                    { Actions = [new ExecuteAction(l.Pick("Withdraw validation", "Retirar validación"), GrowthVerbs.Withdraw, data)] })])
                : new ActionSet([new ShowCardAction(l.Pick("Validate", "Validar"), new ShownCard(
                    [
                        new InputChoiceSet(GrowthFields.Method(id), [.. line.Competency.Methods.Select(m => new Choice(GrowthText.Method(m, l), LadderNames.Name(m)))])
                        {
                            Label = l.Pick("Observed independently, by", "Observada de forma independiente, por"), IsRequired = true,
                            Value = LadderNames.Name(line.Competency.Methods[0]), Style = ChoiceInputStyle.Expanded,
                        },
                        new InputDate(GrowthFields.On(id))
                        {
                            Label = l.Pick("On", "El"), IsRequired = true, Value = MapValues.DateText(view.Today), Max = MapValues.DateText(view.Today),
                            ErrorMessage = l.Pick("Pick the day you saw it, today or before.", "Elige el día en que lo viste, hoy o antes."),
                        },
                        Blocks.OptionalAnswer(GrowthFields.Note(id), l.Pick("Note for them and their mentors", "Nota para la persona y sus mentores"), null, NoteMaxLength, l),
                    ])
                    { Actions = [new ExecuteAction(l.Pick("Validate", "Validar"), GrowthVerbs.Validate, data)] })]);
        }
    }

    /// <summary>One competency's history, oldest first, as the reader may see it; notes and reasons only for the person and their mentors.</summary>
    public static AdaptiveCard History(string personId, string personName, string competencyName, IReadOnlyList<(string When, string What, string? Words)> entries, Language l)
    {
        var title = l.Pick($"{competencyName}: history", $"{competencyName}: historial");
        var body = new List<CardElement> { Blocks.Heading(title), Blocks.Subtle(personName) };
        foreach (var (when, what, words) in entries)
        {
            body.Add(new TextBlock(what) { Wrap = true, Spacing = Spacing.Medium, Weight = FontWeight.Bolder });
            body.Add(Blocks.Subtle(when));
            if (words is { Length: > 0 })
            {
                body.Add(new TextBlock(words) { Wrap = true, Spacing = Spacing.Small });
            }
        }

        if (entries.Count == 0)
        {
            body.Add(Blocks.Paragraph(l.Pick("Nothing recorded yet.", "Aún no hay nada registrado.")));
        }

        body.Add(Blocks.Subtle(l.Pick("Nobody can edit this history: a withdrawal is added to it, never written over it.", "Nadie puede editar este historial: una retirada se añade, nunca lo sobrescribe.")));
        return Blocks.Card(title, body, [new ExecuteAction(l.Pick("Back to the ladder", "Volver a la escalera"), GrowthVerbs.Show, new Dictionary<string, string> { [GrowthFields.Person] = personId })]);
    }

    /// <summary>A short card for the person when a mentor validates one of their competencies.</summary>
    public static AdaptiveCard Validated(string validatorName, string competencyName, DateOnly on, ValidationMethod method, string? note, Language l)
    {
        var title = l.Pick($"{validatorName} validated a competency", $"{validatorName} validó una competencia");
        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            new TextBlock(competencyName) { Wrap = true, Weight = FontWeight.Bolder },
            Blocks.Subtle(l.Pick($"Observed independently on {TimeText.Date(on, l)} ({GrowthText.Method(method, l)}).", $"Observada de forma independiente el {TimeText.Date(on, l)} ({GrowthText.Method(method, l)}).")),
        };
        if (note is { Length: > 0 })
        {
            body.Add(new TextBlock(note) { Wrap = true, Spacing = Spacing.Medium });
        }

        body.Add(Blocks.Subtle(l.Pick("Type my growth to see your whole ladder.", "Escribe my growth para ver toda tu escalera.")));
        return Blocks.Card(title, body);
    }

    /// <summary>The card the person and their mentors get when the person's onboarding phase changes.</summary>
    public static AdaptiveCard PhaseChanged(string personName, bool isOwn, OnboardingPhase phase, bool byEvidence, Language l)
    {
        var title = isOwn
            ? l.Pick($"You moved to: {Onboarding.Describe(phase, l)}", $"Pasaste a: {Onboarding.Describe(phase, l)}")
            : l.Pick($"{personName} moved to: {Onboarding.Describe(phase, l)}", $"{personName} pasó a: {Onboarding.Describe(phase, l)}");
        var why = byEvidence
            ? l.Pick("Every competency this phase needed is validated.", "Todas las competencias que pedía la fase están validadas.")
            : l.Pick("The 90-day calendar moved on.", "El calendario de 90 días avanzó.");
        return Blocks.Card(title,
        [
            Blocks.Heading(title),
            Blocks.Paragraph(why),
            Blocks.Subtle(isOwn
                ? l.Pick("Type my growth to see what comes next.", "Escribe my growth para ver lo que sigue.")
                : l.Pick($"Type growth {personName.Split(' ')[0]} to see their ladder.", $"Escribe growth {personName.Split(' ')[0]} para ver su escalera.")),
        ]);
    }
}
