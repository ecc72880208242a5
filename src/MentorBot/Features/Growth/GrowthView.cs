using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.Growth;

/// <summary>One competency as a card shows it to one reader: private parts only when the reader may see them.</summary>
internal sealed record CompetencyLine(
    Competency Competency, string LaneName, OnboardingPhase? OnboardingPhase, CompetencyState State, string? ValidatorName, bool ShowPrivate, bool MayValidate);

/// <summary>A person's ladder as one reader may see it.</summary>
internal sealed record GrowthView(
    string PersonId, string PersonName, bool IsOwn, string? TrackName, LadderStep? Step, LadderStep? NextStep, OnboardingPhase Phase,
    IReadOnlyList<CompetencyLine> Lines, DateOnly Today, Language Language)
{
    public int Validated => Lines.Count(l => l.State.Status == CompetencyStatus.Validated);
}

internal static class GrowthText
{
    public static string Status(CompetencyLine line, Language l) => line.State.Status switch
    {
        CompetencyStatus.Validated => l.Pick(
            $"✓ Validated {TimeText.Date(line.State.ObservedOn ?? default, l)}{By(line, l)}{How(line.State.Method, l)}",
            $"✓ Validada el {TimeText.Date(line.State.ObservedOn ?? default, l)}{By(line, l)}{How(line.State.Method, l)}"),
        CompetencyStatus.InProgress => l.Pick("In progress", "En curso"),
        _ => l.Pick("Not started", "Sin empezar"),
    };

    public static string Method(ValidationMethod method, Language l) => method switch
    {
        ValidationMethod.Demonstration => l.Pick("demonstration", "demostración"),
        ValidationMethod.VerbalExplanation => l.Pick("verbal explanation", "explicación verbal"),
        _ => l.Pick("observation at work", "observación en el trabajo"),
    };

    public static string Rating(SelfRating rating, Language l) => rating switch
    {
        SelfRating.NotYet => l.Pick("Not yet", "Todavía no"),
        SelfRating.WithSupport => l.Pick("With support", "Con apoyo"),
        _ => l.Pick("On my own", "Por mi cuenta"),
    };

    /// <summary>The heading over a phase's competencies on the ladder card.</summary>
    public static string Phase(OnboardingPhase phase, Language l) => phase switch
    {
        OnboardingPhase.Observe => l.Pick("Needed in the observe phase", "Necesarias en la fase de observar"),
        OnboardingPhase.PractiseWithSupport => l.Pick("Needed to practise with support", "Necesarias para practicar con apoyo"),
        OnboardingPhase.PractiseIndependently => l.Pick("Needed to practise independently", "Necesarias para practicar por tu cuenta"),
        _ => l.Pick("The rest of the step", "El resto del paso"),
    };

    private static string By(CompetencyLine line, Language l) => line.ValidatorName is { } name ? l.Pick($" by {name}", $" por {name}") : string.Empty;

    private static string How(ValidationMethod? method, Language l) => method is { } m ? $" ({Method(m, l)})" : string.Empty;
}
