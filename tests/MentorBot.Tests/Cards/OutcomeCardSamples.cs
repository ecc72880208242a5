using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Features.Outcomes;

namespace MentorBot.Tests.Cards;

/// <summary>Samples of the outcome and pilot cards, merged into <see cref="CardSamples.All"/>.</summary>
internal static class OutcomeCardSamples
{
    private static readonly DateOnly From = new(2025, 11, 24);
    private static readonly DateOnly To = new(2026, 11, 24);

    private static OutcomePerson Hire(string id, string unit, int startDay, int? independentDay = null, int? leftDay = null) =>
        new(id, unit, From.AddDays(startDay), null, leftDay is { } l ? From.AddDays(l) : null, leftDay is null ? null : EndReason.LeftOrganisation,
            independentDay is { } d ? From.AddDays(d) : null, []);

    private static OutcomeInput Input() => new(
        [.. Enumerable.Range(0, 9).Select(i => Hire($"w3-{i}", "medical-ward-3", i * 20, (i * 20) + 60 + i, i == 4 ? (i * 20) + 40 : null)),
         .. Enumerable.Range(0, 2).Select(i => Hire($"oc-{i}", "outpatient-clinic", 100 + i))],
        new Dictionary<string, int> { ["medical-ward-3"] = 41, ["outpatient-clinic"] = 2 },
        [.. Enumerable.Range(0, 36).Select(i => new ConfidenceScores($"w3-{i % 9}", 2 + ((i / 9) % 3) + (i % 9 % 3 * 0.5), 1, Period: i / 9))],
        From,
        To,
        new Dictionary<string, string> { ["medical-ward-3"] = "Medical Ward 3", ["outpatient-clinic"] = "Outpatient Clinic" });

    public static IReadOnlyDictionary<string, AdaptiveCard> Build()
    {
        var report = OutcomeService.Compute(Input(), "Riverside Care Network", 5);
        var pilot = new Pilot("p1", "Ward 3 pilot", "medical-ward-3", new(2026, 9, 1), new(2026, 11, 30), "{}", "lynne-robbins", false);
        var pilotReport = new PilotReport(pilot, "Medical Ward 3", new(2026, 11, 23), report with { Units = [report.Units[1], report.Units[0]] }, report with { Units = [report.Units[1], report.Units[0]] });
        return new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
        {
            ["OutcomeCard.organisation"] = OutcomeCard.Build(report, Language.English),
            ["OutcomeCard.organisation.spanish"] = OutcomeCard.Build(report, Language.Spanish),
            ["PilotCard.running"] = PilotCard.Build(pilotReport, Language.English),
            ["PilotCard.none"] = PilotCard.None(Language.English),
        };
    }
}
