using System.Text.Json;
using System.Text.RegularExpressions;
using MentorBot.Features.Conversations;
using MentorBot.Teams.Wire;

namespace MentorBot.Teams;

/// <summary>Pure translation from wire activities to the typed turns features understand.</summary>
internal static partial class TurnTranslator
{
    public const int MaxTextLength = 4000;
    public const int MaxDataEntries = 64;
    public const int MaxDataValueLength = 8000;

    public static string? TenantOf(Activity activity) =>
        activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id;

    public static Caller? CallerOf(Activity activity)
    {
        var from = activity.From;
        var tenant = TenantOf(activity);
        if (from?.AadObjectId is not { Length: > 0 } aad || tenant is null)
        {
            return null;
        }

        return new Caller(tenant, aad, string.IsNullOrWhiteSpace(from.Name) ? "there" : from.Name.Trim(), activity.Locale, activity.LocalTimezone);
    }

    public static ConversationReference? ReferenceOf(Activity activity)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId || activity.ServiceUrl is not { Length: > 0 } serviceUrl
            || TenantOf(activity) is not { } tenant || activity.Recipient?.Id is not { Length: > 0 } botId)
        {
            return null;
        }

        var type = activity.Conversation.ConversationType ?? "personal";
        var user = activity.From?.Role == "bot" ? null : activity.From;
        return new ConversationReference(conversationId, type, tenant, serviceUrl, botId, user?.Id, user?.AadObjectId);
    }

    /// <summary>The typed text with bot mentions and markup removed, bounded in length.</summary>
    public static string CleanText(string text)
    {
        var bounded = text.Length > 4 * MaxTextLength ? text[..(4 * MaxTextLength)] : text;
        var withoutMentions = MentionPattern().Replace(bounded, " ");
        var withoutTags = TagPattern().Replace(withoutMentions, " ");
        var decoded = System.Net.WebUtility.HtmlDecode(withoutTags).Trim();
        return decoded.Length > MaxTextLength ? decoded[..MaxTextLength] : decoded;
    }

    /// <summary>Reads an Action.Execute invoke value: <c>{action:{type,verb,data}}</c>.</summary>
    public static (string Verb, IReadOnlyDictionary<string, string> Data)? ReadExecute(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var data = action.TryGetProperty("data", out var d) ? ReadData(d) : new Dictionary<string, string>();
        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        verb ??= data.GetValueOrDefault(Cards.CardData.VerbKey);
        return string.IsNullOrWhiteSpace(verb) ? null : (verb, data);
    }

    /// <summary>Reads an Action.Submit value: the card data and inputs, with the verb among them.</summary>
    public static (string Verb, IReadOnlyDictionary<string, string> Data)? ReadSubmit(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        var data = ReadData(root);
        return data.TryGetValue(Cards.CardData.VerbKey, out var verb) && !string.IsNullOrWhiteSpace(verb) ? (verb, data) : null;
    }

    private static Dictionary<string, string> ReadData(JsonElement element)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return data;
        }

        foreach (var property in element.EnumerateObject().Take(MaxDataEntries))
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString() ?? string.Empty,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => null,
            };
            if (text is not null)
            {
                data[property.Name] = text.Length > MaxDataValueLength ? text[..MaxDataValueLength] : text;
            }
        }

        return data;
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex MentionPattern();

    [GeneratedRegex("<[^>]{0,200}>", RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex TagPattern();
}
