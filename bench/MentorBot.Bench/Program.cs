using MentorBot.Bench;

// Each benchmark is a named subcommand; `all` runs every one in turn.
var benchmarks = new SortedDictionary<string, Func<TextWriter, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["matching"] = MatchingBenchmark.RunAsync,
    ["invoke"] = InvokeBenchmark.RunAsync,
    ["startup"] = StartupBenchmark.RunAsync,
    ["digest"] = DigestBenchmark.RunAsync,
    ["outcomes"] = OutcomesBenchmark.RunAsync,
    ["dashboard"] = DashboardBenchmark.RunAsync,
    ["fanout"] = FanOutBenchmark.RunAsync,
    ["idle"] = SchedulingBenchmark.IdleAsync,
    ["monday"] = SchedulingBenchmark.MondayAsync,
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
        // The figures of earlier runs, kept by hand under their own heading, stay below the new ones.
        var path = Path.Combine(docs, "BENCHMARKS.md");
        var earlier = File.Exists(path) ? await File.ReadAllTextAsync(path) : string.Empty;
        var kept = earlier.IndexOf("\n" + Repository.EarlierRuns, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, report.ToString().TrimEnd() + "\n" + (kept >= 0 ? earlier[kept..] : string.Empty));
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
    /// <summary>The heading in docs/BENCHMARKS.md under which figures of earlier runs are kept (by hand); a new run leaves it and what follows alone.</summary>
    public const string EarlierRuns = "## Earlier runs";

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
