using MentorBot.Cards;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using MentorBot.Tests.Cards;

namespace MentorBot.Tests.Digest;

public sealed class DigestFiguresTests
{
    [Fact]
    public void This_week_is_pooled_over_units_and_shown_when_five_or_more_people_had_check_ins()
    {
        var report = DigestCardSamples.Report(DigestCardSamples.Ward());

        Assert.Equal((18.0, 24), (report.ThisWeek.Participation.Value, report.ThisWeek.Participation.Of));
        Assert.Equal((7 * 3.4 + 3 * 2.7 + 6 * 3.8) / 16, report.ThisWeek.Confidence.Value, 6);
        Assert.Equal(6.0, report.AskedTime.Value);
        Assert.Equal(31, report.People);
    }

    [Fact]
    public void A_week_with_fewer_than_five_people_is_hidden_and_left_out_of_the_four_weeks_before()
    {
        var report = DigestCardSamples.Report(DigestCardSamples.Ward());
        var week2 = report.Weeks[2];

        Assert.Equal(CellState.TooFew, week2.Participation.State);
        Assert.Equal(0, week2.Participation.Value);
        // Weeks 1, 3 and 4 are shown (13, 13 and 10 sent); week 2 (3 people) is not part of the pool.
        Assert.Equal((6.0 + 4 + 7 + 2 + 6, 10 + 4 + 9 + 4 + 10), (report.Before.Participation.Value, report.Before.Participation.Of));
    }

    [Fact]
    public void Whatever_a_hidden_week_holds_the_card_is_the_same()
    {
        // Week 2 (three people) is hidden: its answers and scores must not move any figure on the card, the four
        // weeks before included. (Asking for mentor time is only ever shown pooled over four weeks, never per week.)
        var data = DigestCardSamples.Ward();
        var other = data with
        {
            UnitWeeks = [.. data.UnitWeeks.Select(u => u.Week == 2 ? u with { Answered = 3, Respondents = 3, Scorers = 3, ConfidenceSum = 3, LoadSum = 15 } : u)],
        };

        Assert.Equal(
            CardSerializer.Serialize(DigestCard.Build(DigestCardSamples.Report(data), Language.English)),
            CardSerializer.Serialize(DigestCard.Build(DigestCardSamples.Report(other), Language.English)));
    }

    [Fact]
    public void By_unit_the_small_unit_and_the_next_smallest_are_hidden_and_read_alike()
    {
        var report = DigestCardSamples.Report(DigestCardSamples.Ward());
        var units = report.Units.ToDictionary(u => u.Unit);

        // Outpatient Clinic had 4 people with check-ins: hidden; Emergency Department (8) is hidden beside it.
        Assert.Equal(CellState.TooFew, units["Outpatient Clinic"].Participation.State);
        Assert.Equal(CellState.Complementary, units["Emergency Department"].Participation.State);
        Assert.Equal(CellState.Shown, units["Medical Ward 3"].Participation.State);
        var details = CardSerializer.Serialize(DigestCard.Details(report, Language.English));
        Assert.DoesNotContain("3 of 4", details, StringComparison.Ordinal);
        Assert.DoesNotContain("7 of 9", details, StringComparison.Ordinal);
        Assert.Contains("8 of 11", details, StringComparison.Ordinal);
        Assert.Contains("18 of 24", details, StringComparison.Ordinal);
        Assert.DoesNotContain("fewer than 5", details[..details.IndexOf("All units", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void Lanes_named_by_fewer_than_five_people_say_so_and_rank_below_shown_counts()
    {
        var report = DigestCardSamples.Report(DigestCardSamples.Ward());

        Assert.Equal(["Documentation", "Clinical judgment", "Family communication", "Time management"], report.Lanes.Select(l => l.Lane));
        Assert.Equal(CellState.TooFew, report.Lanes[2].ThisWeek.State);
        Assert.Equal(6.0, report.Lanes[2].Before.Value);
        Assert.Contains("Family communication: fewer than 5 this week, 6 in the 4 weeks before", CardSerializer.Serialize(DigestCard.Build(report, Language.English)), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_of_a_few_people_are_hidden_and_zero_is_shown()
    {
        var report = DigestCardSamples.Report(DigestCardSamples.Ward());

        Assert.Equal(CellState.TooFew, report.Sessions.State);
        Assert.Equal((CellState.Shown, 9.0), (report.SessionsBefore.State, report.SessionsBefore.Value));
        Assert.Equal(CellState.TooFew, report.LowCalibrations.State);
        Assert.Equal(CellState.Shown, report.Lanes[3].ThisWeek.State);
    }

    [Fact]
    public void New_hires_are_counted_by_onboarding_phase()
    {
        var report = DigestCardSamples.Report(DigestCardSamples.Ward());

        Assert.Equal([(OnboardingPhase.Observe, 1), (OnboardingPhase.PractiseWithSupport, 1), (OnboardingPhase.PractiseIndependently, 1)], report.NewHires.Select(p => (p.Phase, p.People)));
    }

    [Fact]
    public void An_average_everyone_gave_alike_is_hidden_because_it_would_tell_each_persons_score()
    {
        var data = DigestCardSamples.Ward();
        var unanimous = data with
        {
            UnitWeeks = [.. data.UnitWeeks.Select(u => u.Week == 0 ? u with { ConfidenceSum = u.Scorers * 4.0, ConfidenceLowest = 4, ConfidenceHighest = 4 } : u)],
        };

        var report = DigestCardSamples.Report(unanimous);

        Assert.Equal(CellState.Uniform, report.ThisWeek.Confidence.State);
        Assert.Equal(CellState.Shown, report.ThisWeek.Load.State);
        var card = CardSerializer.Serialize(DigestCard.Build(report, Language.English));
        Assert.Contains("hidden: everyone gave the same score", card, StringComparison.Ordinal);
        Assert.DoesNotContain("4.0", card, StringComparison.Ordinal);
        Assert.All(report.Units, u => Assert.True(u.Confidence.IsHidden));
    }

    [Fact]
    public void A_hidden_cell_carries_no_value_at_all()
    {
        var cell = Cell.Make(CellState.TooFew, 3.7, 4);

        Assert.Equal((0.0, 0), (cell.Value, cell.Of));
    }

    [Fact]
    public void Lanes_are_counted_once_per_person_and_the_text_is_not_kept()
    {
        var tally = new LaneTally([new Lane("documentation", "Documentation", ""), new Lane("family-communication", "Family communication", "")]);

        tally.Add("a", 0, "documentation help", "Documentation again");
        tally.Add("b", 0, null, "talking to families");
        tally.Add("a", 3, "family communication", null);
        tally.Add("c", 5, "documentation", null);

        Assert.Equal([new LaneCount("documentation", 1, 0), new LaneCount("family-communication", 0, 1)], tally.Counts());
    }
}
