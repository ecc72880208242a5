namespace MentorBot.Features.Matching;

/// <summary>
/// Minimum-cost maximum flow by the primal-dual method: Dijkstra on reduced costs finds the shortest distance to the
/// sink and moves the node potentials by it, then depth-first search augments along as many shortest paths as it
/// finds before the next search. Costs must not be negative. After <see cref="Solve"/> the potentials prove
/// optimality: every residual arc has a reduced cost of zero or more, and <see cref="ReducedCost"/> lets a caller
/// check arcs it left out of the network.
/// </summary>
internal sealed class MinCostFlow(int nodeCount)
{
    private readonly List<(int From, int To, int Capacity, long Cost)> arcs = [];
    private ResidualGraph? graph;

    public int ArcCount => arcs.Count;

    public int AddArc(int from, int to, int capacity, long cost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        arcs.Add((from, to, capacity, cost));
        return arcs.Count - 1;
    }

    /// <summary>Units of flow on an arc that <see cref="AddArc"/> returned.</summary>
    public int Flow(int arc) => Solved.Residual[Solved.Twin[Solved.Forward[arc]]];

    /// <summary>The reduced cost that an arc left out of the network would have at the final potentials.</summary>
    public long ReducedCost(int from, int to, long cost) => cost + Solved.Potential[from] - Solved.Potential[to];

    public (long Flow, long Cost) Solve(int source, int sink)
    {
        var residual = graph = new ResidualGraph(nodeCount, arcs);
        var search = new ShortestPaths(residual);
        var paths = new AdmissiblePaths(residual);
        long flow = 0;
        while (search.Run(source, sink))
        {
            flow += paths.Run(source, sink);
        }

        long total = 0;
        for (var arc = 0; arc < arcs.Count; arc++)
        {
            total += Flow(arc) * arcs[arc].Cost;
        }

        return (flow, total);
    }

    private ResidualGraph Solved => graph ?? throw new InvalidOperationException("Solve the flow first.");
}
