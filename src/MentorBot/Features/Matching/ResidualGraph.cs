namespace MentorBot.Features.Matching;

/// <summary>
/// Arcs and their reverses in compressed rows: the arcs leaving node v are <c>First[v]</c> to <c>First[v + 1]</c>, and
/// <c>Twin[a]</c> is the reverse of arc a. Node potentials live here too: the reduced cost of arc a from v is <c>Cost[a] + Potential[v] − Potential[Head[a]]</c>.
/// </summary>
internal sealed class ResidualGraph
{
    public ResidualGraph(int nodeCount, IReadOnlyList<(int From, int To, int Capacity, long Cost)> arcs)
    {
        NodeCount = nodeCount;
        First = new int[nodeCount + 1];
        foreach (var (from, to, _, _) in arcs)
        {
            First[from + 1]++;
            First[to + 1]++;
        }

        for (var v = 0; v < nodeCount; v++)
        {
            First[v + 1] += First[v];
        }

        var size = 2 * arcs.Count;
        (Head, Twin, Residual, Cost, Forward) = (new int[size], new int[size], new int[size], new long[size], new int[arcs.Count]);
        Potential = new long[nodeCount];
        var next = First[..nodeCount];
        for (var arc = 0; arc < arcs.Count; arc++)
        {
            var (from, to, capacity, cost) = arcs[arc];
            int a = next[from]++, b = next[to]++;
            (Head[a], Twin[a], Residual[a], Cost[a]) = (to, b, capacity, cost);
            (Head[b], Twin[b], Residual[b], Cost[b]) = (from, a, 0, -cost);
            Forward[arc] = a;
        }
    }

    public int NodeCount { get; }

    public int[] First { get; }

    public int[] Head { get; }

    public int[] Twin { get; }

    public int[] Residual { get; }

    public long[] Cost { get; }

    /// <summary>The residual index of each arc as it was added.</summary>
    public int[] Forward { get; }

    public long[] Potential { get; }
}
