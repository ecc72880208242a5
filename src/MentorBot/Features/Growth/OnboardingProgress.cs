using MentorBot.Features.Map;

namespace MentorBot.Features.Growth;

/// <summary>How a new hire's onboarding phase moves: by the calendar, by validated competencies, or whichever comes first.</summary>
internal enum PhaseRule
{
    Calendar,
    Evidence,
    First,
}

internal sealed class OnboardingOptions
{
    public const string Section = "Onboarding";

    public PhaseRule PhaseRule { get; set; } = PhaseRule.First;
}

/// <summary>
/// The onboarding phase a new hire is in, pure. By evidence, a phase is done when every competency the step requires in
/// it is validated, and the person moves on to the next; with all three done they practise independently. The 90-day
/// window itself still comes from the start date: outside it there is no onboarding phase.
/// </summary>
internal static class OnboardingProgress
{
    private static readonly OnboardingPhase[] Order = [OnboardingPhase.Observe, OnboardingPhase.PractiseWithSupport, OnboardingPhase.PractiseIndependently];

    public static OnboardingPhase Evidence(LadderStep? step, IReadOnlySet<string> validated)
    {
        if (step is null || step.Onboarding.Count == 0)
        {
            return OnboardingPhase.Observe;
        }

        foreach (var phase in Order)
        {
            if (step.Onboarding.Where(o => o.Value == phase).Any(o => !validated.Contains(o.Key)))
            {
                return phase;
            }
        }

        return OnboardingPhase.PractiseIndependently;
    }

    public static OnboardingPhase Current(PhaseRule rule, Person person, LadderStep? step, IReadOnlySet<string> validated, DateOnly today)
    {
        var calendar = Onboarding.PhaseOn(person.StartDate, today).Phase;
        if (calendar == OnboardingPhase.None || rule == PhaseRule.Calendar || step is null || step.Onboarding.Count == 0)
        {
            return calendar;
        }

        var evidence = Evidence(step, validated);
        return rule == PhaseRule.Evidence ? evidence : (OnboardingPhase)Math.Max((int)calendar, (int)evidence);
    }

    /// <summary>True when every onboarding competency of the step is validated.</summary>
    public static bool Complete(LadderStep? step, IReadOnlySet<string> validated) =>
        step is { Onboarding.Count: > 0 } && step.Onboarding.Keys.All(validated.Contains);
}
