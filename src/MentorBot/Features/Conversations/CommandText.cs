using System.Globalization;
using System.Text;

namespace MentorBot.Features.Conversations;

/// <summary>Pure text rules for matching what people type to command phrases.</summary>
internal static class CommandText
{
    /// <summary>Lower-cases, folds white space and trims punctuation people add ("Help!", "  my   map ").</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim().Trim('.', '!', '?', ',', ';', ':', '/').ToLowerInvariant())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Edit distance, for "did you mean" suggestions. Bounded input keeps it cheap.</summary>
    public static int Distance(string a, string b)
    {
        a = a.Length > 64 ? a[..64] : a;
        b = b.Length > 64 ? b[..64] : b;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    public static string Quote(string phrase) => string.Create(CultureInfo.InvariantCulture, $"**{phrase}**");
}
