using System.Text.Json.Nodes;

namespace MentorBot.Teams.Wire;

/// <summary>The Universal Actions response to an <c>adaptiveCard/action</c> invoke.</summary>
internal sealed class InvokeResponseBody
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public int StatusCode { get; init; } = 200;

    public required string Type { get; init; }

    public required JsonNode Value { get; init; }
}

internal static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";
}

internal static class WireJson
{
    public static System.Text.Json.JsonSerializerOptions Options { get; } = Create();

    private static System.Text.Json.JsonSerializerOptions Create()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 32,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
