using MentorBot.Features.Growth;
using MentorBot.Features.Map;

namespace MentorBot.Tests.Outcomes;

public sealed class OnboardingProgressTests
{
    private static readonly LadderStep Step = new("caregiver", "care", "Caregiver", Level.Staff, 0, [],
        new Dictionary<string, OnboardingPhase> { ["a"] = OnboardingPhase.Observe, ["b"] = OnboardingPhase.Observe, ["c"] = OnboardingPhase.PractiseWithSupport, ["d"] = OnboardingPhase.PractiseIndependently });

    private static readonly Person NewHire = new("alex", null, "Alex", null, Level.Staff, "w3", null, "America/Chicago", WorkingHours.Default, null,
        new DateOnly(2026, 11, 2), "en-US", 0, [], false, null, "caregiver");

    private static readonly DateOnly WeekTwo = new(2026, 11, 10);

    [Theory]
    [InlineData("Calendar", "a,b", "Observe")]
    [InlineData("Evidence", "a,b", "PractiseWithSupport")]
    [InlineData("First", "a,b", "PractiseWithSupport")]
    [InlineData("First", "a", "Observe")]
    [InlineData("Evidence", "a,b,c", "PractiseIndependently")]
    [InlineData("First", "", "Observe")]
    public void The_phase_follows_the_rule(string rule, string validated, string expected)
    {
        var set = validated.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Enum.Parse<OnboardingPhase>(expected), OnboardingProgress.Current(Enum.Parse<PhaseRule>(rule), NewHire, Step, set, WeekTwo));
    }

    [Fact]
    public void Evidence_never_holds_someone_back_under_whichever_comes_first()
    {
        var weekTen = new DateOnly(2027, 1, 8);

        Assert.Equal(OnboardingPhase.PractiseIndependently, OnboardingProgress.Current(PhaseRule.First, NewHire, Step, new HashSet<string>(), weekTen));
        Assert.Equal(OnboardingPhase.Observe, OnboardingProgress.Current(PhaseRule.Evidence, NewHire, Step, new HashSet<string>(), weekTen));
    }

    [Fact]
    public void Onboarding_is_complete_only_when_every_onboarding_competency_is_validated()
    {
        Assert.False(OnboardingProgress.Complete(Step, new HashSet<string> { "a", "b", "c" }));
        Assert.True(OnboardingProgress.Complete(Step, new HashSet<string> { "a", "b", "c", "d", "x" }));
    }
}
