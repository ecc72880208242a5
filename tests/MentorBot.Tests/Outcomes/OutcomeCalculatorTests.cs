using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using MentorBot.Features.Outcomes;

namespace MentorBot.Tests.Outcomes;

public sealed class OutcomeCalculatorTests
{
    private static OutcomePerson Hire(string id, string unit, DateOnly start, DateOnly? independent = null, DateOnly? left = null, EndReason? reason = null, DateOnly? firstShift = null) =>
        new(id, unit, start, firstShift, left, left is null ? null : reason ?? EndReason.LeftOrganisation, independent, []);

    private static OutcomeInput Input(DateOnly from, DateOnly to, params OutcomePerson[] people) =>
        new(people, new Dictionary<string, int>(), [], from, to, new Dictionary<string, string> { ["w3"] = "Ward 3", ["w4"] = "Ward 4" });

    [Fact]
    public void Time_to_independence_counts_calendar_days_from_the_first_shift_across_a_leap_day()
    {
        // First shift 2028-02-27, independent 2028-03-02: 27, 28, 29 Feb, 1 Mar → 4 days.
        var person = Hire("a", "w3", new(2028, 2, 25), independent: new(2028, 3, 2), firstShift: new(2028, 2, 27));

        Assert.Equal(4, OutcomeCalculator.DaysToIndependence(person));
    }

    [Fact]
    public void Time_to_independence_is_the_same_whether_or_not_daylight_saving_changed_in_between()
    {
        // Chicago springs forward on 2026-03-08: the days between are still whole calendar days.
        var across = Hire("a", "w3", new(2026, 3, 1), independent: new(2026, 3, 15));
        var before = Hire("b", "w3", new(2026, 2, 1), independent: new(2026, 2, 15));

        Assert.Equal(14, OutcomeCalculator.DaysToIndependence(across));
        Assert.Equal(OutcomeCalculator.DaysToIndependence(before), OutcomeCalculator.DaysToIndependence(across));
    }

    [Fact]
    public void Twelve_month_retention_of_someone_who_started_on_29_February_is_measured_on_28_February()
    {
        var stayed = Hire("a", "w3", new(2024, 2, 29));
        var leftOnTheDay = Hire("b", "w3", new(2024, 2, 29), left: new(2025, 2, 28));
        var leftTheDayBefore = Hire("c", "w3", new(2024, 2, 29), left: new(2025, 2, 27));
        var raw = OutcomeCalculator.Group("t", "t", [stayed, leftOnTheDay, leftTheDayBefore], Input(new(2025, 1, 1), new(2026, 1, 1), stayed, leftOnTheDay, leftTheDayBefore));

        Assert.Equal(3, raw.Retention12Eligible);
        Assert.Equal(2, raw.Retention12Stayed);
    }

    [Fact]
    public void Ninety_day_retention_counts_only_hires_whose_ninetieth_day_falls_in_the_window_and_moving_unit_is_staying()
    {
        var from = new DateOnly(2026, 1, 1);
        var to = new DateOnly(2026, 7, 1);
        var people = new[]
        {
            Hire("a", "w3", new(2025, 11, 1)),                                                       // day 90 on 2026-01-30: in
            Hire("b", "w3", new(2025, 11, 1), left: new(2025, 12, 1)),                               // left before day 90
            Hire("c", "w3", new(2025, 11, 1), left: new(2025, 12, 1), reason: EndReason.MovedUnit), // moved: stays
            Hire("d", "w3", new(2026, 5, 1)),                                                        // day 90 after the window
            Hire("e", "w3", new(2025, 6, 1)),                                                        // day 90 before the window
        };
        var raw = OutcomeCalculator.Group("t", "t", people, Input(from, to, people));

        Assert.Equal(3, raw.Retention90Eligible);
        Assert.Equal(2, raw.Retention90Stayed);
    }

    [Fact]
    public void The_median_and_middle_half_of_time_to_independence()
    {
        var (median, lower, upper) = OutcomeCalculator.Spread([30, 40, 50, 60, 70]);

        Assert.Equal(50, median);
        Assert.Equal(40, lower);
        Assert.Equal(60, upper);
    }

