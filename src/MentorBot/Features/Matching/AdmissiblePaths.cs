namespace MentorBot.Features.Matching;

/// <summary>
/// Augments along admissible arcs (residual capacity left and zero reduced cost) by depth-first search until the
/// sink is out of reach. A current-arc pointer per node passes over each arc once per run, and a node whose arcs are
/// used up is skipped from then on, so one run costs about one pass over the arcs. Every path it augments is a
/// shortest path, so the flow stays of minimum cost. Until the first augmentation the search is a plain depth-first
/// search, so a run finds a path whenever one exists; paths it misses later are found after the next search.
/// </summary>
internal sealed class AdmissiblePaths(ResidualGraph graph)
{
    private readonly int[] current = new int[graph.NodeCount];
    private readonly bool[] dead = new bool[graph.NodeCount];
    private readonly bool[] onPath = new bool[graph.NodeCount];
    private readonly List<int> path = [];

    public long Run(int source, int sink)
    {
        var (first, head, twin, residual, cost, potential) = (graph.First, graph.Head, graph.Twin, graph.Residual, graph.Cost, graph.Potential);
        Array.Copy(first, current, current.Length);
        Array.Clear(dead);
        long flow = 0;
        var node = source;
        onPath[source] = true;
        path.Clear();
        while (true)
        {
            if (node == sink)
            {
                flow += Augment(residual, twin, head);
                node = source;
                continue;
            }

            var advanced = false;
            var end = first[node + 1];
            var height = potential[node];
            for (ref var arc = ref current[node]; arc < end; arc++)
            {
                var next = head[arc];
                if (residual[arc] > 0 && !dead[next] && !onPath[next] && cost[arc] + height == potential[next])
                {
                    path.Add(arc);
                    onPath[next] = true;
                    node = next;
                    advanced = true;
                    break;
                }
            }

            if (advanced)
            {
                continue;
            }

            dead[node] = true;
            if (path.Count == 0)
            {
                onPath[source] = false;
                return flow;
            }

            onPath[node] = false;
            node = head[twin[path[^1]]];
            path.RemoveAt(path.Count - 1);
        }
    }

    private int Augment(int[] residual, int[] twin, int[] head)
    {
        var push = int.MaxValue;
        foreach (var arc in path)
        {
            push = Math.Min(push, residual[arc]);
        }

        foreach (var arc in path)
        {
            residual[arc] -= push;
            residual[twin[arc]] += push;
            onPath[head[arc]] = false;
        }

        path.Clear();
        return push;
    }
}
