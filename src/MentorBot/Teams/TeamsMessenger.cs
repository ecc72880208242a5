using MentorBot.Cards;
using MentorBot.Persistence;
using MentorBot.Teams.Wire;

namespace MentorBot.Teams;

/// <summary>
/// Sends card models to people and conversations. Features use this and never see the wire; a recipient the
/// connector reports gone is marked so, and nothing more is sent there until they talk to the bot again.
/// </summary>
internal sealed partial class TeamsMessenger(
    ConnectorClient connector,
    ConversationReferenceStore conversations,
    Hosting.Telemetry.MentorBotMetrics metrics,
    ILogger<TeamsMessenger> logger)
{
    /// <summary>Teams refuses messages over 100 KB (UTF-16); MentorBot stays well below.</summary>
    public const int MaxCardJsonLength = 40 * 1024;

    public async Task<SendOutcome> SendToPersonAsync(string tenantId, string aadObjectId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FindPersonalAsync(tenantId, aadObjectId, cancellationToken);
        if (conversation is null)
        {
            return new SendOutcome.RecipientGone("no conversation with this person yet");
        }

        if (!conversation.IsReachable)
        {
            return new SendOutcome.RecipientGone(conversation.StatusReason ?? conversation.Status);
        }

        return await SendAsync(conversation.Reference, card, cancellationToken);
    }

    public Task<SendOutcome> SendAsync(ConversationReference to, AdaptiveCard card, CancellationToken cancellationToken) =>
        SendAsync(to, card, null, cancellationToken);

    /// <summary>A send paced by <paramref name="pace"/> before every attempt, retries included.</summary>
    public async Task<SendOutcome> SendAsync(ConversationReference to, AdaptiveCard card, Func<CancellationToken, Task>? pace, CancellationToken cancellationToken) =>
        await RecordAsync(to, await connector.SendAsync(to, ToActivity(card), pace, cancellationToken), cancellationToken);

    public async Task<SendOutcome> ReplyAsync(ConversationReference to, string? replyToId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var activity = ToActivity(card, replyToId);
        var outcome = replyToId is null
            ? await connector.SendAsync(to, activity, cancellationToken)
            : await connector.ReplyAsync(to, replyToId, activity, cancellationToken);
        return await RecordAsync(to, outcome, cancellationToken);
    }

    public async Task<SendOutcome> SendTextAsync(ConversationReference to, string text, CancellationToken cancellationToken) =>
        await RecordAsync(to, await connector.SendAsync(to, new OutgoingActivity { Text = text }, cancellationToken), cancellationToken);

    public async Task<SendOutcome> UpdateCardAsync(ConversationReference to, string activityId, AdaptiveCard card, CancellationToken cancellationToken) =>
        await RecordAsync(to, await connector.UpdateAsync(to, activityId, ToActivity(card), cancellationToken), cancellationToken);

    /// <summary>A card as the activity that would carry it, in an opaque form the outbox keeps for a reply sent later.</summary>
    public static string Prepare(AdaptiveCard card) => System.Text.Encoding.UTF8.GetString(ConnectorClient.Serialize(ToActivity(card)));

    /// <summary>A text message, prepared like <see cref="Prepare(AdaptiveCard)"/>.</summary>
    public static string PrepareText(string text) => System.Text.Encoding.UTF8.GetString(ConnectorClient.Serialize(new OutgoingActivity { Text = text }));

    /// <summary>Sends what <see cref="Prepare(AdaptiveCard)"/> made, paced like any queued send.</summary>
    public async Task<SendOutcome> SendPreparedAsync(ConversationReference to, string prepared, Func<CancellationToken, Task>? pace, CancellationToken cancellationToken) =>
        await RecordAsync(to, await connector.SendSerializedAsync(to, System.Text.Encoding.UTF8.GetBytes(prepared), pace, cancellationToken), cancellationToken);

    internal static OutgoingActivity ToActivity(AdaptiveCard card, string? replyToId = null)
    {
        var content = CardSerializer.ToJsonNode(card);
        var length = content.ToJsonString().Length;
        if (length > MaxCardJsonLength)
        {
            throw new InvalidOperationException($"A card of {length} characters is over MentorBot's {MaxCardJsonLength} limit; split it.");
        }

        return new OutgoingActivity
        {
            Summary = card.FallbackText,
            ReplyToId = replyToId,
            Attachments = [new OutgoingAttachment { Content = content }],
        };
    }

    private async Task<SendOutcome> RecordAsync(ConversationReference to, SendOutcome outcome, CancellationToken cancellationToken)
    {
        metrics.Send(outcome switch
        {
            SendOutcome.Sent => "sent",
            SendOutcome.Throttled => "throttled",
            SendOutcome.RecipientGone => "gone",
            SendOutcome.Unavailable => "unavailable",
            _ => "failed",
        });

        if (outcome is SendOutcome.RecipientGone gone)
        {
            var status = gone.Reason.Contains("Blocked", StringComparison.OrdinalIgnoreCase) ? ReachStatus.Blocked : ReachStatus.Gone;
            await conversations.MarkAsync(to.ConversationId, status, gone.Reason, cancellationToken);
            Log.RecipientGone(logger, status, gone.Reason);
        }

        return outcome;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Conversation marked {Status}: {Reason}. Nothing more is sent there until the person writes again.")]
        public static partial void RecipientGone(ILogger logger, string status, string reason);
    }
}
