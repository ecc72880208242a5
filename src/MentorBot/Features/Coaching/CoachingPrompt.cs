using MentorBot.Features.Map;

namespace MentorBot.Features.Coaching;

internal enum CoachingAudience
{
    Staff,
    Mentor,
    Leader,
}

/// <summary>One micro-coaching prompt from the library: a short point, one question, and maybe a tiny practice.</summary>
internal sealed record CoachingPrompt(
    string Id,
    string Lane,
    OnboardingPhase Phase,
    CoachingAudience Audience,
    Level Level,
    bool Gentle,
    string Text,
    string Question,
    string? Practice);

/// <summary>The queue kinds and card verbs of coaching.</summary>
internal static class CoachingKinds
{
    public const string AfterCheckIn = "coaching-prompt";
    public const string Reminder = "coaching-reminder";
    public const string TalkRequest = "coaching-talk";
}

internal static class CoachingVerbs
{
    public const string Useful = "coach.useful";
    public const string NotUseful = "coach.notuseful";
    public const string TryIt = "coach.try";
    public const string Talk = "coach.talk";
    public const string Delivery = "delivery";
}
