using MentorBot.Persistence;

namespace MentorBot.Bench;

/// <summary>
/// Runs one store-bound measurement on a throwaway SQLite file and, when one can be started, on a throwaway PostgreSQL
/// cluster; returns each store's table row.
/// </summary>
internal static class StoreRuns
{
    public delegate Task<string> Measure(string store, StorageProvider provider, string connectionString, BulkWriter writer);

    public static async Task<List<string>> OnEachAsync(string name, Measure measure)
    {
        var rows = new List<string>();
        var file = Path.Combine(Path.GetTempPath(), $"mentorbot-bench-{name}-{Guid.NewGuid():N}.db");
        try
        {
            rows.Add(await measure("SQLite", StorageProvider.Sqlite, $"Data Source={file}", new SqliteBulkWriter($"Data Source={file}")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }
        }

        await using (var postgres = await PostgresCluster.StartAsync())
        {
            if (postgres is not null)
            {
                rows.Add(await measure($"PostgreSQL ({postgres.Source})", StorageProvider.Postgres, postgres.ConnectionString, new PostgresBulkWriter(postgres.ConnectionString)));
            }
        }

        return rows;
    }

    /// <summary>A benchmark's section: one line saying what was measured, then the markdown table of each store's row.</summary>
    public static async Task PrintAsync(TextWriter output, string what, string header, IReadOnlyList<string> rows)
    {
        await output.WriteLineAsync(what);
        await output.WriteLineAsync();
        await output.WriteLineAsync(header);
        // The store and target columns are text; the figures between them align right.
        var columns = header.Trim('|').Split('|').Length;
        await output.WriteLineAsync("|" + string.Concat(Enumerable.Range(0, columns).Select(i => i == 0 || i == columns - 1 ? "---|" : "---:|")));
        foreach (var row in rows)
        {
            await output.WriteLineAsync(row);
        }
    }
}

/// <summary>A clock stopped at one instant, so seeded data and the measured code agree on "now".</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
