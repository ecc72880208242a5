using Npgsql;

namespace MentorBot.IntegrationTests;

/// <summary>
/// A throwaway database for one test host. SQLite by default (a temporary file); PostgreSQL when
/// MENTORBOT_TEST_POSTGRES holds a server connection string, as the test command sets for the second pass.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "MENTORBOT_TEST_POSTGRES";

    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;
    private readonly string? _sqliteDirectory;

    private TestDatabase(string provider, string connectionString, string? serverConnectionString, string? databaseName, string? sqliteDirectory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
        _sqliteDirectory = sqliteDirectory;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static bool UsesPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            var directory = Directory.CreateTempSubdirectory("mentorbot-it-").FullName;
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(directory, "mentorbot.db")}", null, null, directory);
        }

        var name = "mb_it_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase("Postgres", builder.ToString(), server, name, null);
    }

    /// <summary>A copy of a SQLite database file (a fixture, gzipped) in a temporary folder of its own, whatever the suite's store.</summary>
    public static async Task<TestDatabase> CopyOfSqliteAsync(string gzippedFile)
    {
        var directory = Directory.CreateTempSubdirectory("mentorbot-it-").FullName;
        var path = Path.Combine(directory, "mentorbot.db");
        await using (var source = new System.IO.Compression.GZipStream(File.OpenRead(gzippedFile), System.IO.Compression.CompressionMode.Decompress))
        await using (var target = File.Create(path))
        {
            await source.CopyToAsync(target);
        }

        return new TestDatabase("Sqlite", $"Data Source={path}", null, null, directory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_serverConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a closing host; the temp folder is cleaned by the OS.
            }
        }
    }
}
