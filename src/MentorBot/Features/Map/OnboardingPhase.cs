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

    public static string Describe(OnboardingPhase phase) => phase switch
    {
        OnboardingPhase.Observe => "observe",
        OnboardingPhase.PractiseWithSupport => "practise with support",
        OnboardingPhase.PractiseIndependently => "practise independently",
        _ => string.Empty,
    };
}
