namespace MentorBot.Features.CheckIns;

internal static class CheckInVerbs
{
    public const string Submit = "checkin.submit";
    public const string Edit = "checkin.edit";
    public const string Skip = "checkin.skip";
}

internal static class PeriodStatus
{
    public const string Open = "open";
    public const string Answered = "answered";
    public const string Missed = "missed";
    public const string Skipped = "skipped";
}

/// <summary>One check-in opportunity for a mentee, open until <see cref="ClosesAt"/>.</summary>
internal sealed record CheckInPeriod(string Id, string PersonId, string? MentorshipId, string? MentorId, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Status)
{
    public bool IsOpenAt(DateTimeOffset now) => now < ClosesAt && Status is PeriodStatus.Open or PeriodStatus.Answered;
}

/// <summary>What the person wrote. Each text answer carries its own visibility; scores share one switch.</summary>
internal sealed record CheckInAnswer(
    string PeriodId,
    string PersonId,
    string? Learned,
    bool LearnedShared,
    string? Need,
    bool NeedShared,
    string? Stuck,
    bool StuckShared,
    int Confidence,
    int Load,
    bool ScoresShared,
    bool WantsTime,
    DateTimeOffset SubmittedAt,
    int Revision)
{
    /// <summary>The same content, ignoring when and how often it was saved: a double click changes nothing.</summary>
    public bool SameContentAs(CheckInAnswer other) =>
        (Learned, LearnedShared, Need, NeedShared, Stuck, StuckShared, Confidence, Load, ScoresShared, WantsTime)
        == (other.Learned, other.LearnedShared, other.Need, other.NeedShared, other.Stuck, other.StuckShared, other.Confidence, other.Load, other.ScoresShared, other.WantsTime);

    /// <summary>Only what the mentee chose to share: this is all a mentor ever receives.</summary>
    public SharedCheckIn SharedView() => new(
        LearnedShared ? Learned : null,
        NeedShared ? Need : null,
        StuckShared ? Stuck : null,
        ScoresShared ? Confidence : null,
        ScoresShared ? Load : null,
        WantsTime);
}

/// <summary>The mentor's view of a check-in: private answers are simply absent.</summary>
internal sealed record SharedCheckIn(string? Learned, string? Need, string? Stuck, int? Confidence, int? Load, bool WantsTime)
{
    public bool IsEmpty => Learned is null && Need is null && Stuck is null && Confidence is null && !WantsTime;
}

internal abstract record SaveOutcome
{
    private SaveOutcome()
    {
    }

    /// <summary>Written; <paramref name="Streak"/> counts this period among the answered ones in a row.</summary>
    public sealed record Saved(CheckInAnswer Answer, bool First, CheckInPeriod Period, int Streak) : SaveOutcome;

    /// <summary>The same content again (a double click or a Teams retry): nothing was written.</summary>
    public sealed record Unchanged(CheckInAnswer Answer, CheckInPeriod Period, int Streak) : SaveOutcome;

    public sealed record Closed : SaveOutcome;

    public sealed record NotYours : SaveOutcome;

    public sealed record UnknownPeriod : SaveOutcome;
}
