namespace MentorBot.Features.Matching;

/// <summary>
/// Dijkstra over reduced costs from the source, stopping once the sink is settled. Potentials then move by each
/// node's distance, capped at the sink's, which keeps every residual reduced cost at zero or more and makes each
/// shortest path to the sink a path of zero reduced cost.
/// </summary>
internal sealed class ShortestPaths(ResidualGraph graph)
{
    private readonly long[] distance = new long[graph.NodeCount];
    private readonly bool[] settled = new bool[graph.NodeCount];
    private readonly PriorityQueue<int, long> queue = new();

    /// <summary>False when the sink can no longer be reached.</summary>
    public bool Run(int source, int sink)
    {
        var (first, head, residual, cost, potential) = (graph.First, graph.Head, graph.Residual, graph.Cost, graph.Potential);
        Array.Fill(distance, long.MaxValue);
        Array.Clear(settled);
        queue.Clear();
        distance[source] = 0;
        queue.Enqueue(source, 0);
        while (queue.TryDequeue(out var node, out var reached))
        {
            if (settled[node])
            {
                continue;
            }

            settled[node] = true;
            if (node == sink)
            {
                break;
            }

            var offset = reached + potential[node];
            for (var arc = first[node]; arc < first[node + 1]; arc++)
            {
                var next = head[arc];
                if (residual[arc] == 0 || settled[next])
                {
                    continue;
                }

                var through = offset + cost[arc] - potential[next];
                if (through < distance[next])
                {
                    distance[next] = through;
                    queue.Enqueue(next, through);
                }
            }
        }

        var toSink = distance[sink];
        if (toSink == long.MaxValue)
        {
            return false;
        }

        for (var v = 0; v < distance.Length; v++)
        {
            potential[v] += Math.Min(distance[v], toSink);
        }

        return true;
    }
}
