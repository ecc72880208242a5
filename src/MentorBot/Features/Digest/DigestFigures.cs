using MentorBot.Features.Map;

namespace MentorBot.Features.Digest;

/// <summary>
/// Turns raw counts into the figures a digest may show, pure. Every figure about people passes through
/// <see cref="Suppression"/>; the unit breakdown gets complementary suppression column by column, against its own
/// total and against the totals other leaders' digests publish for some of its units; the four weeks
/// before are pooled only from weeks that are themselves shown, so no hidden week can be recovered from them.
/// </summary>
internal static class DigestFigures
{
    public const int LanesListed = 5;

    public static DigestReport From(DigestData data, DigestHeader header, int minGroupSize, DateOnly today)
    {
        var k = Suppression.Threshold(minGroupSize);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(header.TimeZone);
        var totals = Enumerable.Range(0, DigestWindow.Weeks).Select(w => Sum(data.UnitWeeks.Where(u => u.Week == w))).ToArray();
        var weeks = Enumerable.Range(0, DigestWindow.Weeks).Reverse()
            .Select(w => Point(totals[w], DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DigestWindow.StartOf(w, data.AsOf), zone).DateTime), k))
            .ToList();
        var earlier = totals.Skip(1).ToList();

        var (lanes, notListed) = Lanes(data, k);
        var (units, total) = Units(data, totals[0], k);
        return new DigestReport(
            header,
            k,
            data.People,
            weeks,
            Pool(weeks.Take(DigestWindow.Weeks - 1).ToList()),
            Cell.Make(Suppression.Count(totals[0].AskedTime, totals[0].Respondents, k), totals[0].AskedTime),
            Cell.Make(Suppression.Count(earlier.Sum(t => t.AskedTime), earlier.Sum(t => t.Respondents), k), earlier.Sum(t => t.AskedTime)),
            Cell.Make(Suppression.Count(data.SessionsByWeek[0], k), data.SessionsByWeek[0]),
            Cell.Make(Suppression.Count(data.SessionsByWeek.Skip(1).Sum(), k), data.SessionsByWeek.Skip(1).Sum()),
            lanes,
            notListed,
            Cell.Make(Suppression.Count(data.LowCalibrations, data.CalibrationRespondents, k), data.LowCalibrations),
            data.Mentors,
            data.MentorsAtCapacity,
            NewHires(data.RecentStarts, today),
            data.Unreachable,
            units,
            total,
            Cell.Make(Suppression.Count(data.ConcernsOpen, k), data.ConcernsOpen),
            Cell.Make(Suppression.Count(data.ConcernsResolved, k), data.ConcernsResolved));
    }

    private static WeekPoint Point(UnitWeek week, DateOnly starts, int k) => new(
        starts,
        Cell.Make(Suppression.Group(week.PeopleSent, k), week.Answered, week.Sent),
        Cell.Make(Suppression.Average(week.Scorers, week.ConfidenceLowest, week.ConfidenceHighest, k), week.Scorers == 0 ? 0 : week.ConfidenceSum / week.Scorers),
        Cell.Make(Suppression.Average(week.Scorers, week.LoadLowest, week.LoadHighest, k), week.Scorers == 0 ? 0 : week.LoadSum / week.Scorers));

    /// <summary>The weeks before, from the shown weeks only: participation pooled, scores as the mean of the weekly means.</summary>
    private static WeekPoint Pool(IReadOnlyList<WeekPoint> weeks)
    {
        static Cell Of(IReadOnlyList<Cell> cells, Func<IReadOnlyList<Cell>, Cell> pool)
        {
            var shown = cells.Where(c => c.IsShown).ToList();
            return shown.Count > 0 ? pool(shown) : cells.All(c => c.State == CellState.Empty) ? Cell.Empty : Cell.Make(CellState.TooFew, 0);
        }

        return new WeekPoint(
            weeks[0].Starts,
            Of([.. weeks.Select(w => w.Participation)], s => Cell.Make(CellState.Shown, s.Sum(c => c.Value), s.Sum(c => c.Of))),
            Of([.. weeks.Select(w => w.Confidence)], s => Cell.Make(CellState.Shown, s.Average(c => c.Value))),
            Of([.. weeks.Select(w => w.Load)], s => Cell.Make(CellState.Shown, s.Average(c => c.Value))));
    }

    private static (IReadOnlyList<LaneLine> Listed, int NotListed) Lanes(DigestData data, int k)
    {
        // Ordered by what the card shows (a hidden count ranks below every shown count and above zero), never by hidden values.
        static double Rank(Cell cell) => cell.IsShown ? cell.Value : cell.IsHidden ? 0.5 : 0;
        var lines = data.Lanes
            .Where(l => l.ThisWeek > 0 || l.Before > 0)
            .Select(l => new LaneLine(
                data.LaneNames.GetValueOrDefault(l.LaneId) ?? l.LaneId,
                Cell.Make(Suppression.Count(l.ThisWeek, k), l.ThisWeek),
                Cell.Make(Suppression.Count(l.Before, k), l.Before)))
            .OrderByDescending(l => Rank(l.ThisWeek))
            .ThenByDescending(l => Rank(l.Before))
            .ThenBy(l => l.Lane, StringComparer.Ordinal)
            .ToList();
        return ([.. lines.Take(LanesListed)], Math.Max(0, lines.Count - LanesListed));
    }

    private static (IReadOnlyList<UnitLine> Units, UnitLine Total) Units(DigestData data, UnitWeek total, int k)
    {
        var thisWeek = data.UnitWeeks.Where(u => u.Week == 0).ToDictionary(u => u.UnitId, StringComparer.Ordinal);
        var rows = data.PeopleByUnit.Keys.Union(thisWeek.Keys, StringComparer.Ordinal)
            .Select(id => thisWeek.GetValueOrDefault(id) ?? new UnitWeek(id, 0, 0, 0, 0, 0, 0, 0, 0, 0))
            .Select(u => (Name: u.UnitId.Length == 0 ? string.Empty : data.UnitNames.GetValueOrDefault(u.UnitId) ?? u.UnitId, Week: u))
            .OrderBy(u => u.Name.Length == 0 ? 1 : 0)
            .ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();

        // Other leaders' digests publish the totals of some of these units: those sums are protected like ours.
        var index = rows.Select((r, i) => (r.Week.UnitId, i)).ToDictionary(x => x.UnitId, x => x.i, StringComparer.Ordinal);
        var margins = data.PublishedUnitSets.Where(set => set.Count > 1 && set.All(index.ContainsKey)).Select(set => (IReadOnlyList<int>)[.. set.Select(u => index[u])]).ToList();
        var elsewhere = rows.Select(r => data.PublishedUnitSets.Any(set => set.Count == 1 && set[0] == r.Week.UnitId)).ToList();
        var participation = Suppression.Breakdown([.. rows.Select(r => r.Week.PeopleSent)], k, null, margins, elsewhere);
        var confidence = Suppression.Breakdown(
            [.. rows.Select(r => r.Week.Scorers)], k, [.. rows.Select(r => Suppression.Average(r.Week.Scorers, r.Week.ConfidenceLowest, r.Week.ConfidenceHighest, k))], margins, elsewhere);
        var load = Suppression.Breakdown(
            [.. rows.Select(r => r.Week.Scorers)], k, [.. rows.Select(r => Suppression.Average(r.Week.Scorers, r.Week.LoadLowest, r.Week.LoadHighest, k))], margins, elsewhere);
        var asked = Suppression.Breakdown(
            [.. rows.Select(r => r.Week.AskedTime)], k, [.. rows.Select(r => Suppression.Count(r.Week.AskedTime, r.Week.Respondents, k))], margins, elsewhere);
        var units = rows.Select((r, i) => new UnitLine(
            r.Name,
            Cell.Make(participation[i], r.Week.Answered, r.Week.Sent),
            Cell.Make(confidence[i], r.Week.Scorers == 0 ? 0 : r.Week.ConfidenceSum / r.Week.Scorers),
            Cell.Make(load[i], r.Week.Scorers == 0 ? 0 : r.Week.LoadSum / r.Week.Scorers),
            Cell.Make(asked[i], r.Week.AskedTime))).ToList();

        var point = Point(total, default, k);
        return (units, new UnitLine(string.Empty, point.Participation, point.Confidence, point.Load, Cell.Make(Suppression.Count(total.AskedTime, total.Respondents, k), total.AskedTime)));
    }

    private static IReadOnlyList<PhaseCount> NewHires(IReadOnlyList<DateOnly> starts, DateOnly today)
    {
        var phases = starts.Select(s => Onboarding.PhaseOn(s, today).Phase).Where(p => p != OnboardingPhase.None).ToList();
        return [.. new[] { OnboardingPhase.Observe, OnboardingPhase.PractiseWithSupport, OnboardingPhase.PractiseIndependently }
            .Select(p => new PhaseCount(p, phases.Count(x => x == p)))];
    }

    private static UnitWeek Sum(IEnumerable<UnitWeek> parts)
    {
        var list = parts.ToList();
        var scored = list.Where(u => u.Scorers > 0).ToList();
        return new UnitWeek(
            string.Empty, list.FirstOrDefault()?.Week ?? 0, list.Sum(u => u.PeopleSent), list.Sum(u => u.Sent), list.Sum(u => u.Answered), list.Sum(u => u.Respondents),
            list.Sum(u => u.Scorers), list.Sum(u => u.ConfidenceSum), list.Sum(u => u.LoadSum), list.Sum(u => u.AskedTime),
            scored.Select(u => u.ConfidenceLowest).DefaultIfEmpty().Min(), scored.Select(u => u.ConfidenceHighest).DefaultIfEmpty().Max(),
            scored.Select(u => u.LoadLowest).DefaultIfEmpty().Min(), scored.Select(u => u.LoadHighest).DefaultIfEmpty().Max());
    }
}
