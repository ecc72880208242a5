using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MentorBot.Features.Map.File;

/// <summary>
/// Walks a parsed map file against the shape of <see cref="MapDocument"/> and reports every unknown property and
/// every value of the wrong type, each with its JSON path, so one run lists them all. With
/// <c>coerceScalars</c> (YAML, where every scalar is text) numbers and booleans written as text are accepted.
/// Offending values are removed from the tree, so semantic validation can still run and report the rest.
/// </summary>
internal static class MapShapeChecker
{
    public static IReadOnlyList<MapProblem> Check(JsonNode? root, bool coerceScalars, Func<string, string>? locate = null)
    {
        var problems = new List<MapProblem>();
        if (root is not JsonObject)
        {
            problems.Add(new MapProblem("$", "A map file is an object with sections such as people, lanes and mentorships."));
            return problems;
        }

        Walk(root, typeof(MapDocument), "$", coerceScalars, problems, locate ?? (p => p));
        return problems;
    }

    /// <summary>Returns false when the node itself is of the wrong kind and should be removed by its parent.</summary>
    private static bool Walk(JsonNode? node, Type type, string path, bool coerce, List<MapProblem> problems, Func<string, string> locate)
    {
        if (node is null)
        {
            return true;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                return true;
            }

            if (coerce && node is JsonValue scalar && scalar.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                Replace(node, JsonValue.Create(scalar.GetValueKind() switch { JsonValueKind.True => "true", JsonValueKind.False => "false", _ => scalar.ToJsonString() }));
                return true;
            }

            problems.Add(new MapProblem(locate(path), "Expected text."));
            return false;
        }
        else if (underlying == typeof(int))
        {
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out _))
            {
                return true;
            }

            if (coerce && node is JsonValue text && text.GetValueKind() == JsonValueKind.String && int.TryParse(text.GetValue<string>(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                Replace(node, JsonValue.Create(number));
                return true;
            }

            problems.Add(new MapProblem(locate(path), "Expected a whole number."));
            return false;
        }
        else if (underlying == typeof(bool))
        {
            if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                return true;
            }

            if (coerce && node is JsonValue text && text.GetValueKind() == JsonValueKind.String && bool.TryParse(text.GetValue<string>(), out var flag))
            {
                Replace(node, JsonValue.Create(flag));
                return true;
            }

            problems.Add(new MapProblem(locate(path), "Expected true or false."));
            return false;
        }
        else if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (node is not JsonArray array)
            {
                problems.Add(new MapProblem(locate(path), "Expected a list."));
                return false;
            }

            var item = underlying.GetGenericArguments()[0];
            for (var i = 0; i < array.Count; i++)
            {
                if (!Walk(array[i], item, $"{path}[{i}]", coerce, problems, locate))
                {
                    array[i] = null;
                }
            }

            return true;
        }
        else if (node is JsonObject obj)
        {
            var properties = underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, child) in obj.ToList())
            {
                if (name is "$schema" or "anchorDate" && path == "$")
                {
                    continue;
                }

                if (!properties.TryGetValue(name, out var childType))
                {
                    problems.Add(new MapProblem(locate($"{path}.{name}"), $"Unknown property '{name}'. Known here: {string.Join(", ", properties.Keys)}."));
                    obj.Remove(name);
                    continue;
                }

                if (!Walk(child, childType, $"{path}.{name}", coerce, problems, locate))
                {
                    obj.Remove(name);
                }
            }

            return true;
        }
        else
        {
            problems.Add(new MapProblem(locate(path), "Expected an object."));
            return false;
        }
    }

    /// <summary>Puts a coerced value where a YAML scalar was, so deserialisation sees the declared type.</summary>
    private static void Replace(JsonNode node, JsonNode replacement)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement;
                break;
        }
    }
}
