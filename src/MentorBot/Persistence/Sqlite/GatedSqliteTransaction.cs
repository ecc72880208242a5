using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// A SQLite transaction on a <see cref="GatedSqliteConnection"/>. A write transaction holds the write gate from its
/// start and gives it back when it commits, rolls back or is disposed; its commit also takes the commit lock, so no
/// statement is starting to read while the WAL index changes.
/// </summary>
internal sealed class GatedSqliteTransaction(GatedSqliteConnection connection, SqliteTransaction inner, SemaphoreLease? writer) : DbTransaction
{
    public SqliteTransaction Inner => inner;

    /// <summary>True for a write transaction (BEGIN IMMEDIATE, holding the gate).</summary>
    public bool Writes => writer is not null;

    public override IsolationLevel IsolationLevel => inner.IsolationLevel;

    protected override DbConnection DbConnection => connection;

    public override void Commit() => CommitAsync().GetAwaiter().GetResult();

    public override async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (writer is null)
            {
                inner.Commit();
                return;
            }

            using var committing = await connection.Gate.Snapshots.CommitAsync(cancellationToken);
            inner.Commit();
        }
        finally
        {
            writer?.Dispose();
        }
    }

    public override void Rollback()
    {
        try
        {
            inner.Rollback();
        }
        finally
        {
            writer?.Dispose();
        }
    }

    public override Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        Rollback();
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                inner.Dispose();
            }
            finally
            {
                writer?.Dispose();
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
