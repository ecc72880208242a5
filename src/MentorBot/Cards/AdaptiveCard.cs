using System.Text.Json.Serialization;

namespace MentorBot.Cards;

/// <summary>The root of an Adaptive Card 1.5, as Teams renders it.</summary>
internal sealed record AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyName("$schema")]
    public string Schema { get; init; } = SchemaUrl;

    public string Type => "AdaptiveCard";

    public string Version { get; init; } = "1.5";

    public required IReadOnlyList<CardElement> Body { get; init; }

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Shown by clients that cannot render the card, and used for notifications.</summary>
    public string? FallbackText { get; init; }

    public string? Speak { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; } = TeamsCardProperties.FullWidth;
}

/// <summary>The Teams-only <c>msteams</c> extension of a card.</summary>
internal sealed record TeamsCardProperties(string Width)
{
    public static TeamsCardProperties FullWidth { get; } = new("Full");
}
