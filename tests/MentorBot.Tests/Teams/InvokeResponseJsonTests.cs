using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Cards;
using MentorBot.Teams.Wire;

namespace MentorBot.Tests.Teams;

/// <summary>An invoke's answer, written straight to its wire form, reads back as the Universal Actions response.</summary>
public sealed class InvokeResponseJsonTests
{
    [Fact]
    public void A_card_answer_carries_the_card_as_the_card_serialiser_writes_it()
    {
        var card = Blocks.Card("Saved", [Blocks.Heading("Thank you: it's saved — ¡gracias!"), Blocks.Paragraph("<b>not markup</b> & \"quotes\"")], [new ExecuteAction("Edit my answers", "checkin.edit")]);

        var json = InvokeResponseJson.Card(card);

        var body = JsonSerializer.Deserialize<InvokeResponseBody>(json, WireJson.Options)!;
        Assert.Equal((200, InvokeResponseBody.CardType), (body.StatusCode, body.Type));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CardSerializer.Serialize(card)), body.Value));
    }

    [Fact]
    public void A_message_answer_carries_the_text_with_anything_escaped()
    {
        var json = InvokeResponseJson.Message("That check-in card is out of date. <script>\"x\"</script> ñ");

        var body = JsonSerializer.Deserialize<InvokeResponseBody>(json, WireJson.Options)!;
        Assert.Equal((200, InvokeResponseBody.MessageType), (body.StatusCode, body.Type));
        Assert.Equal("That check-in card is out of date. <script>\"x\"</script> ñ", body.Value.GetValue<string>());
        Assert.DoesNotContain("<script>", System.Text.Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }
}