    [Fact]
    public void A_unit_too_small_to_show_is_hidden_and_so_is_its_neighbour_so_the_total_cannot_give_it_away()
    {
        var from = new DateOnly(2026, 1, 1);
        var to = new DateOnly(2026, 12, 1);
        var people = Enumerable.Range(0, 8).Select(i => Hire($"w3-{i}", "w3", new(2025, 11, 1), independent: new(2026, 2, 1 + i)))
            .Concat(Enumerable.Range(0, 2).Select(i => Hire($"w4-{i}", "w4", new(2025, 11, 1), independent: new(2026, 3, 1 + i), left: new(2025, 12, 1))))
            .ToArray();

        var report = OutcomeService.Compute(Input(from, to, people), "Organisation", minGroupSize: 5);

        // The total (10 people) is shown; Ward 4's 2 people are hidden; and Ward 3 is hidden too, because total − Ward 3 = Ward 4.
        Assert.True(report.Total.Retention90.IsShown);
        Assert.Equal(10, report.Total.Retention90.Of);
        var ward3 = report.Units.Single(u => u.Key == "w3");
        var ward4 = report.Units.Single(u => u.Key == "w4");
        Assert.Equal(CellState.TooFew, ward4.Retention90.State);
        Assert.Equal(CellState.Complementary, ward3.Retention90.State);
        Assert.Equal(CellState.Complementary, ward3.Independence.State);
        Assert.Equal(0, ward3.Retention90.Value);
    }

    [Fact]
    public void A_digest_hides_an_outcome_that_another_leaders_digest_of_part_of_the_scope_would_give_away()
    {
        var from = new DateOnly(2026, 1, 1);
        var to = new DateOnly(2026, 12, 1);
        var people = Enumerable.Range(0, 8).Select(i => Hire($"w3-{i}", "w3", new(2025, 11, 1)))
            .Concat(Enumerable.Range(0, 2).Select(i => Hire($"w4-{i}", "w4", new(2025, 11, 1), left: new(2025, 12, 1))))
            .ToArray();

        // Ward 3 alone is some other leader's digest: ours (Wards 3 and 4) minus theirs would be Ward 4's two people.
        var guarded = DigestOutcomes.From(Input(from, to, people), [["w3"]], minGroupSize: 5);
        var alone = DigestOutcomes.From(Input(from, to, people), [], minGroupSize: 5);

        Assert.Equal(CellState.Complementary, guarded.Retention90.State);
        Assert.True(alone.Retention90.IsShown);
    }

    [Fact]
    public void Promotions_are_counted_in_the_window_and_a_count_of_one_or_two_is_hidden()
    {
        var from = new DateOnly(2026, 1, 1);
        var to = new DateOnly(2026, 12, 1);
        var people = Enumerable.Range(0, 10).Select(i => new OutcomePerson($"p{i}", "w3", new(2020, 1, 1), null, null, null, null, i == 0 ? [new DateOnly(2026, 5, 1)] : [])).ToArray();

        var report = OutcomeService.Compute(Input(from, to, people), "Organisation", minGroupSize: 5);

        Assert.Equal(CellState.TooFew, report.Total.Promotion.State);
    }

    [Fact]
    public void Confidence_trends_new_hires_apart_from_everyone_else_period_by_period_and_hides_a_small_period()
    {
        var from = new DateOnly(2026, 1, 1);
        var to = new DateOnly(2027, 1, 1);
        var hires = Enumerable.Range(0, 6).Select(i => Hire($"h{i}", "w3", new(2026, 6, 1))).ToArray();
        var veterans = Enumerable.Range(0, 6).Select(i => Hire($"v{i}", "w3", new(2015, 1, 1))).ToArray();
        var scores = new List<ConfidenceScores>();
        foreach (var hire in hires)
        {
            scores.Add(new(hire.Id, 2, 1, Period: 2));
            scores.Add(new(hire.Id, hire.Id == "h0" ? 5 : 4, 1, Period: 3));
        }

        foreach (var (veteran, i) in veterans.Select((v, i) => (v, i)))
        {
            scores.Add(new(veteran.Id, 3 + (i % 2), 1, Period: 0));
            scores.Add(new(veteran.Id, 4, 1, Period: 3));
        }

        scores.Add(new("h1", 3, 1, Period: 1)); // one new hire alone in the second period
        var input = new OutcomeInput([.. hires, .. veterans], new Dictionary<string, int>(), scores, from, to, new Dictionary<string, string>());

        var total = OutcomeService.Compute(input, "Organisation", minGroupSize: 5).Total;

        Assert.Equal([CellState.Empty, CellState.TooFew, CellState.Uniform, CellState.Shown], total.NewHireTrend.Select(c => c.State));
        Assert.Equal(4 + (1.0 / 6), total.NewHireTrend[3].Value, 6);
        Assert.Equal(CellState.Shown, total.OtherTrend[0].State);
        Assert.Equal(CellState.Uniform, total.OtherTrend[3].State);
        Assert.Equal(6, total.NewHireConfidence.Of);
    }
}
