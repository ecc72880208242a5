using System.Text.Json.Nodes;
using MentorBot.Features.Map.File;

namespace MentorBot.Features.Map.Demo;

/// <summary>
/// The embedded demo programme: a care network of about fifty people, including the six default users of the
/// Microsoft 365 Agents Playground in distinct roles. Its dates are written relative to its <c>anchorDate</c> and
/// shifted so that the anchor is today, so the new hires are always inside their first 90 days.
/// </summary>
internal static class DemoMap
{
    private const string ResourceName = "MentorBot.Features.Map.Demo.demo-map.json";
    private static readonly string[] DateFields = ["startDate", "pausedUntil", "calibrationDate", "firstShift", "on"];

    public static MentorshipMap Load(DateOnly today)
    {
        using var stream = typeof(DemoMap).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The demo map is not embedded in the assembly.");
        var root = JsonNode.Parse(stream)!.AsObject();
        var anchor = MapValues.TryDate((string?)root["anchorDate"], out var a) ? a : today;
        Shift(root, today.DayNumber - anchor.DayNumber);
        var (document, readProblems) = MapFileReader.ReadJson(root.ToJsonString());
        var (map, problems) = document is null || readProblems.Count > 0 ? (null, readProblems) : MapValidator.Validate(document);
        return map ?? throw new InvalidOperationException("The embedded demo map is invalid: " + string.Join("; ", problems));
    }

    private static void Shift(JsonNode? node, int days)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (DateFields.Contains(name) && child is JsonValue value && MapValues.TryDate(value.ToString(), out var date))
                    {
                        obj[name] = MapValues.DateText(date.AddDays(days));
                    }
                    else
                    {
                        Shift(child, days);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Shift(child, days);
                }

                break;
        }
    }
}
