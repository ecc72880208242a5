using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Concerns;

/// <summary>
/// Renders concern cards at send time from the concern's current state. A handler's card goes only to a current
/// handler, a sender's card only to the concern's sender; anything else is dropped.
/// </summary>
internal abstract class ConcernRendererBase(ConcernReader reader, ConcernStore store, MapDirectory directory) : IOutboxRenderer
{
    public abstract string Kind { get; }

    public async Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken)
    {
        var parts = reference.Split(':');
        var concern = await store.FindAsync(parts[0], cancellationToken);
        var person = concern is null ? null : await directory.FindByIdAsync(personId, cancellationToken);
        return concern is null || person is null ? null : await RenderAsync(concern, person, parts, cancellationToken);
    }

    protected abstract Task<AdaptiveCard?> RenderAsync(Concern concern, Person person, string[] reference, CancellationToken cancellationToken);

    protected async Task<AdaptiveCard> HandlerCardAsync(Concern concern, Person person, ConcernHeadline headline, CancellationToken cancellationToken) =>
        await reader.HandlerCardAsync(await reader.ContextAsync(cancellationToken), concern, person, headline, cancellationToken);

    protected async Task<AdaptiveCard?> SenderCardAsync(Concern concern, Person person, ConcernHeadline headline, CancellationToken cancellationToken) =>
        await store.SenderOfAsync(concern.Id, cancellationToken) == person.Id
            ? await reader.SenderCardAsync(await reader.ContextAsync(cancellationToken), concern, person, headline, cancellationToken)
            : null;
}

/// <summary>A new concern, to its recipient; or, once forwarded, to a backup contact.</summary>
internal sealed class ConcernReceivedRenderer(ConcernReader reader, ConcernStore store, MapDirectory directory) : ConcernRendererBase(reader, store, directory)
{
    public override string Kind => ConcernKinds.Received;

    protected override async Task<AdaptiveCard?> RenderAsync(Concern concern, Person person, string[] reference, CancellationToken cancellationToken) =>
        concern.IsHandler(person.Id)
            ? await HandlerCardAsync(concern, person, concern.RecipientId == person.Id ? ConcernHeadline.New : ConcernHeadline.Forwarded, cancellationToken)
            : null;
}

/// <summary>The one reminder to the recipient, while nobody has acknowledged it.</summary>
internal sealed class ConcernReminderRenderer(ConcernReader reader, ConcernStore store, MapDirectory directory) : ConcernRendererBase(reader, store, directory)
{
    public override string Kind => ConcernKinds.Reminder;

    protected override async Task<AdaptiveCard?> RenderAsync(Concern concern, Person person, string[] reference, CancellationToken cancellationToken) =>
        concern.Status == ConcernStatus.Open && concern.RecipientId == person.Id
            ? await HandlerCardAsync(concern, person, ConcernHeadline.Reminder, cancellationToken)
            : null;
}

/// <summary>The sender wrote back: to each handler, never naming an anonymous sender.</summary>
internal sealed class ConcernSenderRepliedRenderer(ConcernReader reader, ConcernStore store, MapDirectory directory) : ConcernRendererBase(reader, store, directory)
{
    public override string Kind => ConcernKinds.SenderReplied;

    protected override async Task<AdaptiveCard?> RenderAsync(Concern concern, Person person, string[] reference, CancellationToken cancellationToken) =>
        concern.IsHandler(person.Id) ? await HandlerCardAsync(concern, person, ConcernHeadline.Replied, cancellationToken) : null;
}

/// <summary>To the sender: acknowledged, a reply, resolved, or forwarded to the backup contact.</summary>
internal sealed class ConcernUpdateRenderer(ConcernReader reader, ConcernStore store, MapDirectory directory) : ConcernRendererBase(reader, store, directory)
{
    public override string Kind => ConcernKinds.Update;

    protected override Task<AdaptiveCard?> RenderAsync(Concern concern, Person person, string[] reference, CancellationToken cancellationToken)
    {
        var headline = reference.Length > 2 ? reference[2] switch
        {
            "acknowledged" => ConcernHeadline.Acknowledged,
            "replied" => ConcernHeadline.Replied,
            "resolved" => ConcernHeadline.Resolved,
            "forwarded" => ConcernHeadline.Forwarded,
            _ => ConcernHeadline.Current,
        } : ConcernHeadline.Current;
        return SenderCardAsync(concern, person, headline, cancellationToken);
    }
}
