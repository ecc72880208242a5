using MentorBot.Cards;

namespace MentorBot.Features.Conversations;

/// <summary>Replaces a card the person already has, after the button press that showed it was answered.</summary>
internal interface ICardUpdates
{
    Task<bool> UpdateAsync(string cardHandle, AdaptiveCard card, CancellationToken cancellationToken);
}
