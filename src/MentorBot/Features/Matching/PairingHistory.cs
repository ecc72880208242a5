namespace MentorBot.Features.Matching;

/// <summary>A pairing that happened, and the last day it was active.</summary>
internal sealed record PastPairing(string MentorId, string MenteeId, DateOnly LastActive);

/// <summary>
/// Who has been paired before, split at a cut-off: pairs active within the window are never suggested again; older
/// pairs are allowed with a small penalty. A pair is the two people whichever way round they were paired.
/// </summary>
internal sealed class PairingHistory
{
    private readonly HashSet<(string, string)> recent;
    private readonly HashSet<(string, string)> earlier;

    public PairingHistory(IEnumerable<(string A, string B)> recent, IEnumerable<(string A, string B)> earlier, int windowMonths)
    {
        this.recent = [.. recent.Select(p => Key(p.A, p.B))];
        this.earlier = [.. earlier.Select(p => Key(p.A, p.B)).Where(k => !this.recent.Contains(k))];
        WindowMonths = windowMonths;
    }

    public static PairingHistory None { get; } = new([], [], 0);

    /// <summary>The window in months that made a pair recent, for reasons.</summary>
    public int WindowMonths { get; }

    public IReadOnlyCollection<(string A, string B)> Recent => recent;

    public IReadOnlyCollection<(string A, string B)> Earlier => earlier;

    /// <summary>Splits past pairings at <paramref name="today"/> minus <paramref name="windowMonths"/> months.</summary>
    public static PairingHistory Split(IEnumerable<PastPairing> pairings, DateOnly today, int windowMonths)
    {
        var cutOff = today.AddMonths(-windowMonths);
        var all = pairings.ToList();
        return new(
            all.Where(p => p.LastActive >= cutOff).Select(p => (p.MentorId, p.MenteeId)),
            all.Where(p => p.LastActive < cutOff).Select(p => (p.MentorId, p.MenteeId)),
            windowMonths);
    }

    public bool IsRecent(string a, string b) => recent.Contains(Key(a, b));

    public bool IsEarlier(string a, string b) => earlier.Contains(Key(a, b));

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
