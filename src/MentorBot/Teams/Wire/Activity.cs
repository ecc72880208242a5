using System.Text.Json;

namespace MentorBot.Teams.Wire;

/// <summary>
/// An inbound Bot Framework activity. Only the fields MentorBot reads are declared; anything else is ignored.
/// </summary>
internal sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Action { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? Text { get; set; }

    public JsonElement? Value { get; set; }

    public string? ReplyToId { get; set; }

    public string? Locale { get; set; }

    public string? LocalTimezone { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    public TeamsChannelData? ChannelData { get; set; }
}

internal sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }
}

internal sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public bool? IsGroup { get; set; }
}

internal sealed class TeamsChannelData
{
    public TenantInfo? Tenant { get; set; }
}

internal sealed class TenantInfo
{
    public string? Id { get; set; }
}
