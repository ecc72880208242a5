namespace MentorBot.Features.Map;

/// <summary>How a validator saw a competency: done in front of them, explained to them, or watched at work.</summary>
internal enum ValidationMethod
{
    Demonstration,
    VerbalExplanation,
    Observation,
}

/// <summary>Who may validate a competency, relative to the person being validated.</summary>
internal enum ValidatorRole
{
    /// <summary>The person's own mentors in the competency's lane.</summary>
    Mentors,

    /// <summary>Leads of the person's unit.</summary>
    UnitLeads,

    /// <summary>Managers of the person's unit.</summary>
    UnitManagers,
}

/// <summary>Why a person left the map. Retention counts <see cref="MovedUnit"/> as staying in the organisation.</summary>
internal enum EndReason
{
    LeftOrganisation,
    MovedUnit,
    Other,

    /// <summary>The person dropped out of the map file without a reason.</summary>
    Unspecified,
}

internal sealed record Competency(
    string Id, string Name, string LaneId, string StepId, IReadOnlyList<ValidationMethod> Methods, IReadOnlyList<ValidatorRole> Validators);

/// <summary>One step of a track; <see cref="Onboarding"/> says which of its competencies a new hire needs in which phase.</summary>
internal sealed record LadderStep(
    string Id, string TrackId, string Name, Level? Level, int Position, IReadOnlyList<Competency> Competencies,
    IReadOnlyDictionary<string, OnboardingPhase> Onboarding);

internal sealed record LadderTrack(string Id, string Name, IReadOnlyList<LadderStep> Steps);

/// <summary>The career ladder: tracks of ordered steps, each with the competencies it asks for.</summary>
internal sealed record Ladder(IReadOnlyList<LadderTrack> Tracks)
{
    public static Ladder Empty { get; } = new([]);

    public IEnumerable<LadderStep> Steps => Tracks.SelectMany(t => t.Steps);

    public IEnumerable<Competency> Competencies => Steps.SelectMany(s => s.Competencies);

    public LadderStep? Step(string? id) => id is null ? null : Steps.FirstOrDefault(s => s.Id == id);

    public Competency? Find(string? id) => id is null ? null : Competencies.FirstOrDefault(c => c.Id == id);

    /// <summary>The step after <paramref name="stepId"/> on its track, or null at the top.</summary>
    public LadderStep? Next(string? stepId) =>
        Step(stepId) is { } step ? Tracks.First(t => t.Id == step.TrackId).Steps.FirstOrDefault(s => s.Position == step.Position + 1) : null;

    /// <summary>True when <paramref name="to"/> is a later step than <paramref name="from"/> on the same track.</summary>
    public bool IsPromotion(string? from, string? to) =>
        Step(from) is { } a && Step(to) is { } b && a.TrackId == b.TrackId && b.Position > a.Position;
}

/// <summary>A person who has left: kept in the map's history with when and why.</summary>
internal sealed record FormerPerson(Person Person, DateOnly LeftOn, EndReason Reason);
