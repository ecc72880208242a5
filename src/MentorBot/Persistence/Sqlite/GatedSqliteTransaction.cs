using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MentorBot.Persistence.Sqlite;

/// <summary>A SQLite transaction that gives the write gate back when it commits, rolls back or is disposed.</summary>
internal sealed class GatedSqliteTransaction(GatedSqliteConnection connection, SqliteTransaction inner, SqliteWriteGate.Held? held) : DbTransaction
{
    public SqliteTransaction Inner => inner;

    public override IsolationLevel IsolationLevel => inner.IsolationLevel;

    protected override DbConnection DbConnection => connection;

    public override void Commit()
    {
        try
        {
            inner.Commit();
        }
        finally
        {
            held?.Dispose();
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
            held?.Dispose();
        }
    }

    public override Task CommitAsync(CancellationToken cancellationToken = default)
    {
        Commit();
        return Task.CompletedTask;
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
                held?.Dispose();
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
