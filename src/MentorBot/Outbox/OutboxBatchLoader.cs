using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using MentorBot.Teams;

namespace MentorBot.Outbox;

/// <summary>
/// What one queued item needs before it can be sent: its card, its person and their conversation; or, for a queued
/// reply, the activity it keeps and the conversation it answers.
/// </summary>
internal sealed record PreparedSend(AdaptiveCard? Card, Person? Person, StoredConversation? Conversation, string? Prepared = null);

/// <summary>
/// Reads what a claimed batch needs in a handful of queries: the people and their conversations for the whole batch,
/// and the cards of each kind whose renderer can render many at once. Other kinds render one by one, as before. An
/// item whose loading failed is absent, and its send loads it on its own (and fails, or not, on its own).
/// </summary>
internal sealed class OutboxBatchLoader(IEnumerable<IOutboxRenderer> renderers, MapDirectory directory, ConversationReferenceStore conversations)
{
    public async Task<IReadOnlyDictionary<string, PreparedSend>> LoadAsync(IReadOnlyList<OutboxItem> batch, CancellationToken cancellationToken)
    {
        var cards = new Dictionary<string, AdaptiveCard?>(StringComparer.Ordinal);
        foreach (var kind in batch.GroupBy(i => i.Kind, StringComparer.Ordinal))
        {
            if (renderers.FirstOrDefault(r => r.Kind == kind.Key) is not IOutboxBatchRenderer renderer)
            {
                continue;
            }

            var items = kind.ToList();
            var rendered = await renderer.RenderManyAsync(items, cancellationToken);
            for (var i = 0; i < items.Count; i++)
            {
                cards[items[i].Id] = rendered[i];
            }
        }

        var prepared = new Dictionary<string, PreparedSend>(StringComparer.Ordinal);
        foreach (var reply in batch.Where(i => i.PreparedActivity is not null))
        {
            prepared[reply.Id] = await LoadOneAsync(reply, cancellationToken);
        }

        batch = [.. batch.Where(i => i.PreparedActivity is null)];
        var people = await directory.FindByIdsAsync([.. batch.Select(i => i.PersonId).Distinct(StringComparer.Ordinal)], cancellationToken);
        var reach = await conversations.FindPersonalByObjectIdsAsync([.. people.Values.Select(p => p.AadObjectId).OfType<string>()], cancellationToken);
        foreach (var item in batch.Where(i => cards.ContainsKey(i.Id)))
        {
            var person = people.GetValueOrDefault(item.PersonId);
            var conversation = person?.AadObjectId is { } aad ? reach.GetValueOrDefault(aad.ToLowerInvariant()) : null;
            prepared[item.Id] = new PreparedSend(cards[item.Id], person, conversation);
        }

        return prepared;
    }

    /// <summary>One item on its own: its renderer, its person, their conversation.</summary>
    public async Task<PreparedSend> LoadOneAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (item.PreparedActivity is { } activity)
        {
            var answered = item.ConversationId is null ? null : await conversations.FindAsync(item.ConversationId, cancellationToken);
            return new PreparedSend(null, null, answered, activity);
        }

        var renderer = renderers.FirstOrDefault(r => r.Kind == item.Kind);
        var card = renderer is null ? null : await renderer.RenderAsync(item.Reference, item.PersonId, cancellationToken);
        var person = await directory.FindByIdAsync(item.PersonId, cancellationToken);
        var conversation = person?.AadObjectId is null ? null : await conversations.FindPersonalByObjectIdAsync(person.AadObjectId, cancellationToken);
        return new PreparedSend(card, person, conversation);
    }
}
