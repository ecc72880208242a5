using MentorBot.Cards;

namespace MentorBot.Outbox;

/// <summary>A renderer that can render a whole claimed batch of its kind with a few queries instead of a few per item.</summary>
internal interface IOutboxBatchRenderer : IOutboxRenderer
{
    /// <summary>The card for each item, in the same order; null drops it, as for <see cref="IOutboxRenderer.RenderAsync"/>.</summary>
    Task<IReadOnlyList<AdaptiveCard?>> RenderManyAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken);
}
