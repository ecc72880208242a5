using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// A SQLite connection whose writes pass the database's <see cref="SqliteWriteGate"/>: a write transaction holds it
/// from BEGIN IMMEDIATE to commit or rollback, a write outside a transaction for that one statement. Reads wait only
/// for a commit in progress (microseconds; see <see cref="SqliteSnapshotLock"/>). Everything else is the wrapped
/// <see cref="SqliteConnection"/>.
/// </summary>
internal sealed class GatedSqliteConnection(SqliteConnection inner, SqliteWriteGate gate, SemaphoreLease? slot = null) : DbConnection
{
    public SqliteConnection Inner => inner;

    public SqliteWriteGate Gate => gate;

    [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => inner.ConnectionString = value;
    }

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

    public override void Close() => inner.Close();

    public override void Open() => inner.Open();

    public override Task OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

    /// <summary>Begins a write transaction once the gate is free (BEGIN IMMEDIATE: the write lock at once).</summary>
    public async Task<DbTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var held = await gate.EnterAsync(cancellationToken);
        try
        {
            // BEGIN IMMEDIATE starts a read and may reset the WAL: apart from statements starting to read, like a commit.
            using var beginning = await gate.Snapshots.CommitAsync(cancellationToken);
            return new GatedSqliteTransaction(this, inner.BeginTransaction(deferred: false), held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>A read transaction (deferred): a consistent snapshot, no gate.</summary>
    public DbTransaction BeginRead() => new GatedSqliteTransaction(this, inner.BeginTransaction(deferred: true), null);

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (isolationLevel == IsolationLevel.ReadUncommitted)
        {
            return new GatedSqliteTransaction(this, inner.BeginTransaction(isolationLevel), null);
        }

        var held = gate.Enter();
        try
        {
            using var beginning = gate.Snapshots.CommitAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return new GatedSqliteTransaction(this, inner.BeginTransaction(isolationLevel, deferred: false), held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    protected override DbCommand CreateDbCommand() => new GatedSqliteCommand(this, inner.CreateCommand());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            slot?.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
