using MentorBot.Features.Reflections;

namespace MentorBot.Tests.Reflections;

public sealed class ReflectionTemplateTests
{
    [Fact]
    public void All_eight_templates_load_and_are_valid()
    {
        var templates = new ReflectionTemplates();

        Assert.Equal(
            ["boundary-conversation", "calibration-conversation", "career-ladder-step", "case-debrief", "feedback-conversation", "ninety-day-review", "one-to-one-check-in", "quarterly-review"],
            templates.All.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.All(templates.All, t => Assert.InRange(t.Fields.Count, 3, 6));
        Assert.Equal("Case debrief after a difficult shift", templates.Find("case-debrief")!.Name);
    }

    [Fact]
    public void A_good_template_has_no_problems() =>
        Assert.Empty(ReflectionTemplateValidator.Validate([("good.yaml", Template("good"))]));

    [Fact]
    public void Every_problem_in_a_bad_template_is_reported()
    {
        var bad = Template("one");
        bad.Name = " ";
        bad.Summary = string.Empty;
        bad.Fields[0].Label = new string('x', 81);
        bad.Fields[1].MaxLength = 100;
        bad.Fields[2].MaxLength = 5000;
        var duplicate = Template("one");
        var tooFew = Template("two");
        tooFew.Fields.RemoveAt(0);

        var problems = ReflectionTemplateValidator.Validate([("bad.yaml", bad), ("copy.yaml", duplicate), ("few.yaml", tooFew)]);

        Assert.Contains(problems, p => p.Contains("bad.yaml: name is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("bad.yaml: summary is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("label must be 1 to 80", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("maxLength 100 is outside", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("maxLength 5000 is outside", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("copy.yaml: id 'one' is already used by bad.yaml", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("few.yaml: has 2 fields", StringComparison.Ordinal));
    }

    [Fact]
    public void Seven_fields_are_too_many()
    {
        var template = Template("long");
        template.Fields.AddRange([.. Enumerable.Range(0, 4).Select(i => Field($"extra-{i}"))]);

        Assert.Contains(ReflectionTemplateValidator.Validate([("long.yaml", template)]), p => p.Contains("has 7 fields", StringComparison.Ordinal));
    }

    private static ReflectionTemplate Template(string id) => new()
    {
        Id = id,
        Name = "A template",
        Summary = "What it is for.",
        When = "Whenever.",
        Fields = [Field("a"), Field("b"), Field("c")],
    };

    private static ReflectionField Field(string id) => new() { Id = id, Label = "A question?", Hint = "A hint.", MaxLength = 500 };
}
