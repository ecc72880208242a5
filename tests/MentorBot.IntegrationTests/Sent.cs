using System.Text.Json.Nodes;
using MentorBot.TestSupport;

namespace MentorBot.IntegrationTests;

/// <summary>Reads what the bot sent to the connector.</summary>
internal static class Sent
{
    public static JsonObject Card(RecordedRequest request) =>
        JsonNode.Parse(request.Body!)!["attachments"]![0]!["content"]!.AsObject();

    public static string CardText(RecordedRequest request) => Card(request).ToJsonString(Readable);

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<JsonObject> InvokeBodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
