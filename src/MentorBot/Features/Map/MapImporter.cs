using MentorBot.Features.Map.File;

namespace MentorBot.Features.Map;

/// <summary>Reads, validates and imports a map file: all or nothing.</summary>
internal sealed class MapImporter(MapStore store)
{
    public static (MentorshipMap? Map, IReadOnlyList<MapProblem> Problems) ReadAndValidate(string path)
    {
        var (document, shapeProblems) = MapFileReader.ReadFile(path);
        if (document is null)
        {
            return (null, shapeProblems);
        }

        var (map, problems) = MapValidator.Validate(document);
        return shapeProblems.Count == 0 ? (map, problems) : (null, [.. shapeProblems, .. problems]);
    }

    /// <summary>Imports, recording <c>map.import</c> in the audit log by <paramref name="actor"/> in the same transaction.</summary>
    public async Task<MapImportOutcome> ImportAsync(MentorshipMap map, string actor, string source, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        new(map, await store.ImportAsync(map, progress, new AuditStamp(actor, Privacy.AuditActions.MapImport, "map", $"from {source}: "), cancellationToken));
}

internal sealed record MapImportOutcome(MentorshipMap Map, ImportSummary Summary);
