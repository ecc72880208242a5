using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.CheckIns;

/// <summary>Renders a scheduled check-in (or its reminder) at send time; nothing once it is answered or closed.</summary>
internal abstract class CheckInPromptRendererBase(CheckInStore store, MapDirectory directory, CheckInService service, TimeProvider time) : IOutboxBatchRenderer
{
    public abstract string Kind { get; }

    protected abstract bool IsReminder { get; }

    public async Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken)
    {
        var period = await store.FindPeriodAsync(reference, cancellationToken);
        if (period is null || period.PersonId != personId || period.Status != PeriodStatus.Open || !period.IsOpenAt(time.GetUtcNow())
            || await store.FindAnswerAsync(period.Id, cancellationToken) is not null)
        {
            return null;
        }

        var person = await directory.FindByIdAsync(personId, cancellationToken);
        var map = person?.AadObjectId is null ? null : await directory.LoadPersonMapAsync(person.AadObjectId, cancellationToken);
        return map is null ? null : CheckInCard.Build(service.Form(map, period, new CheckInDraft()) with { IsReminder = IsReminder });
    }

    /// <summary>The same for a whole batch, in a few queries: the fan-out of a programme's check-ins goes through here.</summary>
    public async Task<IReadOnlyList<AdaptiveCard?>> RenderManyAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (periods, answered) = await store.FindPeriodsAsync([.. items.Select(i => i.Reference).Distinct(StringComparer.Ordinal)], cancellationToken);
        bool Due(OutboxItem item) => periods.TryGetValue(item.Reference, out var period) && period.PersonId == item.PersonId && period.Status == PeriodStatus.Open
            && period.IsOpenAt(now) && !answered.Contains(period.Id);
        var people = await directory.FindByIdsAsync([.. items.Where(Due).Select(i => i.PersonId).Distinct(StringComparer.Ordinal)], cancellationToken);
        var maps = await directory.LoadPersonMapsAsync([.. people.Values.Where(p => p.AadObjectId is not null)], cancellationToken);
        return [.. items.Select(item => Due(item) && maps.TryGetValue(item.PersonId, out var map)
            ? CheckInCard.Build(service.Form(map, periods[item.Reference], new CheckInDraft()) with { IsReminder = IsReminder })
            : null)];
    }
}

internal sealed class CheckInPromptRenderer(CheckInStore store, MapDirectory directory, CheckInService service, TimeProvider time)
    : CheckInPromptRendererBase(store, directory, service, time)
{
    public override string Kind => CheckInScheduler.PromptKind;

    protected override bool IsReminder => false;
}

internal sealed class CheckInReminderRenderer(CheckInStore store, MapDirectory directory, CheckInService service, TimeProvider time)
    : CheckInPromptRendererBase(store, directory, service, time)
{
    public override string Kind => CheckInScheduler.ReminderKind;

    protected override bool IsReminder => true;
}
