using System.Text.Json.Nodes;

namespace MentorBot.IntegrationTests;

/// <summary>Activities shaped as Teams sends them (fields and nesting as recorded from Teams and the Agents Playground).</summary>
internal static class TeamsActivities
{
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";
    public const string BotId = "28:00000000-0000-0000-0000-00000000000011";
    public const string AlexAad = "00000000-0000-0000-0000-0000000000020";
    public const string AlexId = "29:alex-wilber";
    public const string PersonalConversation = "a:personal-alex";

    private static int _sequence;

    public static string NextId() => "act-" + Interlocked.Increment(ref _sequence);

    public static JsonObject Base(string type, string? id = null, string conversationId = PersonalConversation, string fromAad = AlexAad, string fromId = AlexId, string fromName = "Alex Wilber") => new()
    {
        ["type"] = type,
        ["id"] = id ?? NextId(),
        ["timestamp"] = "2026-11-23T14:00:00.000Z",
        ["localTimestamp"] = "2026-11-23T08:00:00.000-06:00",
        ["serviceUrl"] = MentorBotHost.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = fromId, ["name"] = fromName, ["aadObjectId"] = fromAad },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = conversationId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "MentorBot" },
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = "America/Chicago" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = "en-US",
        ["localTimezone"] = "America/Chicago",
    };

    public static string Message(string text, string? id = null) => With(Base("message", id), a => a["text"] = text);

    /// <summary>A message from one of the Agents Playground's default users (20 Alex … 25 Lynne), as the demo map knows them.</summary>
    public static string MessageFrom(int playgroundUser, string name, string text) => With(
        Base("message", conversationId: $"a:personal-{playgroundUser}", fromAad: $"00000000-0000-0000-0000-00000000000{playgroundUser}", fromId: $"29:user-{playgroundUser}", fromName: name),
        a => a["text"] = text);

    /// <summary>An Action.Execute invoke from one of the playground's default users (20 Alex … 25 Lynne).</summary>
    public static string ExecuteFrom(int playgroundUser, string name, string verb, JsonObject? data = null) => With(
        Base("invoke", conversationId: $"a:personal-{playgroundUser}", fromAad: $"00000000-0000-0000-0000-00000000000{playgroundUser}", fromId: $"29:user-{playgroundUser}", fromName: name),
        a =>
        {
            var merged = data ?? new JsonObject();
            merged["verb"] = verb;
            a["name"] = "adaptiveCard/action";
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = merged }, ["trigger"] = "manual" };
        });

    public static string InstallationAdd() => With(Base("installationUpdate"), a => a["action"] = "add");

    public static string InstallationRemove() => With(Base("installationUpdate"), a => a["action"] = "remove");

    public static string BotAdded() => With(Base("conversationUpdate"), a =>
        a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }, new JsonObject { ["id"] = AlexId, ["aadObjectId"] = AlexAad }));

    public static string Execute(string verb, JsonObject? data = null, string? id = null) => With(Base("invoke", id), a =>
    {
        var merged = data ?? new JsonObject();
        merged["verb"] = verb;
        a["name"] = "adaptiveCard/action";
        a["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = merged },
            ["trigger"] = "manual",
        };
    });

    public static string Submit(string verb, string replyToId, JsonObject? data = null) => With(Base("message"), a =>
    {
        var value = data ?? new JsonObject();
        value["verb"] = verb;
        a["value"] = value;
        a["replyToId"] = replyToId;
    });

    public static string With(JsonObject activity, Action<JsonObject> change)
    {
        change(activity);
        return activity.ToJsonString();
    }
}
