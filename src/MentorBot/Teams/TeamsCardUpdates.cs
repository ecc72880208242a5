using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Persistence;

namespace MentorBot.Teams;

/// <summary>Updates a sent card in place (PUT on the activity), found by the handle the invoke carried.</summary>
internal sealed class TeamsCardUpdates(ConversationReferenceStore conversations, TeamsMessenger messenger) : ICardUpdates
{
    private const char Separator = '\n';

    public static string Handle(string conversationId, string activityId) => conversationId + Separator + activityId;

    public async Task<bool> UpdateAsync(string cardHandle, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var parts = cardHandle.Split(Separator, 2);
        if (parts.Length != 2 || await conversations.FindAsync(parts[0], cancellationToken) is not { } stored)
        {
            return false;
        }

        return await messenger.UpdateCardAsync(stored.Reference, parts[1], card, cancellationToken) is SendOutcome.Sent;
    }
}
