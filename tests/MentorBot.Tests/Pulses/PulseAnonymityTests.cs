using System.Text.RegularExpressions;

namespace MentorBot.Tests.Pulses;

/// <summary>
/// Reads the source: every SQL statement that touches pulse answers is checked for anything that could join them back
/// to a person (the "answered" table, people, conversations, the queue, the audit log, or a time).
/// </summary>
public sealed partial class PulseAnonymityTests
{
    private static readonly string[] AnswerTables = ["pulse_answer_counts", "pulse_comments"];

    private static readonly string[] Forbidden =
        ["pulse_responded", "person", "people", "aad", "conversation", "outbox", "audit", "map_", "_at_ms", "now", "order by run", "join"];

    [Fact]
    public void Only_the_ballot_box_and_the_opening_of_a_run_touch_the_answer_tables()
    {
        var files = SourceFiles().Where(f => AnswerTables.Any(t => f.Text.Contains(t, StringComparison.Ordinal))).Select(f => Path.GetFileName(f.Path)).Order(StringComparer.Ordinal);

        Assert.Equal(["PulseBallotBox.cs", "PulseStore.cs"], files);
    }

    [Fact]
    public void No_statement_on_the_answer_tables_mentions_a_person_a_time_or_who_answered()
    {
        var statements = SourceFiles().SelectMany(f => Literals(f.Text)).Where(s => AnswerTables.Any(t => s.Contains(t, StringComparison.Ordinal))).ToList();

        Assert.True(statements.Count >= 6, $"found only {statements.Count} statements");
        Assert.All(statements, s => Assert.DoesNotContain(Forbidden, f => s.Contains(f, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void The_migration_gives_the_answer_tables_no_person_time_or_order_column()
    {
        var sql = File.ReadAllText(RepositoryPaths.Combine("src", "MentorBot", "Persistence", "Migrations", "0011_concerns_pulses.sql"));

        foreach (var table in AnswerTables)
        {
            var create = CreateTable().Matches(sql).Single(m => m.Groups["name"].Value == table).Groups["body"].Value;
            var columns = create.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("PRIMARY KEY", StringComparison.Ordinal)).Select(l => l.Split(' ')[0]).ToList();
            Assert.DoesNotContain(columns, c => new[] { "person", "aad", "conversation", "_at", "_ms", "seq", "created", "order" }.Any(f => c.Contains(f, StringComparison.Ordinal)));
            Assert.DoesNotContain("AUTOINCREMENT", create, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SERIAL", create, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("IDENTITY", create, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static IEnumerable<(string Path, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Combine("src", "MentorBot"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (p, File.ReadAllText(p)));

    /// <summary>The string literals of a C# file: raw """ blocks and ordinary "…" strings.</summary>
    private static IEnumerable<string> Literals(string code) => Literal().Matches(code).Select(m => m.Value);

    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"")]
    private static partial Regex Literal();

    [GeneratedRegex(@"CREATE TABLE (?<name>\w+) \((?<body>[\s\S]*?)\n\);")]
    private static partial Regex CreateTable();
}
