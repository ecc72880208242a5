using MentorBot.Cards;
using MentorBot.Features.Pulses;

namespace MentorBot.Tests.Cards;

/// <summary>Samples of the pulse cards, merged into <see cref="CardSamples.All"/>.</summary>
internal static class PulseCardSamples
{
    private static readonly PulseQuestion[] Questions =
    [
        new("safe-asking", PulseQuestionKind.Scale, "I feel safe asking questions on my shift", []),
        new("handover", PulseQuestionKind.Choice, "Handovers on my unit are usually", ["Calm", "Rushed", "It depends"]),
        new("anything-else", PulseQuestionKind.Text, "Anything you'd like to add? (optional)", []),
    ];

    private static PulseForm Form(Language l) =>
        new("safe-to-ask:2", "Feeling safe on shift", "Three statements about your shifts. About a minute.", Questions, "Mon, Nov 30 at 8:00 AM", 5, 10, 500, l);

    private static PulseRun Run(int seq) =>
        new($"safe-to-ask:{seq}", "safe-to-ask", seq, Questions, new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero), 13, null, null, null);

    private static RunTally Tally(int seq, int responded, int[] scale, int[] choice, params string[] comments) => new(
        Run(seq),
        responded,
        scale.Select((n, i) => (Key: ("safe-asking", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), n))
            .Concat(choice.Select((n, i) => (Key: ("handover", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), n)))
            .ToDictionary(x => x.Key, x => x.n),
        [.. comments.Select(c => ("anything-else", c))]);

    private static PulseResultsView Results(RunTally current, RunTally? previous) => PulseResults.Compute("Feeling safe on shift", current, previous, 5, 10);

    private static readonly (string, string)[] Audiences = [("The whole programme", "programme"), ("Unit: Medical Ward 3", "unit:medical-ward-3"), ("Level: Staff", "level:staff")];

    public static IReadOnlyDictionary<string, AdaptiveCard> Build() => new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
    {
        ["PulseCard.invite"] = PulseCard.Build(Form(Language.English)),
        ["PulseCard.reminder"] = PulseCard.Build(Form(Language.English) with { IsReminder = true }),
        ["PulseCard.spanish"] = PulseCard.Build(Form(Language.Spanish)),
        ["PulseCard.thanks"] = PulseCard.Thanks("Feeling safe on shift", Language.English),
        ["PulseCard.already-answered"] = PulseCard.AlreadyAnswered("Feeling safe on shift", Language.English),
        ["PulseCard.closed"] = PulseCard.Closed("Feeling safe on shift", Language.Spanish),
        ["PulseResultsCard.hidden"] = PulseResultsCard.Build(Results(Tally(2, 4, [0, 1, 1, 2, 0], [2, 1, 1]), null), "open until Mon, Nov 30 at 8:00 AM", Language.English),
        ["PulseResultsCard.first-run"] = PulseResultsCard.Build(Results(Tally(1, 6, [0, 1, 1, 3, 1], [3, 2, 1], "Nights feel lonely."), null), "closed Mon, Nov 30 at 8:00 AM", Language.English),
        ["PulseResultsCard.trend-and-comments"] = PulseResultsCard.Build(
            Results(Tally(2, 10, [0, 1, 2, 4, 3], [5, 3, 2], "Huddles help a lot.", "Still hard to ask the doctors."), Tally(1, 6, [0, 2, 1, 3, 0], [1, 4, 1])),
            "closed Wed, Dec 30 at 8:00 AM", Language.English),
        ["PulseResultsCard.previous-hidden.spanish"] = PulseResultsCard.Build(Results(Tally(2, 5, [0, 1, 1, 2, 1], [2, 2, 1]), Tally(1, 3, [0, 0, 1, 2, 0], [1, 1, 1])), "cerrada", Language.Spanish),
        ["PulseResultsCard.list"] = PulseResultsCard.List([new("safe-to-ask", "Feeling safe on shift", "run 2, 4 of 13 answered"), new("p-1a2b3c4d", "Night shift check", "no run yet")], Language.English),
        ["PulseResultsCard.list-empty"] = PulseResultsCard.List([], Language.English),
        ["PulseCreateCard.form"] = PulseCreateCard.Build(new PulseCreateForm("p-1a2b3c4d", Audiences, Language.English)),
        ["PulseCreateCard.problems"] = PulseCreateCard.Build(new PulseCreateForm("p-1a2b3c4d", Audiences, Language.English,
            new Dictionary<string, string> { [PulseFields.Title] = "Night shift check", [PulseFields.QuestionText(1)] = "Handovers are", [PulseFields.QuestionKind(1)] = PulseQuestionKind.Choice },
            ["The pulse: question 'q1': a choice needs 2 to 6 different options of 1 to 60 characters."])),
        ["PulseCreateCard.spanish"] = PulseCreateCard.Build(new PulseCreateForm("p-1a2b3c4d", Audiences, Language.Spanish)),
        ["PulseCreateCard.created"] = PulseCreateCard.Created("Night shift check", "p-1a2b3c4d", 13, "Mon, Nov 30 at 8:00 AM", "Wed, Dec 23 at 8:00 AM", Language.English),
    };
}
