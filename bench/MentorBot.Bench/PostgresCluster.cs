using System.Diagnostics;
using Npgsql;

namespace MentorBot.Bench;

/// <summary>
/// A PostgreSQL server for a benchmark: MENTORBOT_BENCH_POSTGRES when set, else a throwaway cluster started with the
/// repository's scripts/lib/postgres.sh (Debian's postgresql package). Each run gets its own database, dropped after.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    public const string Variable = "MENTORBOT_BENCH_POSTGRES";

    private readonly string? _directory;
    private readonly string _server;

    private PostgresCluster(string server, string? directory, string database)
    {
        _server = server;
        _directory = directory;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
    }

    public string ConnectionString { get; }

    public string Source => _directory is null ? Variable : "scripts/lib/postgres.sh";

    /// <summary>Null (with the reason on stderr) when no server is configured and none can be started.</summary>
    public static async Task<PostgresCluster?> StartAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        string? directory = null;
        if (string.IsNullOrWhiteSpace(server))
        {
            var root = Repository.Root();
            if (root is null || !Directory.Exists("/usr/lib/postgresql"))
            {
                await Console.Error.WriteLineAsync($"PostgreSQL: not measured. Set {Variable} to a server connection string, or install Debian's postgresql package.");
                return null;
            }

            directory = Path.Combine(Path.GetTempPath(), "mentorbot-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
            server = await BashAsync(root, $"source scripts/lib/postgres.sh && pg_start '{directory}' >&2 && echo \"$PG_CONNECTION\"");
            if (string.IsNullOrWhiteSpace(server))
            {
                await Console.Error.WriteLineAsync("PostgreSQL: the throwaway cluster did not start; not measured.");
                return null;
            }
        }

        var database = "mb_bench_" + Guid.NewGuid().ToString("N")[..10];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresCluster(server.Trim(), directory, database);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(ConnectionString).Database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_directory is not null && Repository.Root() is { } root)
        {
            await BashAsync(root, $"source scripts/lib/postgres.sh && pg_stop '{_directory}'");
        }
    }

    private static async Task<string> BashAsync(string root, string script)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.Trim() : string.Empty;
    }
}
