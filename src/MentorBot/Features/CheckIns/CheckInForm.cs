using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.CheckIns;

/// <summary>Everything the check-in card shows: whose period, who will see shared answers, what is already typed.</summary>
internal sealed record CheckInForm(
    string PeriodId,
    string? MentorName,
    OnboardingPhase Phase,
    DateTimeOffset ClosesAt,
    string ReaderTimeZone,
    Language Language,
    int MaxLength,
    CheckInDraft Draft,
    string? Problem = null,
    bool IsReminder = false,
    bool CanSkip = false);

/// <summary>What the form holds: blank, the saved answer (to edit), or what was typed when saving failed.</summary>
internal sealed record CheckInDraft(
    string? Learned = null,
    bool LearnedShared = true,
    string? Need = null,
    bool NeedShared = true,
    string? Stuck = null,
    bool StuckShared = true,
    int? Confidence = null,
    int? Load = null,
    bool ScoresShared = true,
    bool WantsTime = false)
{
    public static CheckInDraft From(CheckInAnswer answer) => new(
        answer.Learned, answer.LearnedShared, answer.Need, answer.NeedShared, answer.Stuck, answer.StuckShared,
        answer.Confidence, answer.Load, answer.ScoresShared, answer.WantsTime);
}

/// <summary>The card's input ids: the submitted data is keyed by these.</summary>
internal static class CheckInFields
{
    public const string Period = "period";
    public const string Learned = "learned";
    public const string LearnedShared = "learnedShared";
    public const string Need = "need";
    public const string NeedShared = "needShared";
    public const string Stuck = "stuck";
    public const string StuckShared = "stuckShared";
    public const string Confidence = "confidence";
    public const string Load = "load";
    public const string ScoresShared = "scoresShared";
    public const string WantsTime = "wantsTime";

    /// <summary>What the person asked to do after sending: <see cref="NextConcern"/> opens the concern card.</summary>
    public const string Next = "next";
    public const string NextConcern = "concern";
}
