namespace MentorBot.Features.CheckIns;

/// <summary>A submit waiting to be saved: the answer, and when it arrived.</summary>
internal sealed record PendingSave(CheckInAnswer Answer, DateTimeOffset Now, Func<SaveOutcome.Saved, IEnumerable<Outbox.OutboxEntry>>? FollowUps = null)
{
    /// <summary>What this save queues if it is saved: written in the saving transaction, so a crash can't lose it.</summary>
    public IEnumerable<Outbox.OutboxEntry> Queued(SaveOutcome outcome) =>
        outcome is SaveOutcome.Saved saved && FollowUps is not null ? FollowUps(saved) : [];
}

/// <summary>One row the group writes: the period's last content, and how many saves of the group it counts.</summary>
internal sealed record PlannedWrite(CheckInAnswer Answer, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, int Saves, bool MarkAnswered);

/// <summary>
/// What saves that arrive together get, decided as if they had been saved one after another in arrival order, from
/// what the store held before the group. A period saved several times in the group is written once, with its last
/// content, and its revision counts up by the number of saves (so none is lost); identical content again is
/// <see cref="SaveOutcome.Unchanged"/> and writes nothing. Pure: <see cref="PostgresCheckInSaves"/> reads and writes.
/// </summary>
internal sealed class CheckInSavePlan
{
    private readonly SaveOutcome[] _outcomes;
    private readonly (string PeriodId, int Ordinal)[] _saves;

    private CheckInSavePlan(SaveOutcome[] outcomes, (string PeriodId, int Ordinal)[] saves, IReadOnlyList<PlannedWrite> writes)
    {
        _outcomes = outcomes;
        _saves = saves;
        Writes = writes;
    }

    /// <summary>The rows to write, ordered by period id (one lock order for every group).</summary>
    public IReadOnlyList<PlannedWrite> Writes { get; }

    /// <summary>
    /// Whether each save must wait for the group to commit and then be saved alone: a person's second, different
    /// period in one group (rare) would count its streak from the first one's new status.
    /// </summary>
    public static bool[] SavedAlone(IReadOnlyList<PendingSave> saves)
    {
        var periodOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var alone = new bool[saves.Count];
        for (var i = 0; i < saves.Count; i++)
        {
            var answer = saves[i].Answer;
            alone[i] = !periodOf.TryAdd(answer.PersonId, answer.PeriodId) && periodOf[answer.PersonId] != answer.PeriodId;
        }

        return alone;
    }

    /// <summary>
    /// Decides each save's outcome. <paramref name="series"/> gives, for a period and the person saving it, that
    /// person's periods of the same series newest first (see <see cref="CheckInStore"/>).
    /// </summary>
    public static CheckInSavePlan Decide(
        IReadOnlyList<PendingSave> saves,
        IReadOnlyDictionary<string, CheckInPeriod> periods,
        IReadOnlyDictionary<string, CheckInAnswer> answers,
        Func<string, string, IReadOnlyList<(string Id, string Status)>> series)
    {
        var outcomes = new SaveOutcome[saves.Count];
        var ordinals = new (string PeriodId, int Ordinal)[saves.Count];
        var current = new Dictionary<string, CheckInAnswer>(answers, StringComparer.Ordinal);
        var writes = new Dictionary<string, PlannedWrite>(StringComparer.Ordinal);
        for (var i = 0; i < saves.Count; i++)
        {
            var (answer, now) = (saves[i].Answer, saves[i].Now);
            if (!periods.TryGetValue(answer.PeriodId, out var period))
            {
                outcomes[i] = new SaveOutcome.UnknownPeriod();
                continue;
            }

            if (period.PersonId != answer.PersonId)
            {
                outcomes[i] = new SaveOutcome.NotYours();
                continue;
            }

            if (!period.IsOpenAt(now))
            {
                outcomes[i] = new SaveOutcome.Closed();
                continue;
            }

            var streak = Streak(series(period.Id, answer.PersonId), period.Id);
            current.TryGetValue(period.Id, out var existing);
            if (existing is not null && existing.SameContentAs(answer))
            {
                outcomes[i] = new SaveOutcome.Unchanged(existing, period, streak);
                continue;
            }

            var saved = answer with { SubmittedAt = existing?.SubmittedAt ?? now, Revision = (existing?.Revision ?? 0) + 1 };
            var count = writes.TryGetValue(period.Id, out var write) ? write.Saves + 1 : 1;
            writes[period.Id] = new PlannedWrite(saved, write?.SubmittedAt ?? saved.SubmittedAt, now, count, period.Status != PeriodStatus.Answered);
            current[period.Id] = saved;
            outcomes[i] = new SaveOutcome.Saved(saved, existing is null, period, streak);
            ordinals[i] = (period.Id, count);
        }

        return new CheckInSavePlan(outcomes, ordinals, [.. writes.Values.OrderBy(w => w.Answer.PeriodId, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The outcomes, once the rows are written: <paramref name="stored"/> holds each written period's revision and first
    /// submission time as the store returned them. A period's saves get its last revisions, in arrival order.
    /// </summary>
    public IReadOnlyList<SaveOutcome> Complete(IReadOnlyDictionary<string, (long Revision, long SubmittedAtMs)> stored)
    {
        var saves = Writes.ToDictionary(w => w.Answer.PeriodId, w => w.Saves, StringComparer.Ordinal);
        var outcomes = new SaveOutcome[_outcomes.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (_outcomes[i] is SaveOutcome.Saved saved)
            {
                var (periodId, ordinal) = _saves[i];
                var (revision, submittedAtMs) = stored[periodId];
                outcomes[i] = saved with
                {
                    Answer = saved.Answer with { Revision = (int)(revision - saves[periodId] + ordinal), SubmittedAt = DateTimeOffset.FromUnixTimeMilliseconds(submittedAtMs) },
                };
            }
            else
            {
                outcomes[i] = _outcomes[i];
            }
        }

        return outcomes;
    }

    /// <summary>An ad-hoc check-in (one the person asked for) counts towards the streak of ad-hoc ones only.</summary>
    public static bool IsAdHoc(string periodId) => periodId.StartsWith("adhoc:", StringComparison.Ordinal);

    /// <summary>
    /// Answered check-ins in a row, newest first, counting <paramref name="periodId"/> as answered: a skipped one does
    /// not break the run (the series holds only answered and missed ones, and this one), a missed one does.
    /// </summary>
    public static int Streak(IEnumerable<(string Id, string Status)> series, string periodId) =>
        series.Select(p => p.Id == periodId ? PeriodStatus.Answered : p.Status)
            .Where(s => s is PeriodStatus.Answered or PeriodStatus.Missed).Take(200)
            .TakeWhile(s => s == PeriodStatus.Answered).Count();
}
