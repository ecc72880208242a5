namespace MentorBot.Features.Map;

/// <summary>The words the map file uses for the ladder's enums, both ways.</summary>
internal static class LadderNames
{
    private static readonly (string Name, ValidationMethod Value)[] Methods =
        [("demonstration", ValidationMethod.Demonstration), ("verbal-explanation", ValidationMethod.VerbalExplanation), ("observation", ValidationMethod.Observation)];

    private static readonly (string Name, ValidatorRole Value)[] Validators =
        [("mentors", ValidatorRole.Mentors), ("unit-leads", ValidatorRole.UnitLeads), ("unit-managers", ValidatorRole.UnitManagers)];

    private static readonly (string Name, EndReason Value)[] Reasons =
        [("left-organisation", EndReason.LeftOrganisation), ("moved-unit", EndReason.MovedUnit), ("other", EndReason.Other), ("unspecified", EndReason.Unspecified)];

    private static readonly (string Name, OnboardingPhase Value)[] Phases =
        [("observe", OnboardingPhase.Observe), ("practise-with-support", OnboardingPhase.PractiseWithSupport), ("practise-independently", OnboardingPhase.PractiseIndependently)];

    public static string MethodList => string.Join(", ", Methods.Select(m => m.Name));

    public static string ValidatorList => string.Join(", ", Validators.Select(v => v.Name));

    public static bool TryMethod(string? text, out ValidationMethod method) => TryParse(Methods, text, out method);

    public static string Name(ValidationMethod method) => Methods.First(m => m.Value == method).Name;

    public static bool TryValidator(string? text, out ValidatorRole role) => TryParse(Validators, text, out role);

    public static string Name(ValidatorRole role) => Validators.First(v => v.Value == role).Name;

    /// <summary>A reason a map file may give; <c>unspecified</c> is only ever written by the import.</summary>
    public static bool TryReason(string? text, out EndReason reason) => TryParse(Reasons, text, out reason) && reason != EndReason.Unspecified;

    public static EndReason ReasonOrUnspecified(string? text) => TryParse(Reasons, text, out var reason) ? reason : EndReason.Unspecified;

    public static string Name(EndReason reason) => Reasons.First(r => r.Value == reason).Name;

    public static bool TryPhase(string? text, out OnboardingPhase phase) => TryParse(Phases, text, out phase);

    public static string Name(OnboardingPhase phase) => Phases.FirstOrDefault(p => p.Value == phase).Name ?? "none";

    private static bool TryParse<T>((string Name, T Value)[] table, string? text, out T value)
    {
        foreach (var (name, v) in table)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
