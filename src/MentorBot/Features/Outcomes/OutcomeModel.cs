using MentorBot.Features.Map;

namespace MentorBot.Features.Outcomes;

/// <summary>What outcomes need to know about one person, present or former. No names, no answers.</summary>
internal sealed record OutcomePerson(
    string Id, string UnitId, DateOnly? StartDate, DateOnly? FirstShift, DateOnly? LeftOn, EndReason? Reason, DateOnly? IndependentOn,
    IReadOnlyList<DateOnly> Promotions)
{
    /// <summary>Left the organisation on or before <paramref name="day"/>: moving unit counts as staying.</summary>
    public bool GoneBy(DateOnly day) => LeftOn is { } left && left <= day && Reason != EndReason.MovedUnit;

    public bool PresentDuring(DateOnly from, DateOnly to) => (StartDate ?? DateOnly.MinValue) < to && (LeftOn is not { } left || left >= from);
}

/// <summary>One person's confidence scores shared in one period of the window (see <see cref="OutcomeCalculator.TrendPeriods"/>): their sum and how many.</summary>
internal sealed record ConfidenceScores(string PersonId, double Sum, int Count, int Period = 0);

/// <summary>Everything the outcome figures are computed from, for one scope and one window [From, To).</summary>
internal sealed record OutcomeInput(
    IReadOnlyList<OutcomePerson> People, IReadOnlyDictionary<string, int> ValidationsByUnit, IReadOnlyList<ConfidenceScores> Confidence,
    DateOnly From, DateOnly To, IReadOnlyDictionary<string, string> UnitNames)
{
    public int Months => Math.Max(1, (int)Math.Round((To.DayNumber - From.DayNumber) / 30.44));
}

/// <summary>A group's raw figures before the privacy rules: each with the number of people (or items) behind it.</summary>
internal sealed record OutcomeRaw(
    string Key,
    string Name,
    IReadOnlyList<int> DaysToIndependence,
    int Validations,
    int Retention90Eligible,
    int Retention90Stayed,
    int Retention12Eligible,
    int Retention12Stayed,
    int Headcount,
    int Promoted,
    IReadOnlyList<double> NewHireConfidence,
    IReadOnlyList<double> OtherConfidence,
    IReadOnlyList<IReadOnlyList<double>>? NewHireTrend = null,
    IReadOnlyList<IReadOnlyList<double>>? OtherTrend = null);
