using MentorBot.Cards;
using MentorBot.Features.Growth;
using MentorBot.Features.Map;

namespace MentorBot.Tests.Cards;

/// <summary>Samples of the growth cards, merged into <see cref="CardSamples.All"/>.</summary>
internal static class GrowthCardSamples
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Competency Vitals = new("cg-vital-signs", "Takes and records a full set of vital signs", "clinical-judgment", "caregiver",
        [ValidationMethod.Demonstration, ValidationMethod.Observation], [ValidatorRole.Mentors, ValidatorRole.UnitLeads]);

    private static readonly Competency Notes = new("cg-care-notes", "Writes a care note the next shift can act on", "documentation", "caregiver",
        [ValidationMethod.Demonstration, ValidationMethod.VerbalExplanation], [ValidatorRole.Mentors]);

    private static readonly Competency Boundaries = new("cg-boundaries", "Says no to a request outside the care plan, kindly", "boundary-setting", "caregiver",
        [ValidationMethod.VerbalExplanation], [ValidatorRole.Mentors, ValidatorRole.UnitManagers]);

    private static readonly LadderStep Caregiver = new("caregiver", "care", "Caregiver", Level.Staff, 0, [Vitals, Notes, Boundaries],
        new Dictionary<string, OnboardingPhase> { ["cg-vital-signs"] = OnboardingPhase.Observe, ["cg-care-notes"] = OnboardingPhase.Observe, ["cg-boundaries"] = OnboardingPhase.PractiseIndependently });

    private static readonly LadderStep Senior = new("senior-caregiver", "care", "Senior caregiver", Level.Staff, 1, [], new Dictionary<string, OnboardingPhase>());

    private static GrowthView View(bool own, bool mayValidate, Language l) => new(
        "alex-wilber", "Alex Wilber", own, "Care career ladder", Caregiver, Senior, OnboardingPhase.Observe,
        [
            new(Vitals, "Clinical judgment", OnboardingPhase.Observe, new("cg-vital-signs", CompetencyStatus.Validated, new(2026, 11, 20), ValidationMethod.Demonstration, "megan-bowen", SelfRating.OnMyOwn), "Megan Bowen", true, mayValidate),
            new(Notes, "Documentation", OnboardingPhase.Observe, new("cg-care-notes", CompetencyStatus.InProgress, null, null, null, SelfRating.WithSupport), null, true, mayValidate),
            new(Boundaries, "Boundary setting", OnboardingPhase.PractiseIndependently, CompetencyState.NotStarted("cg-boundaries"), null, true, false),
        ],
        Today,
        l);

    public static IReadOnlyDictionary<string, AdaptiveCard> Build() => new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
    {
        ["GrowthCard.mine"] = GrowthCard.Build(View(own: true, mayValidate: false, Language.English)),
        ["GrowthCard.mine.spanish"] = GrowthCard.Build(View(own: true, mayValidate: false, Language.Spanish)),
        ["GrowthCard.mentor"] = GrowthCard.Build(View(own: false, mayValidate: true, Language.English), "Validated: Writes a care note the next shift can act on. Alex Wilber gets a card."),
        ["GrowthCard.no-step"] = GrowthCard.Build(View(own: true, mayValidate: false, Language.English) with { Step = null, NextStep = null, Lines = [] }),
        ["GrowthCard.history"] = GrowthCard.History("alex-wilber", "Alex Wilber", Vitals.Name,
            [("Fri, Nov 20 at 9:12 AM", "Validated by Megan Bowen, observed Nov 20 (demonstration)", "Calm and thorough."), ("Mon, Nov 23 at 8:40 AM", "Withdrawn by Megan Bowen", "The readings were from the machine log.")], Language.English),
        ["GrowthCard.history.empty.spanish"] = GrowthCard.History("alex-wilber", "Alex Wilber", Vitals.Name, [], Language.Spanish),
        ["GrowthCard.validated"] = GrowthCard.Validated("Megan Bowen", Vitals.Name, new(2026, 11, 20), ValidationMethod.Demonstration, "Calm and thorough on a busy morning.", Language.English),
        ["GrowthCard.phase-own"] = GrowthCard.PhaseChanged("Alex Wilber", true, OnboardingPhase.PractiseWithSupport, true, Language.English),
        ["GrowthCard.phase-mentor.spanish"] = GrowthCard.PhaseChanged("Alex Wilber", false, OnboardingPhase.PractiseWithSupport, false, Language.Spanish),
    };
}
