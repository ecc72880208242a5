namespace MentorBot.Cards;

/// <summary>How cards write people's names where room is short (headings, button titles).</summary>
internal static class Names
{
    private const int Longest = 16;

    /// <summary>The first name, as a button or a heading says it ("Megan" for "Megan Bowen"); a very long one is shortened.</summary>
    public static string First(string fullName)
    {
        var first = fullName.Trim().Split(' ', 2)[0];
        return first.Length <= Longest ? first : string.Concat(first.AsSpan(0, Longest - 1), "…");
    }
}
