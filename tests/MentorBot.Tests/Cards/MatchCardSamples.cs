using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Features.Matching;

namespace MentorBot.Tests.Cards;

/// <summary>Samples of the matching cards, merged into <see cref="CardSamples.All"/>.</summary>
internal static class MatchCardSamples
{
    private static readonly SavedRun Run = new(
        "run-20261123-140000-abc123",
        "lynne-robbins",
        new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero),
        "draft",
        142,
        [
            new(0, "emily-sorensen", "megan-bowen", ["clinical-judgment", "documentation"], 71, ["teaches clinical judgment and documentation", "one level above", "17 h of shared working hours a week", "has 1 of 3 places free"], null, MatchingStore.Pending),
            new(1, "alex-wilber", "fiona-gallagher", ["clinical-judgment"], 71, ["teaches clinical judgment", "one level above", "20 h of shared working hours a week", "has 2 of 4 places free"], "m-001", MatchingStore.Pending),
        ],
        [("marco-bianchi", "EveryMentorIsFull", "every mentor who teaches escalation procedures is full")]);

    private static readonly RunView View = new(
        Run,
        new Dictionary<string, string> { ["emily-sorensen"] = "Emily Sorensen", ["megan-bowen"] = "Megan Bowen", ["alex-wilber"] = "Alex Wilber", ["fiona-gallagher"] = "Fiona Gallagher", ["marco-bianchi"] = "Marco Bianchi" },
        new Dictionary<string, string> { ["clinical-judgment"] = "Clinical judgment", ["documentation"] = "Documentation" },
        Language.English);

    private static readonly Person Megan = new("megan-bowen", null, "Megan Bowen", null, Level.Lead, "medical-ward-3", null, "America/Chicago", WorkingHours.Default, null, null, "en-US", 3, ["clinical-judgment"], false);

    private static readonly Person Emily = new("emily-sorensen", null, "Emily Sorensen", null, Level.Staff, "medical-ward-3", null, "America/Chicago", WorkingHours.Default, null, null, "en-US", 0, [], false);

    private static readonly Mentorship Pairing = new("run-1-0", "megan-bowen", "emily-sorensen", ["clinical-judgment", "documentation"], MentorshipKind.Lane,
        new Cadence(CadenceFrequency.Biweekly, DayOfWeek.Tuesday, new TimeOnly(10, 0)), new DateOnly(2026, 11, 23), MentorshipStatus.Active, null, new DateOnly(2026, 12, 23));

    public static IReadOnlyDictionary<string, AdaptiveCard> Build() => new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
    {
        ["MatchCard.suggestions"] = MatchCard.Suggestions(View),
        ["MatchCard.suggestions.spanish"] = MatchCard.Suggestions(View with { Language = Language.Spanish }),
        ["MatchCard.suggestions.nobody"] = MatchCard.Suggestions(View with { Run = Run with { Suggestions = [], Unmatched = [] } }),
        ["MatchCard.published"] = MatchCard.Published(new PublishResult(6, 1, 1), Language.English),
        ["MatchCard.already-published"] = MatchCard.AlreadyPublished(Language.English),
        ["MatchCard.intro-mentee"] = MatchCard.Intro(Emily, Megan, Pairing, ["Clinical judgment", "Documentation"], readerIsMentor: false, Language.English),
        ["MatchCard.intro-mentor"] = MatchCard.Intro(Megan, Emily, Pairing, ["Clinical judgment", "Documentation"], readerIsMentor: true, Language.English),
        ["MatchCard.unmatched"] = MatchCard.Unmatched("every mentor who teaches escalation procedures is full", Language.English),
        ["MatchCard.change-requested"] = MatchCard.ChangeRequested("Megan Bowen", Language.English),
        ["MatchCard.nothing-to-change"] = MatchCard.NothingToChange(Language.English),
        ["MatchCard.rematch-admin"] = MatchCard.RematchForAdmin("Alex Wilber", "Megan Bowen", "asked", Language.English),
    };
}
