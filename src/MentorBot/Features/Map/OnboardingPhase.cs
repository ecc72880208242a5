namespace MentorBot.Features.Map;

/// <summary>The 90-day onboarding path: observe, practise with support, practise independently.</summary>
internal enum OnboardingPhase
{
    None,
    Observe,
    PractiseWithSupport,
    PractiseIndependently,
}

internal static class Onboarding
{
    /// <summary>Weeks 1–4 observe, 5–8 practise with support, 9–13 practise independently; none before the start or after day 91.</summary>
    public static (OnboardingPhase Phase, int Week) PhaseOn(DateOnly? startDate, DateOnly today)
    {
        if (startDate is not { } start || today < start)
        {
            return (OnboardingPhase.None, 0);
        }

        var day = today.DayNumber - start.DayNumber;
        if (day >= 91)
        {
            return (OnboardingPhase.None, 0);
        }

        var week = (day / 7) + 1;
        var phase = week <= 4 ? OnboardingPhase.Observe : week <= 8 ? OnboardingPhase.PractiseWithSupport : OnboardingPhase.PractiseIndependently;
        return (phase, week);
    }

    public static string Describe(OnboardingPhase phase, Cards.Language language = Cards.Language.English) => (phase, language) switch
    {
        (OnboardingPhase.Observe, Cards.Language.Spanish) => "observar",
        (OnboardingPhase.PractiseWithSupport, Cards.Language.Spanish) => "practicar con apoyo",
        (OnboardingPhase.PractiseIndependently, Cards.Language.Spanish) => "practicar por tu cuenta",
        (OnboardingPhase.Observe, _) => "observe",
        (OnboardingPhase.PractiseWithSupport, _) => "practise with support",
        (OnboardingPhase.PractiseIndependently, _) => "practise independently",
        _ => string.Empty,
    };
}
