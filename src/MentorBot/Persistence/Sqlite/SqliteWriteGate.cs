using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// One writer at a time, in process, for one SQLite database, waited for asynchronously.
/// SQLite allows a single writer; without this gate concurrent writers meet SQLITE_BUSY inside SQLite's busy handler,
/// which in the bundled build (no usleep) sleeps a whole second per retry and blocks a thread-pool thread meanwhile.
/// Waiting here instead costs microseconds and no thread. Other processes (the CLI) still meet the busy handler.
/// </summary>
internal sealed class SqliteWriteGate
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async ValueTask<Held> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _writer.WaitAsync(Patience, cancellationToken))
        {
            throw TimedOut();
        }

        return new Held(this);
    }

    public Held Enter()
    {
        if (!_writer.Wait(Patience))
        {
            throw TimedOut();
        }

        return new Held(this);
    }

    /// <summary>True when a command on a connection outside a transaction may write: anything but a plain query.</summary>
    public static bool MayWrite(string? commandText)
    {
        var text = commandText.AsSpan().TrimStart();
        return !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
    }

    private static SqliteException TimedOut() =>
        new("database is locked: another write held it for more than 30 s", 5 /* SQLITE_BUSY */);

    /// <summary>The gate, held; releasing twice is harmless.</summary>
    internal sealed class Held(SqliteWriteGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate._writer.Release();
            }
        }
    }
}
