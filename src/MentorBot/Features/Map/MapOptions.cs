namespace MentorBot.Features.Map;

/// <summary>The <c>Map</c> section.</summary>
internal sealed class MapOptions
{
    public const string SectionName = "Map";

    /// <summary>Load the embedded demo map when the database has no people. On in Development (the run command).</summary>
    public bool SeedDemoMap { get; set; }

    /// <summary>With the demo map, also load five weeks of past check-ins, so digests and "my check-ins" have something to show. On in Development.</summary>
    public bool SeedDemoHistory { get; set; }
}
