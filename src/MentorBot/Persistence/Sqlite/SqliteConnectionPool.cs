using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// Open SQLite connections kept open between uses, each with its prepared statements (<see cref="SqliteStatements"/>).
/// Microsoft.Data.Sqlite's own pool keeps the native handle but finalizes every statement on close, so it cannot
/// keep them. A connection comes back only when it is as it was lent: open, outside any transaction, with no reader
/// still open; anything else is closed instead.
/// </summary>
internal sealed class SqliteConnectionPool(Func<CancellationToken, Task<SqliteConnection>> open) : IDisposable
{
    /// <summary>As many as the database lets be open at once (its connection slots); beyond that they are closed.</summary>
    internal const int MaxIdle = 16;

    private readonly ConcurrentQueue<PooledSqliteConnection> _idle = new();
    private volatile bool _disposed;

    public async Task<PooledSqliteConnection> RentAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryDequeue(out var idle))
        {
            if (idle.Connection.State == System.Data.ConnectionState.Open)
            {
                return idle;
            }

            idle.Dispose();
        }

        return new PooledSqliteConnection(await open(cancellationToken));
    }

    public void Return(PooledSqliteConnection connection)
    {
        if (_disposed || !connection.IsAsLent || _idle.Count >= MaxIdle)
        {
            connection.Dispose();
            return;
        }

        _idle.Enqueue(connection);
        if (_disposed && _idle.TryDequeue(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var idle))
        {
            idle.Dispose();
        }
    }
}

/// <summary>One open SQLite connection of the <see cref="SqliteConnectionPool"/> and its prepared statements.</summary>
internal sealed class PooledSqliteConnection(SqliteConnection connection) : IDisposable
{
    public SqliteConnection Connection => connection;

    public SqliteStatements Statements { get; } = new(connection);

    /// <summary>Open, in autocommit mode (no transaction left open) and with every statement given back.</summary>
    public bool IsAsLent =>
        connection.State == System.Data.ConnectionState.Open
        && connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0
        && Statements.Lent == 0;

    public void Dispose()
    {
        Statements.Dispose();
        connection.Dispose();
    }
}
