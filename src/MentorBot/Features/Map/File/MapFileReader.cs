using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MentorBot.Features.Map.File;

/// <summary>
/// Reads a map file (JSON, or YAML by extension) into a <see cref="MapDocument"/>, reporting syntax and shape
/// problems with their location. Semantic checks are <see cref="MapValidator"/>'s. A document comes back even with
/// shape problems (minus the offending values) so that one run reports everything.
/// </summary>
internal static class MapFileReader
{
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    public static (MapDocument? Document, IReadOnlyList<MapProblem> Problems) ReadFile(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            return (null, [new MapProblem(path, "File not found.")]);
        }

        if (new FileInfo(path).Length > MaxFileBytes)
        {
            return (null, [new MapProblem(path, $"The file is larger than {MaxFileBytes / 1024 / 1024} MB.")]);
        }

        var text = System.IO.File.ReadAllText(path);
        var isYaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        return isYaml ? ReadYaml(text) : ReadJson(text);
    }

    public static (MapDocument? Document, IReadOnlyList<MapProblem> Problems) ReadJson(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            return (null, [new MapProblem($"line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}", "The file is not valid JSON: " + FirstSentence(ex.Message))]);
        }

        return FromNode(root, coerce: false, locate: null);
    }

    public static (MapDocument? Document, IReadOnlyList<MapProblem> Problems) ReadYaml(string text)
    {
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        JsonNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode, "$", lines);
        }
        catch (YamlException ex)
        {
            return (null, [new MapProblem($"line {ex.Start.Line}, column {ex.Start.Column}", "The file is not valid YAML: " + FirstSentence(ex.Message))]);
        }

        return FromNode(root, coerce: true, locate: path => lines.TryGetValue(path, out var line) ? $"{path} (line {line})" : path);
    }

    private static (MapDocument?, IReadOnlyList<MapProblem>) FromNode(JsonNode? root, bool coerce, Func<string, string>? locate)
    {
        var problems = MapShapeChecker.Check(root, coerce, locate);
        if (root is not JsonObject)
        {
            return (null, problems);
        }

        // The checker removed every offending value, so this reads what is left and validation can go on.
        return (root.Deserialize<MapDocument>(Options) ?? new MapDocument(), problems);
    }

    private static JsonNode? ToJson(YamlNode node, string path, Dictionary<string, long> lines)
    {
        lines[path] = node.Start.Line;
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? string.Empty;
                    obj[name] = ToJson(value, $"{path}.{name}", lines);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(ToJson(sequence.Children[i], $"{path}[{i}]", lines));
                }

                return array;
            case YamlScalarNode scalar:
                var text = scalar.Value;
                if (scalar.Style == ScalarStyle.Plain && (text is null or "~" or "null" or ""))
                {
                    return null;
                }

                if (scalar.Style == ScalarStyle.Plain && text is "true" or "false")
                {
                    return JsonValue.Create(text == "true");
                }

                return JsonValue.Create(text);
            default:
                return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
