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

    /// <summary>
    /// A value from the data of the card's first button that carries <paramref name="key"/>, wherever the button is: in
    /// the card's own row, or on a line of its own in the body when the row would not fit a phone.
    /// </summary>
    public static string ActionData(JsonNode card, string key) =>
        Descendants(card).Where(o => (string?)o["type"] == "Action.Execute" && o["data"]?[key] is not null).Select(o => (string)o["data"]![key]!).First();

    /// <summary>The readable JSON of every card posted (not updated) into one conversation.</summary>
    public static List<string> CardsTo(IEnumerable<RecordedRequest> sent, string conversation) =>
        [.. sent.Where(r => r.Method == HttpMethod.Post && r.Url.EndsWith(conversation + "/activities", StringComparison.Ordinal)).Select(CardText)];
}
