using MentorBot.Features.Map;

namespace MentorBot.Features.Growth;

/// <summary>Where a person stands on one competency. Validation status is a workplace record; self-ratings are private.</summary>
internal enum CompetencyStatus
{
    NotStarted,
    InProgress,
    Validated,
}

/// <summary>How a person rates themselves on a competency.</summary>
internal enum SelfRating
{
    NotYet,
    WithSupport,
    OnMyOwn,
}

/// <summary>One person's current state on one competency, as the latest events left it.</summary>
internal sealed record CompetencyState(
    string CompetencyId, CompetencyStatus Status, DateOnly? ObservedOn, ValidationMethod? Method, string? ValidatorId, SelfRating? SelfRating)
{
    public static CompetencyState NotStarted(string competencyId) => new(competencyId, CompetencyStatus.NotStarted, null, null, null, null);
}

/// <summary>One line of a competency's history: validated, withdrawn or self-rated, by whom and when.</summary>
internal sealed record CompetencyEvent(
    string Id, string PersonId, string CompetencyId, string Kind, DateTimeOffset At, string ActorId, DateOnly? ObservedOn, ValidationMethod? Method,
    SelfRating? Rating, string? Note)
{
    public const string Validated = "validated";
    public const string Withdrawn = "withdrawn";
    public const string SelfRated = "self-rated";
}

internal static class GrowthNames
{
    public static string Rating(SelfRating rating) => rating switch
    {
        SelfRating.NotYet => "not-yet",
        SelfRating.WithSupport => "with-support",
        _ => "on-my-own",
    };

    public static SelfRating? Rating(string? text) => text switch
    {
        "not-yet" => SelfRating.NotYet,
        "with-support" => SelfRating.WithSupport,
        "on-my-own" => SelfRating.OnMyOwn,
        _ => null,
    };

    public static string Status(CompetencyStatus status) => status switch
    {
        CompetencyStatus.Validated => "validated",
        CompetencyStatus.InProgress => "in-progress",
        _ => "not-started",
    };

    public static CompetencyStatus Status(string? text) => text switch
    {
        "validated" => CompetencyStatus.Validated,
        "in-progress" => CompetencyStatus.InProgress,
        _ => CompetencyStatus.NotStarted,
    };
}
