namespace MentorBot.Teams;

/// <summary>Everything needed to message a conversation later, refreshed from every inbound activity.</summary>
internal sealed record ConversationReference(
    string ConversationId,
    string ConversationType,
    string TenantId,
    string ServiceUrl,
    string BotId,
    string? UserId,
    string? AadObjectId);

/// <summary>Whether MentorBot can still reach a conversation.</summary>
internal static class ReachStatus
{
    public const string Active = "active";
    public const string Uninstalled = "uninstalled";
    public const string Blocked = "blocked";
    public const string Gone = "gone";
}
