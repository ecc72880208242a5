using MentorBot.Features.Digest;

namespace MentorBot.Features.Outcomes;

/// <summary>
/// The outcome lines of a leader's digest: the scope's totals over twelve months, with one more rule than the outcomes
/// card. Another leader's digest may publish the same figure for some of these units, so a figure is also hidden when
/// the rest of the scope (this total minus that one) would describe a small group. Pure.
/// </summary>
internal static class DigestOutcomes
{
    public static OutcomeLine From(OutcomeInput input, IReadOnlyList<IReadOnlyList<string>> publishedUnitSets, int minGroupSize)
    {
        var k = Suppression.Threshold(minGroupSize);
        // The digest shows the scope's total only: each group is computed once, and no unit or cohort table is built.
        var whole = OutcomeCalculator.Group("total", string.Empty, input.People, input);
        var total = OutcomeFigures.From(string.Empty, input, whole, [], [], k).Total;
        var units = input.People.GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => OutcomeCalculator.Group(g.Key, g.Key, g, input), StringComparer.Ordinal);
        var scopeUnits = units.Keys.ToHashSet(StringComparer.Ordinal);
        var subsets = publishedUnitSets.Where(set => set.All(scopeUnits.Contains) && set.Count < scopeUnits.Count).ToList();

        Cell Guard(Cell cell, Func<OutcomeRaw, int> size)
        {
            if (!cell.IsShown)
            {
                return cell;
            }

            var all = size(whole);
            return subsets.Any(set => all - set.Sum(u => size(units[u])) is var rest && rest > 0 && rest < k) ? Cell.Make(CellState.Complementary, 0) : cell;
        }

        return total with
        {
            Independence = Guard(total.Independence, r => r.DaysToIndependence.Count),
            IndependenceLower = Guard(total.IndependenceLower, r => r.DaysToIndependence.Count),
            IndependenceUpper = Guard(total.IndependenceUpper, r => r.DaysToIndependence.Count),
            Validations = Guard(total.Validations, r => r.Validations),
            Retention90 = Guard(total.Retention90, r => r.Retention90Eligible),
            Retention12 = Guard(total.Retention12, r => r.Retention12Eligible),
            Promotion = Guard(total.Promotion, r => r.Promoted),
            NewHireConfidence = Guard(total.NewHireConfidence, r => r.NewHireConfidence.Count),
            OtherConfidence = Guard(total.OtherConfidence, r => r.OtherConfidence.Count),
        };
    }
}
