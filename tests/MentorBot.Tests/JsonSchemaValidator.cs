using System.Diagnostics;
using System.Text.Json;

namespace MentorBot.Tests;

/// <summary>
/// Validates JSON files against an official schema with ajv (tests/MentorBot.E2E/tools/validate-json.js).
/// The test command installs the npm packages; run it once if this reports them missing.
/// </summary>
internal static class JsonSchemaValidator
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Validate(string schemaPath, string directory, bool allowMsTeams)
    {
        var toolDirectory = RepositoryPaths.Combine("tests", "MentorBot.E2E");
        if (!Directory.Exists(Path.Combine(toolDirectory, "node_modules", "ajv")))
        {
            throw new InvalidOperationException(
                "ajv is not installed. Run the README's test command (scripts/test.sh) once, or `npm ci` in tests/MentorBot.E2E.");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = toolDirectory,
        };
        start.ArgumentList.Add(Path.Combine(toolDirectory, "tools", "validate-json.js"));
        start.ArgumentList.Add(schemaPath);
        start.ArgumentList.Add(directory);
        if (allowMsTeams)
        {
            start.ArgumentList.Add("--allow-msteams");
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"validate-json.js failed ({process.ExitCode}): {error}");
        }

        var results = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            results[root.GetProperty("file").GetString()!] = [.. root.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
        }

        return results;
    }
}
