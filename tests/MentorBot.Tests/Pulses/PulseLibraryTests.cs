using MentorBot.Features.Pulses;

namespace MentorBot.Tests.Pulses;

public sealed class PulseLibraryTests
{
    [Fact]
    public void The_demo_pulse_is_embedded_valid_and_asks_medical_ward_3_the_three_statements()
    {
        var spec = Assert.Single(new PulseLibrary().Specs);

        Assert.Equal(("safe-to-ask", PulseSchedule.Monthly, "unit", "medical-ward-3"), (spec.Id, spec.Schedule, spec.Audience!.Kind, spec.Audience.Id));
        Assert.Equal(
            ["I feel safe asking questions on my shift", "I know who to go to for help", "I feel less alone at work than a month ago", "Anything you'd like to add? (optional)"],
            spec.Questions!.Select(q => q.Text));
        Assert.Equal([PulseQuestionKind.Scale, PulseQuestionKind.Scale, PulseQuestionKind.Scale, PulseQuestionKind.Text], spec.Questions!.Select(q => q.Kind));
    }

    [Fact]
    public void Every_problem_in_every_file_is_reported_at_once()
    {
        const string bad = """
            id: Not A Slug
            title: ""
            schedule: weekly
            startsOn: next week
            audience:
              kind: level
              id: nurse
            questions:
              - id: a
                kind: scale
                text: Fine
                options: [x, y]
              - id: b
                kind: choice
                text: Pick
                options: [only one]
              - id: b
                kind: slider
                text: ""
            """;
        var error = Assert.Throws<InvalidOperationException>(() => new PulseLibrary([("bad.yaml", bad), ("broken.yaml", "id: [unclosed")]));

        foreach (var expected in new[]
        {
            "bad.yaml: id must be", "bad.yaml: title must be", "bad.yaml: schedule must be", "bad.yaml: startsOn must be", "bad.yaml: audience must be",
            "question 'a': only a choice question has options", "question 'b': a choice needs 2 to 6", "question 'b': id is missing, repeated", "kind must be scale, choice or text",
            "broken.yaml: not valid YAML",
        })
        {
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Six_questions_are_too_many_and_none_is_too_few()
    {
        PulseSpec Spec(int questions) => new()
        {
            Id = "p-one",
            Title = "A pulse",
            Schedule = PulseSchedule.Once,
            Audience = new PulseSpecAudience { Kind = PulseAudienceKind.Programme },
            Questions = [.. Enumerable.Range(1, questions).Select(i => new PulseSpecQuestion { Id = $"q{i}", Kind = PulseQuestionKind.Scale, Text = "A statement" })],
        };

        Assert.Contains(PulseValidator.Validate("six", Spec(6)), p => p.Contains("has 6 questions", StringComparison.Ordinal));
        Assert.Contains(PulseValidator.Validate("none", Spec(0)), p => p.Contains("has 0 questions", StringComparison.Ordinal));
        Assert.Empty(PulseValidator.Validate("five", Spec(5)));
    }

    [Fact]
    public void Two_files_cannot_share_an_id()
    {
        const string yaml = """
            id: same
            title: Same
            schedule: once
            audience: { kind: programme }
            questions: [{ id: q1, kind: text, text: Anything? }]
            """;

        var error = Assert.Throws<InvalidOperationException>(() => new PulseLibrary([("a.yaml", yaml), ("b.yaml", yaml)]));

        Assert.Contains("same: the id is used 2 times", error.Message, StringComparison.Ordinal);
    }
}
