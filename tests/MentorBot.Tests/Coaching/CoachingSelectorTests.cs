using MentorBot.Features.Coaching;
using MentorBot.Features.Map;

namespace MentorBot.Tests.Coaching;

public sealed class CoachingSelectorTests
{
    private static readonly IReadOnlyList<CoachingPrompt> Library = new CoachingLibrary().Prompts;

    private static CoachingContext Context(
        OnboardingPhase phase = OnboardingPhase.Observe,
        IReadOnlyList<string>? named = null,
        bool gentle = false,
        IReadOnlySet<string>? recent = null,
        CoachingAudience audience = CoachingAudience.Staff,
        int seed = 7) =>
        new(audience, Level.Staff, phase, named ?? [], ["clinical-judgment"], gentle, recent ?? new HashSet<string>(), seed);

    [Fact]
    public void The_lane_named_in_the_last_check_in_wins_over_the_pairings_lanes()
    {
        var choice = CoachingSelector.Pick(Library, Context(named: ["documentation"]))!;

        Assert.Equal("documentation", choice.Prompt.Lane);
        Assert.Equal("documentation", choice.NamedLane);
        Assert.Equal(OnboardingPhase.Observe, choice.Prompt.Phase);
    }

    [Fact]
    public void Without_a_named_lane_the_pairings_lane_is_used()
    {
        var choice = CoachingSelector.Pick(Library, Context(phase: OnboardingPhase.PractiseWithSupport))!;

        Assert.Equal("clinical-judgment", choice.Prompt.Lane);
        Assert.Null(choice.NamedLane);
        Assert.Equal(OnboardingPhase.PractiseWithSupport, choice.Prompt.Phase);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Low_confidence_or_high_load_gets_a_gentle_prompt_and_otherwise_a_standard_one(bool gentle)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            Assert.Equal(gentle, CoachingSelector.Pick(Library, Context(named: ["boundary-setting"], gentle: gentle, seed: seed))!.Prompt.Gentle);
        }
    }

    [Fact]
    public void Nothing_sent_in_the_last_eight_weeks_is_picked_again()
    {
        var recent = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 6; i++)
        {
            var choice = CoachingSelector.Pick(Library, Context(named: ["escalation-procedures"], recent: recent, seed: 3))!;
            Assert.DoesNotContain(choice.Prompt.Id, recent);
            recent.Add(choice.Prompt.Id);
        }

        Assert.Equal(6, recent.Count);
    }

    [Fact]
    public void Experienced_staff_get_prompts_without_a_phase_and_mentors_get_mentor_prompts()
    {
        Assert.Equal(OnboardingPhase.None, CoachingSelector.Pick(Library, Context(phase: OnboardingPhase.None))!.Prompt.Phase);
        Assert.Equal(CoachingAudience.Mentor, CoachingSelector.Pick(Library, Context(audience: CoachingAudience.Mentor))!.Prompt.Audience);
        Assert.Equal(CoachingAudience.Leader, CoachingSelector.Pick(Library, Context(audience: CoachingAudience.Leader))!.Prompt.Audience);
    }

    [Fact]
    public void Lanes_are_found_in_what_people_write_in_order()
    {
        Lane[] lanes = [new("boundary-setting", "Boundary setting", ""), new("family-communication", "Family communication", ""), new("escalation-procedures", "Escalation procedures", ""), new("time-management", "Time management", "")];

        Assert.Equal(["family-communication", "boundary-setting"], LaneMentions.Find(["A family keeps asking for my number", "boundaries are hard"], lanes));
        Assert.Equal(["escalation-procedures"], LaneMentions.Find([null, "not sure when to escalate"], lanes));
        Assert.Empty(LaneMentions.Find(["a quiet week", null], lanes));
    }
}
