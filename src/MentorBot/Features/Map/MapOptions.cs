namespace MentorBot.Features.Map;

/// <summary>The <c>Map</c> section.</summary>
internal sealed class MapOptions
{
    public const string SectionName = "Map";

    /// <summary>Load the embedded demo map when the database has no people. On in Development (the run command).</summary>
    public bool SeedDemoMap { get; set; }
}
