using MentorBot.Bench;

// Each benchmark is a named subcommand; `all` runs every one in turn.
var benchmarks = new SortedDictionary<string, Func<TextWriter, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["matching"] = MatchingBenchmark.RunAsync,
    ["invoke"] = InvokeBenchmark.RunAsync,
    ["startup"] = StartupBenchmark.RunAsync,
    ["digest"] = DigestBenchmark.RunAsync,
    ["fanout"] = FanOutBenchmark.RunAsync,
};

var name = args.Length > 0 ? args[0] : "";
if (name.Equals("all", StringComparison.OrdinalIgnoreCase))
{
    // Printed as it runs, and written to docs/BENCHMARKS.md (which the README links) when run from the repository.
    var report = new StringWriter();
    report.WriteLine("# MentorBot benchmarks");
    report.WriteLine();
    report.WriteLine($"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores with `scripts/bench.sh` (SQLite, and PostgreSQL when it could be started). Targets are next to each figure.");
    report.WriteLine();
    await Console.Out.WriteLineAsync(report.ToString());
    foreach (var (title, run) in benchmarks)
    {
        var section = new StringWriter();
        await section.WriteLineAsync($"## {title}");
        await section.WriteLineAsync();
        await run(section);
        await Console.Out.WriteLineAsync(section.ToString());
        report.WriteLine(section.ToString());
    }

    if (Repository.Docs() is { } docs)
    {
        await File.WriteAllTextAsync(Path.Combine(docs, "BENCHMARKS.md"), report.ToString());
        await Console.Out.WriteLineAsync($"Written to {Path.Combine(docs, "BENCHMARKS.md")}.");
    }

    return 0;
}

if (benchmarks.TryGetValue(name, out var chosen))
{
    await chosen(Console.Out);
    return 0;
}

await Console.Error.WriteLineAsync($"Usage: dotnet run -c Release --project bench/MentorBot.Bench -- <{string.Join("|", benchmarks.Keys)}|all>");
return 2;

/// <summary>Finds the repository (and its docs folder) from the working directory.</summary>
internal static class Repository
{
    public static string? Docs() => Root() is { } root ? Path.Combine(root, "docs") : null;

    public static string? Root()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MentorBot.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
