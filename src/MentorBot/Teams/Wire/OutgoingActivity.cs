using System.Text.Json.Nodes;

namespace MentorBot.Teams.Wire;

/// <summary>An activity the bot sends to the connector.</summary>
internal sealed class OutgoingActivity
{
    public string Type { get; init; } = ActivityTypes.Message;

    public string? Text { get; init; }

    public string? Summary { get; init; }

    public string? ReplyToId { get; init; }

    public string? Locale { get; init; }

    public IReadOnlyList<OutgoingAttachment>? Attachments { get; init; }
}

internal sealed class OutgoingAttachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string ContentType { get; init; } = AdaptiveCardContentType;

    public required JsonNode Content { get; init; }
}

/// <summary>The body of <c>POST v3/conversations</c>.</summary>
internal sealed class ConversationParameters
{
    public bool IsGroup { get; init; }

    public required WireAccount Bot { get; init; }

    public required IReadOnlyList<WireAccount> Members { get; init; }

    public required ConversationChannelData ChannelData { get; init; }
}

internal sealed record WireAccount(string Id);

internal sealed record ConversationChannelData(WireTenant Tenant);

internal sealed record WireTenant(string Id);

/// <summary>What the connector answers to a create or a send.</summary>
internal sealed class ResourceResponse
{
    public string? Id { get; set; }
}

/// <summary>The error body the connector returns, for example <c>{"error":{"code":"MessageWritesBlocked"}}</c>.</summary>
internal sealed class ConnectorErrorResponse
{
    public ConnectorError? Error { get; set; }
}

internal sealed class ConnectorError
{
    public string? Code { get; set; }

    public string? Message { get; set; }
}
