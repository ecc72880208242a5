using MentorBot.Bench;

// Each benchmark is a named subcommand; `all` runs every one in turn.
var benchmarks = new SortedDictionary<string, Func<TextWriter, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["matching"] = MatchingBenchmark.RunAsync,
};

var name = args.Length > 0 ? args[0] : "";
if (name.Equals("all", StringComparison.OrdinalIgnoreCase))
{
    foreach (var (title, run) in benchmarks)
    {
        await Console.Out.WriteLineAsync($"## {title}");
        await run(Console.Out);
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
