using System.Globalization;
using System.Net;
using System.Text;
using MentorBot.Features.Map;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;
using MsaglNode = Microsoft.Msagl.Core.Layout.Node;
using MsaglPoint = Microsoft.Msagl.Core.Geometry.Point;

namespace MentorBot.Web.Map;

/// <summary>
/// The map drawn as SVG on the server: people in rows by level (director at the top), laid out by Microsoft's
/// Automatic Graph Layout (layered, Sugiyama), mentors above their mentees. Each box links to the person; colours come
/// from the page's theme through CSS classes.
/// </summary>
internal static class MapGraph
{
    private const double Width = 168;
    private const double Height = 46;

    public static string Svg(IReadOnlyList<MapNode> nodes, IReadOnlyList<MapEdge> edges, string title, Func<Level, string> levelName)
    {
        var graph = new GeometryGraph();
        var byId = new Dictionary<string, MsaglNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var box = new MsaglNode(CurveFactory.CreateRectangleWithRoundedCorners(Width, Height, 8, 8, new MsaglPoint()), node);
            graph.Nodes.Add(box);
            byId[node.Id] = box;
        }

        foreach (var edge in edges.Where(e => byId.ContainsKey(e.MentorId) && byId.ContainsKey(e.MenteeId)))
        {
            // Drawn mentor above mentee whatever the levels say: a reverse mentor is the junior one.
            graph.Edges.Add(new Edge(byId[edge.MentorId], byId[edge.MenteeId]) { UserData = edge });
        }

        var settings = new SugiyamaLayoutSettings { NodeSeparation = 18, LayerSeparation = 56 };
        var levels = nodes.GroupBy(n => n.Level).OrderByDescending(g => g.Key).Select(g => g.Select(n => byId[n.Id]).ToArray()).ToList();
        foreach (var level in levels.Where(l => l.Length > 1))
        {
            settings.PinNodesToSameLayer(level);
        }

        // Unseen edges from each level to the next keep the rows in order (director at the top) and join everyone into one
        // drawing: the layout would otherwise place each unconnected person as a component of their own, anywhere.
        for (var i = 1; i < levels.Count; i++)
        {
            foreach (var lower in levels[i])
            {
                graph.Edges.Add(new Edge(levels[i - 1][0], lower));
            }

            foreach (var upper in levels[i - 1].Skip(1))
            {
                graph.Edges.Add(new Edge(upper, levels[i][0]));
            }
        }

        if (graph.Nodes.Count > 0)
        {
            LayoutHelpers.CalculateLayout(graph, settings, null);
        }

        var box2 = graph.Nodes.Count > 0 ? graph.BoundingBox : new Microsoft.Msagl.Core.Geometry.Rectangle(0, 0, 1, 1);
        const double margin = 12;
        double X(double x) => x - box2.Left + margin;
        double Y(double y) => box2.Top - y + margin;
        var width = box2.Width + (2 * margin);
        var height = box2.Height + (2 * margin);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"map-graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:0} {height:0}\" width=\"{width:0}\" role=\"group\" aria-label=\"{Encode(title)}\">");
        foreach (var edge in graph.Edges.Where(e => e.UserData is MapEdge))
        {
            var data = (MapEdge)edge.UserData;
            var from = edge.Curve?.Start ?? edge.Source.Center;
            var to = edge.Curve?.End ?? edge.Target.Center;
            svg.Append(CultureInfo.InvariantCulture,
                $"<line class=\"edge edge-{data.Kind.ToString().ToLowerInvariant()}\" x1=\"{X(from.X):0.#}\" y1=\"{Y(from.Y):0.#}\" x2=\"{X(to.X):0.#}\" y2=\"{Y(to.Y):0.#}\"><title>{Encode(data.Lanes)}</title></line>");
        }

        foreach (var box in graph.Nodes)
        {
            var node = (MapNode)box.UserData;
            var left = X(box.Center.X - (Width / 2));
            var top = Y(box.Center.Y + (Height / 2));
            var detail = $"{levelName(node.Level)} · {node.Unit}";
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"?person={WebUtility.UrlEncode(node.Id)}\" data-view-link=\"\">");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"node level-{node.Level.ToString().ToLowerInvariant()}{(node.IsReader ? " me" : string.Empty)}{(node.Outside ? " outside" : string.Empty)}\" x=\"{left:0.#}\" y=\"{top:0.#}\" width=\"{Width}\" height=\"{Height}\" rx=\"8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"name\" x=\"{left + 10:0.#}\" y=\"{top + 19:0.#}\">{Encode(Shorten(node.Name, 20))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"detail\" x=\"{left + 10:0.#}\" y=\"{top + 36:0.#}\">{Encode(Shorten(detail, 26))}</text>");
            svg.Append("</a>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string text, int most) => text.Length <= most ? text : string.Concat(text.AsSpan(0, most - 1), "…");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
