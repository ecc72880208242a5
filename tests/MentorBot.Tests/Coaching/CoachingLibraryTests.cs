using MentorBot.Features.Coaching;
using MentorBot.Features.Map;
using MentorBot.Features.Map.Demo;

namespace MentorBot.Tests.Coaching;

public sealed class CoachingLibraryTests
{
    private static readonly CoachingLibrary Library = new();

    [Fact]
    public void Every_demo_lane_has_at_least_three_staff_prompts_per_onboarding_phase_including_a_gentle_one()
    {
        var lanes = DemoMap.Load(new DateOnly(2026, 11, 23)).Lanes;
        Assert.Equal(8, lanes.Count);
        foreach (var lane in lanes)
        {
            foreach (var phase in new[] { OnboardingPhase.Observe, OnboardingPhase.PractiseWithSupport, OnboardingPhase.PractiseIndependently })
            {
                var prompts = Library.Prompts.Where(p => p.Lane == lane.Id && p.Phase == phase && p.Audience == CoachingAudience.Staff).ToList();
                Assert.True(prompts.Count >= 3, $"{lane.Id}/{phase}: {prompts.Count} prompts");
                Assert.Contains(prompts, p => p.Gentle);
            }
        }
    }

    [Fact]
    public void Mentors_and_leaders_have_prompts_on_feedback_and_debriefs()
    {
        var mentors = Library.Prompts.Where(p => p.Audience == CoachingAudience.Mentor).ToList();
        var leaders = Library.Prompts.Where(p => p.Audience == CoachingAudience.Leader).ToList();

        Assert.True(mentors.Count >= 3 && leaders.Count >= 3);
        Assert.Contains(mentors, p => p.Text.Contains("feedback", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(mentors.Concat(leaders), p => p.Text.Contains("debrief", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_prompt_is_short_with_one_question()
    {
        Assert.All(Library.Prompts, p =>
        {
            Assert.InRange(p.Text.Length, 20, 300);
            Assert.EndsWith("?", p.Question, StringComparison.Ordinal);
            Assert.Equal(1, p.Question.Count(c => c == '?'));
        });
        Assert.Equal(Library.Prompts.Count, Library.Prompts.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void A_broken_library_is_refused_with_every_problem_named()
    {
        const string Bad = """
            lane: documentation
            prompts:
              - id: a
                phase: someday
                text: "short"
                question: "No question mark"
              - id: a
                phase: observe
                text: "A perfectly reasonable prompt about writing notes on time."
                question: "What did you notice?"
            """;

        var (prompts, problems) = CoachingLibrary.Parse([("bad.yaml", Bad), ("broken.yaml", "lane: [unclosed")]);

        Assert.Single(prompts);
        Assert.Contains(problems, p => p.Contains("bad.yaml: a: text must be 20 to 300", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ending with '?'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("phase, audience, level or tone", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("broken.yaml: not valid YAML", StringComparison.Ordinal));
        var error = Assert.Throws<InvalidOperationException>(() => new CoachingLibrary([("bad.yaml", Bad)]));
        Assert.Contains("The coaching prompt library is invalid", error.Message, StringComparison.Ordinal);
    }
}
