using MentorBot.Features.Map;

namespace MentorBot.Features.Coaching;

/// <summary>Who a prompt is for, and what is known about them right now.</summary>
internal sealed record CoachingContext(
    CoachingAudience Audience,
    Level Level,
    OnboardingPhase Phase,
    IReadOnlyList<string> NamedLanes,
    IReadOnlyList<string> PairingLanes,
    bool Gentle,
    IReadOnlySet<string> RecentlySent,
    int Seed);

/// <summary>A chosen prompt and why it was chosen, in words the reader understands.</summary>
internal sealed record CoachingChoice(CoachingPrompt Prompt, string? NamedLane);

/// <summary>
/// Pure selection. In order: the audience; never a prompt sent to the person in the last eight weeks; their onboarding
/// phase; the lane they named in "need" or "stuck" (else their pairing's lanes, else any); a gentle prompt when
/// confidence is low or load high (a standard one otherwise); their level. Ties break on a per-person seed.
/// </summary>
internal static class CoachingSelector
{
    public static CoachingChoice? Pick(IReadOnlyList<CoachingPrompt> library, CoachingContext context)
    {
        var pool = library.Where(p => p.Audience == context.Audience && !context.RecentlySent.Contains(p.Id)).ToList();
        if (context.Audience == CoachingAudience.Staff)
        {
            pool = Prefer(pool, p => p.Phase == context.Phase);
        }

        string? named = null;
        foreach (var lane in context.NamedLanes)
        {
            if (pool.Any(p => p.Lane == lane))
            {
                named = lane;
                pool = [.. pool.Where(p => p.Lane == lane)];
                break;
            }
        }

        if (named is null && context.PairingLanes.Count > 0)
        {
            pool = Prefer(pool, p => context.PairingLanes.Contains(p.Lane, StringComparer.Ordinal));
        }

        pool = Prefer(pool, p => p.Gentle == context.Gentle);
        pool = Prefer(pool, p => p.Level == context.Level);
        if (pool.Count == 0)
        {
            return null;
        }

        var ordered = pool.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        return new CoachingChoice(ordered[(int)((uint)context.Seed % (uint)ordered.Count)], named);
    }

    /// <summary>The items that match, or all of them when none do: a preference, never a dead end.</summary>
    private static List<CoachingPrompt> Prefer(List<CoachingPrompt> pool, Func<CoachingPrompt, bool> match)
    {
        var matching = pool.Where(match).ToList();
        return matching.Count > 0 ? matching : pool;
    }
}

/// <summary>Finds lanes named in free text ("stuck on documentation", "family conversations"), in order of appearance.</summary>
internal static class LaneMentions
{
    public static IReadOnlyList<string> Find(IEnumerable<string?> texts, IReadOnlyList<Lane> lanes) => For(lanes).Find(texts);

    /// <summary>The same rules for a fixed list of lanes, each lane's terms worked out once: for reading many texts (the digest).</summary>
    public static LaneFinder For(IReadOnlyList<Lane> lanes) => new([.. lanes.Select(l => (l.Id, Terms(l).ToArray()))]);

    /// <summary>The lane's name, its id as words, and the stem of its first word when distinctive ("boundar" finds "boundaries", "escalat" finds "escalate").</summary>
    private static IEnumerable<string> Terms(Lane lane)
    {
        yield return lane.Name;
        yield return lane.Id.Replace('-', ' ');
        var first = lane.Name.Split(' ', 2)[0];
        if (first.Length >= 6)
        {
            yield return first.Length > 7 ? first[..7] : first;
        }
    }
}

/// <summary>Finds the lanes of <see cref="LaneMentions"/> in texts; holds no text itself.</summary>
internal sealed class LaneFinder((string Id, string[] Terms)[] lanes)
{
    public IReadOnlyList<string> Find(IEnumerable<string?> texts)
    {
        var text = string.Join(" \n ", texts.Where(t => !string.IsNullOrWhiteSpace(t)));
        if (text.Length == 0)
        {
            return [];
        }

        List<(string Id, int At)>? found = null;
        foreach (var (id, terms) in lanes)
        {
            var at = -1;
            foreach (var term in terms)
            {
                var i = text.IndexOf(term, StringComparison.OrdinalIgnoreCase);
                if (i >= 0 && (at < 0 || i < at))
                {
                    at = i;
                }
            }

            if (at >= 0)
            {
                (found ??= []).Add((id, at));
            }
        }

        return found is null ? [] : [.. found.OrderBy(x => x.At).Select(x => x.Id)];
    }
}
