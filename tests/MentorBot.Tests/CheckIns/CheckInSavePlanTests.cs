using MentorBot.Features.CheckIns;

namespace MentorBot.Tests.CheckIns;

/// <summary>Saves that arrive together get what saving them one after another would have given.</summary>
public sealed class CheckInSavePlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    private static CheckInPeriod Period(string id, string personId, string status = PeriodStatus.Open, TimeSpan? closesIn = null) =>
        new(id, personId, "m-1", "mentor-1", Now.AddDays(-1), Now + (closesIn ?? TimeSpan.FromDays(2)), status);

    private static PendingSave Save(string periodId, string personId, string learned, int minutes = 0) =>
        new(new CheckInAnswer(periodId, personId, learned, true, null, true, null, false, 3, 2, true, false, default, 0), Now.AddMinutes(minutes));

    private static CheckInSavePlan Decide(IReadOnlyList<PendingSave> saves, IEnumerable<CheckInPeriod> periods, IEnumerable<CheckInAnswer>? answers = null) =>
        CheckInSavePlan.Decide(
            saves,
            periods.ToDictionary(p => p.Id),
            (answers ?? []).ToDictionary(a => a.PeriodId),
            (periodId, _) => [(periodId, PeriodStatus.Open), ("p-older", PeriodStatus.Answered), ("p-oldest", PeriodStatus.Answered), ("p-missed", PeriodStatus.Missed), ("p-before", PeriodStatus.Answered)]);

    [Fact]
    public void A_period_saved_three_times_is_written_once_with_its_last_content_and_each_save_gets_its_own_revision()
    {
        var plan = Decide(
            [Save("p-1", "alex", "first", 0), Save("p-1", "alex", "first", 1), Save("p-1", "alex", "second", 2), Save("p-1", "alex", "third", 3)],
            [Period("p-1", "alex")]);

        var write = Assert.Single(plan.Writes);
        Assert.Equal(("third", 3, Now, Now.AddMinutes(3), true), (write.Answer.Learned, write.Saves, write.SubmittedAt, write.UpdatedAt, write.MarkAnswered));

        // The store counted revision 3 for the row (it was new), and kept the first submission time.
        var outcomes = plan.Complete(new Dictionary<string, (long, long)> { ["p-1"] = (3, Now.ToUnixTimeMilliseconds()) });
        var first = Assert.IsType<SaveOutcome.Saved>(outcomes[0]);
        Assert.True(first.First);
        Assert.Equal(1, first.Answer.Revision);
        var again = Assert.IsType<SaveOutcome.Unchanged>(outcomes[1]);
        Assert.Equal("first", again.Answer.Learned);
        Assert.Equal([(false, 2, "second"), (false, 3, "third")], outcomes.Skip(2).Cast<SaveOutcome.Saved>().Select(s => (s.First, s.Answer.Revision, s.Answer.Learned)));
        Assert.All(outcomes.Skip(2).Cast<SaveOutcome.Saved>(), s => Assert.Equal(Now, s.Answer.SubmittedAt));
    }

    [Fact]
    public void Saves_by_another_instance_in_between_move_the_revisions_but_none_is_shared()
    {
        var existing = Save("p-1", "alex", "before").Answer with { SubmittedAt = Now.AddHours(-1), Revision = 4 };
        var plan = Decide([Save("p-1", "alex", "one"), Save("p-1", "alex", "two")], [Period("p-1", "alex", PeriodStatus.Answered)], [existing]);

        var write = Assert.Single(plan.Writes);
        Assert.False(write.MarkAnswered);
        Assert.Equal(Now.AddHours(-1), write.SubmittedAt);

        // The row was at 4 when read, but another instance saved twice before this group's upsert: it returned 8.
        var outcomes = plan.Complete(new Dictionary<string, (long, long)> { ["p-1"] = (8, Now.AddHours(-1).ToUnixTimeMilliseconds()) });
        Assert.Equal([7, 8], outcomes.Cast<SaveOutcome.Saved>().Select(s => s.Answer.Revision));
        Assert.All(outcomes.Cast<SaveOutcome.Saved>(), s => Assert.False(s.First));
    }

    [Fact]
    public void Unknown_someone_elses_and_closed_periods_are_refused_and_write_nothing()
    {
        var plan = Decide(
            [Save("p-gone", "alex", "x"), Save("p-megan", "alex", "x"), Save("p-closed", "alex", "x"), Save("p-missed", "alex", "x")],
            [Period("p-megan", "megan"), Period("p-closed", "alex", closesIn: TimeSpan.FromMinutes(-1)), Period("p-missed", "alex", PeriodStatus.Missed)]);

        Assert.Empty(plan.Writes);
        var outcomes = plan.Complete(new Dictionary<string, (long, long)>());
        Assert.IsType<SaveOutcome.UnknownPeriod>(outcomes[0]);
        Assert.IsType<SaveOutcome.NotYours>(outcomes[1]);
        Assert.IsType<SaveOutcome.Closed>(outcomes[2]);
        Assert.IsType<SaveOutcome.Closed>(outcomes[3]);
    }

    [Fact]
    public void The_stored_content_again_is_unchanged_and_writes_nothing()
    {
        var existing = Save("p-1", "alex", "same").Answer with { SubmittedAt = Now.AddHours(-1), Revision = 2 };
        var plan = Decide([Save("p-1", "alex", "same")], [Period("p-1", "alex", PeriodStatus.Answered)], [existing]);

        Assert.Empty(plan.Writes);
        var unchanged = Assert.IsType<SaveOutcome.Unchanged>(plan.Complete(new Dictionary<string, (long, long)>())[0]);
        Assert.Equal(existing, unchanged.Answer);
    }

    [Fact]
    public void Writes_come_in_period_order_whatever_the_arrival_order()
    {
        var plan = Decide([Save("p-c", "cy", "x"), Save("p-a", "al", "x"), Save("p-b", "bo", "x")], [Period("p-a", "al"), Period("p-b", "bo"), Period("p-c", "cy")]);

        Assert.Equal(["p-a", "p-b", "p-c"], plan.Writes.Select(w => w.Answer.PeriodId));
    }

    [Fact]
    public void A_persons_second_period_in_one_group_is_saved_alone_and_the_same_period_again_is_not()
    {
        var alone = CheckInSavePlan.SavedAlone([Save("p-1", "alex", "a"), Save("p-1", "alex", "b"), Save("p-2", "alex", "c"), Save("p-3", "megan", "d"), Save("p-1", "alex", "e")]);

        Assert.Equal([false, false, true, false, false], alone);
    }

    [Fact]
    public void The_streak_counts_this_period_and_the_answered_ones_before_it_until_a_missed_one()
    {
        Assert.Equal(3, CheckInSavePlan.Streak([("p-now", PeriodStatus.Open), ("p-1", PeriodStatus.Answered), ("p-2", PeriodStatus.Answered), ("p-3", PeriodStatus.Missed), ("p-4", PeriodStatus.Answered)], "p-now"));
        Assert.Equal(1, CheckInSavePlan.Streak([("p-now", PeriodStatus.Open), ("p-1", PeriodStatus.Missed)], "p-now"));
        Assert.Equal(200, CheckInSavePlan.Streak(Enumerable.Range(0, 300).Select(i => ($"p-{i}", PeriodStatus.Answered)), "p-0"));

        var plan = Decide([Save("p-1", "alex", "x")], [Period("p-1", "alex")]);
        var saved = Assert.IsType<SaveOutcome.Saved>(plan.Complete(new Dictionary<string, (long, long)> { ["p-1"] = (1, Now.ToUnixTimeMilliseconds()) })[0]);
        Assert.Equal(3, saved.Streak);
    }
}
