using System.Text.Json.Nodes;

namespace MentorBot.IntegrationTests;

/// <summary>Someone in the demo map talking to the bot from their own 1:1 chat.</summary>
internal sealed record Speaker(string Aad, string Conversation, string Name)
{
    public static readonly Speaker Alex = new("00000000-0000-0000-0000-0000000000020", "a:personal-20", "Alex Wilber");
    public static readonly Speaker Megan = new("00000000-0000-0000-0000-0000000000021", "a:personal-21", "Megan Bowen");
    public static readonly Speaker Adele = new("00000000-0000-0000-0000-0000000000022", "a:personal-22", "Adele Vance");
    public static readonly Speaker Isaiah = new("00000000-0000-0000-0000-0000000000023", "a:personal-23", "Isaiah Langer");
    public static readonly Speaker Patti = new("00000000-0000-0000-0000-0000000000024", "a:personal-24", "Patti Fernandez");
    public static readonly Speaker Lynne = new("00000000-0000-0000-0000-0000000000025", "a:personal-25", "Lynne Robbins");
    public static readonly Speaker Samuel = new("10000000-0000-0000-0000-000000000029", "a:personal-samuel", "Samuel Okafor");

    /// <summary>Someone else in the demo map, by the last digits of their object id (26 to 52).</summary>
    public static Speaker Demo(int number, string name) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"10000000-0000-0000-0000-0000000000{number:00}"), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a:personal-{number}"), name);

    public string Message(string text) => TeamsActivities.With(Base("message"), a => a["text"] = text);

    public string Execute(string verb, JsonObject data) => TeamsActivities.With(Base("invoke"), a =>
    {
        data["verb"] = verb;
        a["name"] = "adaptiveCard/action";
        a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
    });

    /// <summary>The cards the bot posted into this person's chat (not replies to their own button presses).</summary>
    public List<string> Cards(MentorBotHost host) => Sent.CardsTo(host.Sent, Uri.EscapeDataString(Conversation));

    private JsonObject Base(string type) => TeamsActivities.Base(type, conversationId: Conversation, fromAad: Aad, fromId: "29:" + Conversation, fromName: Name);
}
