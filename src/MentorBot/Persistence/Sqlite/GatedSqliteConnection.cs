using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// A SQLite connection whose writes pass the database's <see cref="SqliteWriteGate"/>: a write transaction holds it
/// from BEGIN IMMEDIATE to commit or rollback, a write outside a transaction for that one statement. Reads wait only
/// for a commit in progress (microseconds; see <see cref="SqliteSnapshotLock"/>). Everything else is the wrapped
/// <see cref="SqliteConnection"/>, lent by the <see cref="SqliteConnectionPool"/> and given back to it on dispose, with
/// its prepared statements.
/// </summary>
internal sealed class GatedSqliteConnection(PooledSqliteConnection pooled, SqliteConnectionPool pool, SqliteWriteGate gate, SemaphoreLease? slot = null) : DbConnection
{
    private readonly SqliteConnection _inner = pooled.Connection;
    private int _returned;

    public SqliteConnection Inner => _inner;

    /// <summary>The connection's prepared statements, by SQL text.</summary>
    public SqliteStatements Statements => pooled.Statements;

    public SqliteWriteGate Gate => gate;

    [AllowNull]
    public override string ConnectionString
    {
        get => _inner.ConnectionString;
        set => _inner.ConnectionString = value;
    }

    public override string Database => _inner.Database;

    public override string DataSource => _inner.DataSource;

    public override string ServerVersion => _inner.ServerVersion;

    public override ConnectionState State => _inner.State;

    public override void ChangeDatabase(string databaseName) => _inner.ChangeDatabase(databaseName);

    /// <summary>Closing finalizes the connection's statements, so the ones kept for it go too.</summary>
    public override void Close()
    {
        pooled.Statements.Clear();
        _inner.Close();
    }

    public override void Open() => _inner.Open();

    public override Task OpenAsync(CancellationToken cancellationToken) => _inner.OpenAsync(cancellationToken);

    /// <summary>Begins a write transaction once the gate is free (BEGIN IMMEDIATE: the write lock at once).</summary>
    public async Task<DbTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var held = await gate.EnterAsync(cancellationToken);
        try
        {
            // BEGIN IMMEDIATE starts a read and may reset the WAL: apart from statements starting to read, like a commit.
            using var beginning = await gate.Snapshots.CommitAsync(cancellationToken);
            return new GatedSqliteTransaction(this, _inner.BeginTransaction(deferred: false), held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>A read transaction (deferred): a consistent snapshot, no gate.</summary>
    public DbTransaction BeginRead() => new GatedSqliteTransaction(this, _inner.BeginTransaction(deferred: true), null);

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (isolationLevel == IsolationLevel.ReadUncommitted)
        {
            return new GatedSqliteTransaction(this, _inner.BeginTransaction(isolationLevel), null);
        }

        var held = gate.Enter();
        try
        {
            using var beginning = gate.Snapshots.CommitAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return new GatedSqliteTransaction(this, _inner.BeginTransaction(isolationLevel, deferred: false), held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    protected override DbCommand CreateDbCommand() => new GatedSqliteCommand(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _returned, 1) == 0)
        {
            try
            {
                pool.Return(pooled);
            }
            finally
            {
                slot?.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
