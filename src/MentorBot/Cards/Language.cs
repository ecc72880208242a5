namespace MentorBot.Cards;

/// <summary>The languages MentorBot's cards are written in. Everything else falls back to English.</summary>
internal enum Language
{
    English,
    Spanish,
}

internal static class Languages
{
    /// <summary>es, es-US, es-419, es-ES … are Spanish; anything else, or nothing, is English.</summary>
    public static Language From(string? locale) =>
        locale is { Length: >= 2 } && locale.StartsWith("es", StringComparison.OrdinalIgnoreCase) && (locale.Length == 2 || locale[2] is '-' or '_')
            ? Language.Spanish
            : Language.English;

    /// <summary>Picks the text for a language; every phrase is written in both.</summary>
    public static string Pick(this Language language, string english, string spanish) => language == Language.Spanish ? spanish : english;
}
