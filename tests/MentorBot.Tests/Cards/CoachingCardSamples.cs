using MentorBot.Cards;
using MentorBot.Features.Coaching;
using MentorBot.Features.Map;

namespace MentorBot.Tests.Cards;

/// <summary>Samples of the coaching cards, merged into <see cref="CardSamples.All"/>.</summary>
internal static class CoachingCardSamples
{
    private static readonly CoachingPrompt Prompt = new(
        "doc-obs-3", "documentation", OnboardingPhase.Observe, CoachingAudience.Staff, Level.Staff, false,
        "Watch how colleagues separate fact from opinion. 'Ate half her lunch, said she felt sick' is a fact. 'Seemed fussy' is an opinion that does not help the next shift.",
        "Which note you read this week was opinion rather than fact, and how could it be reworded?",
        "Take one vague phrase you read and rewrite it as what was actually seen or heard.");

    public static IReadOnlyDictionary<string, AdaptiveCard> Build() => new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
    {
        ["CoachingCard"] = CoachingCard.Build(Prompt, "Documentation", "Because your last check-in mentioned documentation.", "checkin:p1", CoachingCardState.Fresh, "Megan Bowen", Language.English),
        ["CoachingCard.useful"] = CoachingCard.Build(Prompt, "Documentation", null, "checkin:p1", CoachingCardState.Useful, "Megan Bowen", Language.English),
        ["CoachingCard.talk"] = CoachingCard.Build(Prompt, "Documentation", null, "checkin:p1", CoachingCardState.TalkRequested, "Megan Bowen", Language.English, "megan-bowen"),
        ["CoachingCard.reminder"] = CoachingCard.Build(Prompt with { Practice = null }, "Documentation", null, "checkin:p1", CoachingCardState.Reminder, null, Language.English),
        ["CoachingCard.spanish"] = CoachingCard.Build(Prompt, "Documentación", null, "checkin:p1", CoachingCardState.RemindTomorrow, "Megan Bowen", Language.Spanish),
        ["CoachingCard.talkRequest"] = CoachingCard.TalkRequest("Alex Wilber", Prompt, "Documentation", Language.English),
        ["CoachingReportCard"] = CoachingReportCard.Build([new("doc-obs-3", "documentation", 12, 7, 1), new("cj-sup-2", "clinical-judgment", 4, 0, 3)], Language.English),
        ["CoachingReportCard.empty"] = CoachingReportCard.Build([], Language.Spanish),
    };
}
