namespace MentorBot.Features.Digest;

/// <summary>Whether a figure may be shown, and if not, why.</summary>
internal enum CellState
{
    Shown,

    /// <summary>Nobody to describe (no check-ins, no answers): nothing is hidden, there is simply no figure.</summary>
    Empty,

    /// <summary>The figure describes fewer people than the minimum group size (primary suppression).</summary>
    TooFew,

    /// <summary>Hidden beside a small group so that the small group cannot be worked out from a total (complementary suppression).</summary>
    Complementary,

    /// <summary>An average everyone gave alike: it would tell each person's own score, so it is hidden however big the group.</summary>
    Uniform,
}

/// <summary>
/// The digest's privacy rules, pure. A figure about fewer than the minimum group size is hidden (primary suppression).
/// In a breakdown whose parts add up to a published total, more parts are hidden until no hidden part stands alone and
/// the hidden parts together describe at least the minimum group size, always taking the next-smallest part first
/// (complementary suppression): subtracting the shown parts from the total then yields only what several groups
/// share, never one small group. The same holds for any other published sum of some of the parts (another leader's
/// digest of several units), and a part published on its own elsewhere is never relied on to hide another.
/// </summary>
internal static class Suppression
{
    /// <summary>The threshold is never below this, whatever the configuration says.</summary>
    public const int Floor = 3;

    public static int Threshold(int minGroupSize) => Math.Max(Floor, minGroupSize);

    public static bool IsHidden(CellState state) => state is CellState.TooFew or CellState.Complementary or CellState.Uniform;

    /// <summary>A figure computed from a group of people (a rate, an average): shown for a group of at least the threshold.</summary>
    public static CellState Group(int people, int minGroupSize) =>
        people <= 0 ? CellState.Empty : people < Threshold(minGroupSize) ? CellState.TooFew : CellState.Shown;

    /// <summary>
    /// An average over a group: shown for a group of at least the threshold, unless every person's own value was the same
    /// (lowest equals highest), which would tell each of them what the others' average says.
    /// </summary>
    public static CellState Average(int people, double lowest, double highest, int minGroupSize) =>
        Group(people, minGroupSize) is CellState.Shown && Math.Abs(highest - lowest) < 1e-9 ? CellState.Uniform : Group(people, minGroupSize);

    /// <summary>
    /// A count of people (or of their sessions) with something in common, out of a group: shown when the group is big
    /// enough and the count is zero or at least the threshold. A count of one to threshold − 1 is a small group itself.
    /// </summary>
    public static CellState Count(int count, int groupPeople, int minGroupSize)
    {
        var threshold = Threshold(minGroupSize);
        if (groupPeople <= 0 && count <= 0)
        {
            return CellState.Empty;
        }

        return groupPeople < threshold || (count > 0 && count < threshold) ? CellState.TooFew : CellState.Shown;
    }

    /// <summary>A count with no group behind it (sessions booked): zero or at least the threshold.</summary>
    public static CellState Count(int count, int minGroupSize) =>
        count > 0 && count < Threshold(minGroupSize) ? CellState.TooFew : CellState.Shown;

    /// <summary>
    /// Primary and complementary suppression over the parts of one total. <paramref name="sizes"/> is how many people
    /// each part describes (for a count, the count itself); <paramref name="primary"/> is each part's own state when it
    /// is not just its size (a count whose group is too small), else it is <see cref="Group"/> of the size.
    /// </summary>
    /// <param name="margins">
    /// Other sums of some of the parts that are published elsewhere (another leader's digest covering several of these
    /// units): each is protected like the total, so a hidden part cannot be worked out from them either.
    /// </param>
    /// <param name="publishedElsewhere">
    /// Parts whose own figure is published elsewhere (a leader's digest of that one unit): hiding them here protects
    /// nothing, so they are never chosen to hide beside a small part.
    /// </param>
    public static IReadOnlyList<CellState> Breakdown(
        IReadOnlyList<int> sizes, int minGroupSize, IReadOnlyList<CellState>? primary = null,
        IReadOnlyList<IReadOnlyList<int>>? margins = null, IReadOnlyList<bool>? publishedElsewhere = null)
    {
        if ((primary is not null && primary.Count != sizes.Count) || (publishedElsewhere is not null && publishedElsewhere.Count != sizes.Count))
        {
            throw new ArgumentException("One state and one flag per part.", nameof(primary));
        }

        var threshold = Threshold(minGroupSize);
        var states = primary?.ToArray() ?? [.. sizes.Select(s => Group(s, threshold))];
        IReadOnlyList<int> everything = [.. Enumerable.Range(0, sizes.Count)];
        var sums = new[] { everything }.Concat(margins ?? []).ToList();
        while (sums.Any(margin => Protect(margin, sizes, states, threshold, publishedElsewhere)))
        {
            // One more part was hidden; look at every published sum again.
        }

        return states;
    }

    /// <summary>Hides the next-smallest part of one published sum when its hidden parts stand alone or add up to a small group; true when it hid one.</summary>
    private static bool Protect(IReadOnlyList<int> margin, IReadOnlyList<int> sizes, CellState[] states, int threshold, IReadOnlyList<bool>? publishedElsewhere)
    {
        var hidden = margin.Where(i => IsHidden(states[i])).ToList();
        if (hidden.Count == 0 || (hidden.Count >= 2 && hidden.Sum(i => Math.Max(0, sizes[i])) >= threshold))
        {
            return false;
        }

        // The next-smallest part still shown; a part of size zero adds nothing to hide behind, and a part shown
        // elsewhere hides nothing. With none left, every part with people in it is hidden, so their sum is the total,
        // which is itself shown only when it reaches the threshold.
        var next = margin
            .Where(i => states[i] == CellState.Shown && sizes[i] > 0 && !(publishedElsewhere?[i] ?? false))
            .OrderBy(i => sizes[i])
            .ThenBy(i => i)
            .DefaultIfEmpty(-1)
            .First();
        if (next < 0)
        {
            return false;
        }

        states[next] = CellState.Complementary;
        return true;
    }
}
