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

    /// <summary>Every JSON object in a card, depth first: to find inputs and actions by id or verb.</summary>
    public static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Descendants(p.Value))),
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    /// <summary>The readable JSON of every card posted (not updated) into one conversation.</summary>
    public static List<string> CardsTo(IEnumerable<RecordedRequest> sent, string conversation) =>
        [.. sent.Where(r => r.Method == HttpMethod.Post && r.Url.EndsWith(conversation + "/activities", StringComparison.Ordinal)).Select(CardText)];
}
