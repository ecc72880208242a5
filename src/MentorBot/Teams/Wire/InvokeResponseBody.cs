using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Cards;

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

/// <summary>
/// An invoke's answer in its wire form (an <see cref="InvokeResponseBody"/>), written straight to UTF-8: the card is
/// serialised once, into the answer, rather than through a JSON tree and out again.
/// </summary>
internal static class InvokeResponseJson
{
    public static byte[] Card(AdaptiveCard card) =>
        Write(InvokeResponseBody.CardType, writer => JsonSerializer.Serialize(writer, card, CardSerializer.Options));

    public static byte[] Message(string text) => Write(InvokeResponseBody.MessageType, writer => writer.WriteStringValue(text));

    private static byte[] Write(string type, Action<Utf8JsonWriter> writeValue)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", 200);
            writer.WriteString("type", type);
            writer.WritePropertyName("value");
            writeValue(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
