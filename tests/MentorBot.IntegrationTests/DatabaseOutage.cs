using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Takes the suite's database away from MentorBot processes and gives it back.
/// <list type="bullet">
/// <item>PostgreSQL: the processes connect through a <see cref="TcpProxy"/>; the outage resets every open connection
/// (pooled ones break on next use) and refuses new ones, as a server restart or a network cut does.</item>
/// <item>SQLite: another connection takes the write lock (<c>BEGIN EXCLUSIVE</c>). The file is in WAL mode, so readers
/// carry on and every write waits on the lock: that is what an unavailable SQLite file looks like in practice (a backup,
/// a maintenance transaction, another process holding it). MentorBot waits up to 30 s for a lock (busy_timeout and the
/// provider's command timeout), so the lock is held <see cref="SqliteExtra"/> longer than the outage: writes begun in
/// those first seconds fail with SQLITE_BUSY at their timeout and later ones stall until the lock goes. Making the file
/// unreadable was not an option: pooled connections keep their open handles and never notice.</item>
/// </list>
/// </summary>
internal sealed class DatabaseOutage : IAsyncDisposable
{
    /// <summary>How much longer than the outage the SQLite lock is held, so that writes fail as well as wait.</summary>
    public static readonly TimeSpan SqliteExtra = TimeSpan.FromSeconds(5);

    private readonly TestDatabase _database;
    private readonly TcpProxy? _proxy;
    private SqliteConnection? _lock;

    private DatabaseOutage(TestDatabase database, TcpProxy? proxy, string connectionString)
    {
        _database = database;
        _proxy = proxy;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string MentorBot processes must use, so that the outage reaches them.</summary>
    public string ConnectionString { get; }

    public static DatabaseOutage For(TestDatabase database)
    {
        if (database.Provider != "Postgres")
        {
            return new DatabaseOutage(database, null, database.ConnectionString);
        }

        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var proxy = TcpProxy.Start(builder.Host ?? "127.0.0.1", builder.Port);
        builder.Host = "127.0.0.1";
        builder.Port = proxy.Port;
        return new DatabaseOutage(database, proxy, builder.ToString());
    }

    /// <summary>Runs an outage of <paramref name="length"/> and returns once the database is back.</summary>
    public async Task RunAsync(TimeSpan length)
    {
        if (_proxy is not null)
        {
            _proxy.Cut();
            await Task.Delay(length);
            _proxy.Restore();
            return;
        }

        _lock = new SqliteConnection(new SqliteConnectionStringBuilder(_database.ConnectionString) { Pooling = false, DefaultTimeout = 30 }.ToString());
        await _lock.OpenAsync();
        await ExecuteAsync(_lock, "PRAGMA busy_timeout = 30000; BEGIN EXCLUSIVE;");
        await Task.Delay(length + SqliteExtra);
        await ExecuteAsync(_lock, "ROLLBACK;");
        await _lock.DisposeAsync();
        _lock = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_lock is not null)
        {
            await _lock.DisposeAsync();
        }

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
