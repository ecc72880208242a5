namespace MentorBot.Features.Outcomes;

/// <summary>
/// The programme's outcomes over a window, pure: time-to-independence, validations, 90-day and 12-month retention of
/// new hires, internal promotion and the confidence of new hires beside everyone else. Dates are local calendar days,
/// so daylight saving never moves a figure; a year after 29 February is 28 February.
/// </summary>
internal static class OutcomeCalculator
{
    /// <summary>A new hire, for confidence: started within the year before the window ends.</summary>
    public const int NewHireDays = 365;

    /// <summary>The confidence trend splits the window into this many equal periods (quarters of a year).</summary>
    public const int TrendPeriods = 4;

    /// <summary>How long one trend period is, in milliseconds, for a window.</summary>
    public static long PeriodMilliseconds(DateOnly from, DateOnly to) => Math.Max(1L, (long)(to.DayNumber - from.DayNumber) * 86_400_000L / TrendPeriods);

    public static int DaysToIndependence(OutcomePerson person) =>
        person.IndependentOn is { } on && (person.FirstShift ?? person.StartDate) is { } first ? on.DayNumber - first.DayNumber : -1;

    public static bool Stayed(OutcomePerson person, DateOnly milestone) => !person.GoneBy(milestone.AddDays(-1));

    public static OutcomeRaw Group(string key, string name, IEnumerable<OutcomePerson> members, OutcomeInput input)
    {
        var people = members.ToList();
        var ids = people.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var units = people.Select(p => p.UnitId).ToHashSet(StringComparer.Ordinal);
        bool In(DateOnly day) => day >= input.From && day < input.To;

        var tti = people.Where(p => p.IndependentOn is { } on && In(on)).Select(DaysToIndependence).Where(d => d >= 0).Order().ToList();
        var r90 = people.Where(p => p.StartDate is { } s && In(s.AddDays(90))).ToList();
        var r12 = people.Where(p => p.StartDate is { } s && In(s.AddYears(1))).ToList();
        var present = people.Where(p => p.PresentDuring(input.From, input.To)).ToList();
        var mine = input.Confidence.Where(c => ids.Contains(c.PersonId) && c.Count > 0).ToList();
        var scores = mine.GroupBy(c => c.PersonId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Sum) / g.Sum(c => c.Count), StringComparer.Ordinal);
        var newHires = people.Where(p => p.StartDate is { } s && s.DayNumber >= input.To.DayNumber - NewHireDays).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<IReadOnlyList<double>> Trend(bool hires) => [.. Enumerable.Range(0, TrendPeriods).Select(period =>
            (IReadOnlyList<double>)[.. mine.Where(c => c.Period == period && newHires.Contains(c.PersonId) == hires).Select(c => c.Sum / c.Count)])];
        return new OutcomeRaw(
            key,
            name,
            tti,
            units.Sum(u => input.ValidationsByUnit.GetValueOrDefault(u)),
            r90.Count,
            r90.Count(p => Stayed(p, p.StartDate!.Value.AddDays(90))),
            r12.Count,
            r12.Count(p => Stayed(p, p.StartDate!.Value.AddYears(1))),
            present.Count,
            present.Count(p => p.Promotions.Any(In)),
            [.. scores.Where(s => newHires.Contains(s.Key)).Select(s => s.Value)],
            [.. scores.Where(s => !newHires.Contains(s.Key)).Select(s => s.Value)],
            Trend(hires: true),
            Trend(hires: false));
    }

    /// <summary>Cohorts by start month, for people who started in the window: figures over all time since.</summary>
    public static IReadOnlyList<OutcomeRaw> Cohorts(OutcomeInput input)
    {
        var everything = input with { From = DateOnly.MinValue, To = input.To };
        return [.. input.People
            .Where(p => p.StartDate is { } s && s >= input.From && s < input.To)
            .GroupBy(p => new DateOnly(p.StartDate!.Value.Year, p.StartDate.Value.Month, 1))
            .OrderBy(g => g.Key)
            .Select(g => Group(g.Key.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), g.Key.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), g, everything) with
            {
                // Validations and confidence belong to units and weeks, not to a start month.
                Validations = 0, NewHireConfidence = [], OtherConfidence = [], NewHireTrend = null, OtherTrend = null,
            })];
    }

    /// <summary>The middle value, and the quartiles either side (nearest rank).</summary>
    public static (double Median, double Lower, double Upper) Spread(IReadOnlyList<int> sorted)
    {
        if (sorted.Count == 0)
        {
            return (0, 0, 0);
        }

        static double At(IReadOnlyList<int> s, double q)
        {
            var position = q * (s.Count - 1);
            var low = (int)Math.Floor(position);
            var high = (int)Math.Ceiling(position);
            return s[low] + ((s[high] - s[low]) * (position - low));
        }

        return (At(sorted, 0.5), At(sorted, 0.25), At(sorted, 0.75));
    }
}
