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

    /// <summary>Keeps commits apart from statements starting to read.</summary>
    public SqliteSnapshotLock Snapshots { get; } = new();

    /// <summary>What a statement outside a write transaction holds while it runs: the gate and the commit lock to write, a read lease to read.</summary>
    public async ValueTask<IDisposable> EnterStatementAsync(bool writes, CancellationToken cancellationToken)
    {
        if (!writes)
        {
            return await Snapshots.ReadAsync(cancellationToken);
        }

        var held = await EnterAsync(cancellationToken);
        try
        {
            return new Leases(await Snapshots.CommitAsync(cancellationToken), held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    public async ValueTask<SemaphoreLease> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _writer.WaitAsync(Patience, cancellationToken))
        {
            throw TimedOut();
        }

        return new SemaphoreLease(_writer);
    }

    public SemaphoreLease Enter()
    {
        if (!_writer.Wait(Patience))
        {
            throw TimedOut();
        }

        return new SemaphoreLease(_writer);
    }

    /// <summary>True when a command on a connection outside a transaction may write: anything but a plain query.</summary>
    public static bool MayWrite(string? commandText)
    {
        var text = commandText.AsSpan().TrimStart();
        return !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
    }

    private static SqliteException TimedOut() =>
        new("database is locked: another write held it for more than 30 s", 5 /* SQLITE_BUSY */);

    /// <summary>Several leases given back together, the last taken first.</summary>
    private sealed class Leases(IDisposable inner, IDisposable outer) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                inner.Dispose();
            }
            finally
            {
                outer.Dispose();
            }
        }
    }
}
