using MentorBot.Features.Map;

namespace MentorBot.Features.Digest;

/// <summary>
/// A figure as a card may show it. A hidden figure carries no value at all, so a card builder cannot leak it even by
/// mistake. <see cref="Value"/> is a count or a mean; for participation it is the answered count and <see cref="Of"/> the sent.
/// </summary>
internal sealed record Cell
{
    private Cell(CellState state, double value, int of)
    {
        State = state;
        Value = value;
        Of = of;
    }

    public CellState State { get; }

    public double Value { get; }

    public int Of { get; }

    public bool IsShown => State == CellState.Shown;

    public bool IsHidden => Suppression.IsHidden(State);

    public static Cell Empty { get; } = new(CellState.Empty, 0, 0);

    public static Cell Make(CellState state, double value, int of = 0) =>
        state == CellState.Shown ? new Cell(state, value, of) : new Cell(state, 0, 0);
}

/// <summary>What the scope looks like this week, and in the weeks before, once the privacy rules have been applied.</summary>
internal sealed record WeekPoint(DateOnly Starts, Cell Participation, Cell Confidence, Cell Load);

internal sealed record LaneLine(string Lane, Cell ThisWeek, Cell Before);

internal sealed record UnitLine(string Unit, Cell Participation, Cell Confidence, Cell Load, Cell AskedTime);

internal sealed record PhaseCount(OnboardingPhase Phase, int People);

/// <summary>Whose digest this is and when: the scope's key (<c>mine</c> or <c>org</c>) travels on the card's buttons.</summary>
internal sealed record DigestHeader(string ScopeKey, string ScopeName, DateTimeOffset AsOf, string TimeZone, bool NudgeAllowed);

/// <summary>The digest, every figure already suppressed. Card builders take only this.</summary>
internal sealed record DigestReport(
    DigestHeader Header,
    int MinGroupSize,
    int People,
    IReadOnlyList<WeekPoint> Weeks,
    WeekPoint Before,
    Cell AskedTime,
    Cell AskedTimeBefore,
    Cell Sessions,
    Cell SessionsBefore,
    IReadOnlyList<LaneLine> Lanes,
    int LanesNotListed,
    Cell LowCalibrations,
    int Mentors,
    int MentorsAtCapacity,
    IReadOnlyList<PhaseCount> NewHires,
    int Unreachable,
    IReadOnlyList<UnitLine> Units,
    UnitLine Total,
    Cell? ConcernsOpen = null,
    Cell? ConcernsResolved = null,
    Outcomes.OutcomeLine? Outcomes = null)
{
    public WeekPoint ThisWeek => Weeks[^1];
}

/// <summary>Who has not answered their recent check-ins: names and how many, nothing else.</summary>
internal sealed record NudgeList(DigestHeader Header, IReadOnlyList<(string Name, int Unanswered)> People);
