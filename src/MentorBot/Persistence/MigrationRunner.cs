using System.Data.Common;
using System.Globalization;
using Dapper;

namespace MentorBot.Persistence;

/// <summary>
/// Applies the embedded, versioned SQL scripts in order, each in its own transaction. Several instances may start
/// at once: PostgreSQL serialises them with an advisory lock, SQLite with its write lock.
/// </summary>
internal sealed partial class MigrationRunner(Database database, TimeProvider time, ILogger<MigrationRunner> logger)
{
    private const long AdvisoryLockKey = 0x4D656E746F72; // "Mentor"

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var scripts = EmbeddedMigration.LoadAll();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (database.Provider == StorageProvider.Sqlite)
            {
                await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
            }

            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)");
        }

        var applied = 0;
        foreach (var script in scripts)
        {
            if (await database.WriteAsync((connection, transaction) => ApplyAsync(connection, transaction, script, cancellationToken), cancellationToken))
            {
                applied++;
                Log.Applied(logger, script.Version, script.Name);
            }
        }

        Log.UpToDate(logger, database.Provider.ToString(), scripts.Count == 0 ? 0 : scripts[^1].Version);
        return applied;
    }

    /// <summary>One script and its version row in one transaction, unless another instance applied it first.</summary>
    private async Task<bool> ApplyAsync(DbConnection connection, DbTransaction transaction, EmbeddedMigration script, CancellationToken cancellationToken)
    {
        if (database.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLockKey }, transaction);
        }

        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version = script.Version }, transaction) > 0)
        {
            return false;
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = script.Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await connection.ExecuteAsync(
            "INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (@version, @name, @at)",
            new { version = script.Version, name = script.Name, at = time.GetUtcNow().ToUnixTimeMilliseconds() },
            transaction);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Applied migration {Version} ({Name}).")]
        public static partial void Applied(ILogger logger, int version, string name);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Database ({Provider}) is at schema version {Version}.")]
        public static partial void UpToDate(ILogger logger, string provider, int version);
    }
}

/// <summary>A migration script embedded in the assembly as <c>Migrations/NNNN_name.sql</c>.</summary>
internal sealed record EmbeddedMigration(int Version, string Name, string Sql)
{
    public static IReadOnlyList<EmbeddedMigration> LoadAll()
    {
        var assembly = typeof(EmbeddedMigration).Assembly;
        const string prefix = "MentorBot.Persistence.Migrations.";
        var scripts = new List<EmbeddedMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..^4];
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(fileName[..underscore].TrimStart('_'), NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new EmbeddedMigration(version, fileName[(underscore + 1)..], reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        return scripts;
    }
}
