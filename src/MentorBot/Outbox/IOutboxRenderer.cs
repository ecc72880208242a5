using MentorBot.Cards;

namespace MentorBot.Outbox;

/// <summary>Renders the card for one kind of queued item at send time, from current data. Null drops the item.</summary>
internal interface IOutboxRenderer
{
    string Kind { get; }

    Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken);
}
