using MentorBot.Features.Digest;

namespace MentorBot.Tests.Digest;

public sealed class SuppressionTests
{
    private const CellState Shown = CellState.Shown;
    private const CellState TooFew = CellState.TooFew;
    private const CellState Hidden = CellState.Complementary;

    [Theory]
    [InlineData(0, "Empty")]
    [InlineData(1, "TooFew")]
    [InlineData(4, "TooFew")]
    [InlineData(5, "Shown")]
    [InlineData(20000, "Shown")]
    public void A_figure_about_fewer_than_five_people_is_hidden(int people, string expected) =>
        Assert.Equal(Enum.Parse<CellState>(expected), Suppression.Group(people, 5));

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(7, 7)]
    public void The_threshold_is_never_below_three_whatever_the_configuration_says(int configured, int threshold)
    {
        Assert.Equal(threshold, Suppression.Threshold(configured));
        Assert.Equal(TooFew, Suppression.Group(2, configured));
        Assert.Equal(TooFew, Suppression.Count(2, 100, configured));
        Assert.Equal(Shown, Suppression.Group(Math.Max(3, configured), configured));
    }

    [Theory]
    [InlineData(0, 12, "Shown")]
    [InlineData(1, 12, "TooFew")]
    [InlineData(4, 12, "TooFew")]
    [InlineData(5, 12, "Shown")]
    [InlineData(0, 4, "TooFew")]
    [InlineData(0, 0, "Empty")]
    public void A_count_of_people_is_hidden_when_it_is_a_small_group_or_comes_from_one(int count, int group, string expected) =>
        Assert.Equal(Enum.Parse<CellState>(expected), Suppression.Count(count, group, 5));

    [Theory]
    [InlineData(6, 1.0, 1.0, "Uniform")]
    [InlineData(6, 3.5, 3.5, "Uniform")]
    [InlineData(6, 1.0, 2.0, "Shown")]
    [InlineData(4, 1.0, 2.0, "TooFew")]
    [InlineData(0, 0.0, 0.0, "Empty")]
    public void An_average_is_hidden_when_the_group_is_small_or_everyone_gave_the_same_score(int people, double lowest, double highest, string expected) =>
        Assert.Equal(Enum.Parse<CellState>(expected), Suppression.Average(people, lowest, highest, 5));

    [Fact]
    public void One_small_unit_hides_the_next_smallest_unit_too()
    {
        Assert.Equal([Shown, TooFew, Hidden, Shown], Suppression.Breakdown([12, 3, 9, 20], 5));
    }

    [Fact]
    public void Small_units_hidden_together_must_still_add_up_to_five_people()
    {
        // Two units of one person each: hiding both is not enough, their sum (2) would be a figure about two people.
        Assert.Equal([TooFew, TooFew, Shown, Hidden], Suppression.Breakdown([1, 1, 30, 8], 5));
    }

    [Fact]
    public void Units_with_nobody_in_them_neither_need_hiding_nor_help_to_hide()
    {
        Assert.Equal([CellState.Empty, TooFew, Hidden, Shown], Suppression.Breakdown([0, 2, 6, 7], 5));
    }

    [Fact]
    public void A_breakdown_without_small_units_is_shown_whole() =>
        Assert.All(Suppression.Breakdown([5, 6, 7], 5), s => Assert.Equal(Shown, s));

    [Fact]
    public void A_count_hidden_because_its_group_is_small_is_protected_even_when_it_is_zero()
    {
        // Asked for mentor time per unit: 0 of 2 respondents, 6 of 12, 5 of 8. Showing 6 and 5 beside a total of 11 would
        // tell the reader that nobody in the first unit asked.
        var counts = new[] { 0, 6, 5 };
        var primary = new[] { Suppression.Count(0, 2, 5), Suppression.Count(6, 12, 5), Suppression.Count(5, 8, 5) };

        Assert.Equal([TooFew, Shown, Hidden], Suppression.Breakdown(counts, 5, primary));
    }

    [Fact]
    public void The_subtraction_attack_recovers_no_single_small_group()
    {
        // Answered / sent per unit; the total is on the card. Unit B is three people.
        (int Answered, int Sent)[] units = [(10, 12), (1, 3), (7, 9)];
        var states = Suppression.Breakdown([.. units.Select(u => u.Sent)], 5);
        var total = (Answered: units.Sum(u => u.Answered), Sent: units.Sum(u => u.Sent));

        // The attacker subtracts every figure they can see from the total.
        var shown = Enumerable.Range(0, units.Length).Where(i => states[i] == Shown).ToList();
        var left = (Answered: total.Answered - shown.Sum(i => units[i].Answered), Sent: total.Sent - shown.Sum(i => units[i].Sent));
        var hidden = Enumerable.Range(0, units.Length).Where(i => Suppression.IsHidden(states[i])).ToList();

        Assert.Contains(1, hidden);
        Assert.True(hidden.Count >= 2, "the small unit must not be the only one hidden");
        Assert.True(left.Sent >= 5, "what subtraction yields must itself describe at least five people");
        Assert.NotEqual(units[1], left);
    }

    [Fact]
    public void A_small_unit_cannot_be_worked_out_from_another_leaders_digest_either()
    {
        // The organisation by unit: Medical Ward 3 (9), Outpatient Clinic (3), Emergency (6), Home Care (20). Adele's
        // digest publishes Ward 3 + Outpatient: showing Ward 3 here would give Outpatient away by subtraction from it.
        Assert.Equal([Hidden, TooFew, Hidden, Shown], Suppression.Breakdown([9, 3, 6, 20], 5, margins: [[0, 1]]));
        Assert.Equal([Shown, TooFew, Hidden, Shown], Suppression.Breakdown([9, 3, 6, 20], 5));
    }

    [Fact]
    public void A_unit_whose_own_digest_shows_it_is_never_the_one_hidden_beside_a_small_unit()
    {
        Assert.Equal([TooFew, Shown, Hidden], Suppression.Breakdown([3, 6, 9], 5, publishedElsewhere: [false, true, false]));
    }

    [Fact]
    public void Random_breakdowns_never_leave_a_hidden_part_alone_or_a_hidden_sum_below_the_threshold()
    {
        var random = new Random(7);
        for (var round = 0; round < 5000; round++)
        {
            var k = random.Next(1, 9);
            var threshold = Suppression.Threshold(k);
            var sizes = Enumerable.Range(0, random.Next(1, 9)).Select(_ => random.Next(0, 4) == 0 ? 0 : random.Next(1, 25)).ToArray();

            var states = Suppression.Breakdown(sizes, k);

            var hidden = Enumerable.Range(0, sizes.Length).Where(i => Suppression.IsHidden(states[i])).ToList();
            var shownWithPeople = Enumerable.Range(0, sizes.Length).Count(i => states[i] == Shown && sizes[i] > 0);
            Assert.All(Enumerable.Range(0, sizes.Length), i => Assert.True(states[i] != Shown || sizes[i] == 0 || sizes[i] >= threshold));
            if (hidden.Count > 0 && shownWithPeople > 0)
            {
                Assert.True(hidden.Count >= 2 && hidden.Sum(i => sizes[i]) >= threshold, string.Join(",", sizes) + " k=" + k);
            }

            if (hidden.Count > 0 && shownWithPeople == 0)
            {
                // Everything with people in it is hidden: subtraction yields the scope's total, hidden itself when small.
                Assert.Equal(sizes.Sum(), hidden.Sum(i => sizes[i]));
            }
        }
    }
}
