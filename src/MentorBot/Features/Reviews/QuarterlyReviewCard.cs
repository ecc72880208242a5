using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.Reviews;

internal static class ReviewFields
{
    public const string Mentorship = "mentorship";
    public const string Quarter = "quarter";
    public const string Progress = "progress";
    public const string WentWell = "wentWell";
    public const string FocusNext = "focusNext";
    public const string Shared = "shared";
}

internal static class ReviewVerbs
{
    public const string Submit = "review.submit";
}

/// <summary>The quarterly review: progress 1–5, what went well, what to focus on next, shared with the other person by default.</summary>
internal static class QuarterlyReviewCard
{
    public static AdaptiveCard Build(string mentorshipId, string quarter, string otherName, bool asMentor, QuarterlyReview? draft, int maxLength, Language l, string? problem = null)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick($"Quarterly review with {otherName}", $"Revisión trimestral con {otherName}")),
            Blocks.Subtle(l.Pick($"{quarter}: look back on the last three months and agree what comes next.", $"{quarter}: mira atrás los últimos tres meses y acordad lo que viene.")),
        };

        if (problem is not null)
        {
            body.Add(new Container([Blocks.Warning(problem)]) { Style = ContainerStyle.Warning });
        }

        body.Add(new InputChoiceSet(ReviewFields.Progress, [.. Enumerable.Range(1, 5).Select(n => new Choice(n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture)))])
        {
            Label = asMentor ? l.Pick("How much progress did you see this quarter? (1 little, 5 a lot)", "¿Cuánto progreso viste este trimestre? (1 poco, 5 mucho)") : l.Pick("How much progress did you make this quarter? (1 little, 5 a lot)", "¿Cuánto progresaste este trimestre? (1 poco, 5 mucho)"),
            Style = ChoiceInputStyle.Compact,
            Value = draft?.Progress?.ToString(CultureInfo.InvariantCulture),
            IsRequired = true,
            ErrorMessage = l.Pick("Pick a number from 1 to 5.", "Elige un número del 1 al 5."),
            Placeholder = l.Pick("Choose 1–5", "Elige 1–5"),
        });
        body.Add(Blocks.OptionalAnswer(ReviewFields.WentWell, l.Pick("What went well?", "¿Qué fue bien?"), draft?.WentWell, maxLength, l));
        body.Add(Blocks.OptionalAnswer(ReviewFields.FocusNext, l.Pick("What should we focus on next quarter?", "¿En qué nos centramos el próximo trimestre?"), draft?.FocusNext, maxLength, l));
        body.Add(new InputToggle(ReviewFields.Shared, l.Pick($"Share my review with {otherName}", $"Compartir mi revisión con {otherName}")) { Value = draft?.Shared == false ? "false" : "true", Spacing = Spacing.Medium });
        body.Add(Blocks.Subtle(l.Pick(
            $"Shared, {otherName} gets a read-only copy. Private, it is only yours. Programme admins and leaders never see the words.",
            $"Si la compartes, {otherName} recibe una copia de solo lectura. Si no, es solo tuya. Ni la administración del programa ni los responsables ven el texto.")));
        return Blocks.Card(
            l.Pick($"Quarterly review with {otherName}", $"Revisión trimestral con {otherName}"),
            body,
            [new ExecuteAction(l.Pick("Save my review", "Guardar mi revisión"), ReviewVerbs.Submit, new Dictionary<string, string> { [ReviewFields.Mentorship] = mentorshipId, [ReviewFields.Quarter] = quarter })]);
    }

    /// <summary>The read-only copy the other person receives, or the author's own summary.</summary>
    public static AdaptiveCard Summary(string heading, QuarterlyReview review, Language l)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading(heading),
            Blocks.Facts((l.Pick("Progress", "Progreso"), review.Progress is { } p ? p.ToString(CultureInfo.InvariantCulture) + " / 5" : "–"), (l.Pick("Quarter", "Trimestre"), review.Quarter)),
        };
        if (review.WentWell is not null)
        {
            body.Add(new TextBlock($"**{l.Pick("Went well", "Fue bien")}:** {review.WentWell}") { Spacing = Spacing.Medium });
        }

        if (review.FocusNext is not null)
        {
            body.Add(new TextBlock($"**{l.Pick("Focus next", "Próximo foco")}:** {review.FocusNext}") { Spacing = Spacing.Medium });
        }

        return Blocks.Card(heading, body);
    }
}
