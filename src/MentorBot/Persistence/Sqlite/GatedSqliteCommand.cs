using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// A command on a <see cref="GatedSqliteConnection"/>. Inside a transaction it runs as it is (a write transaction
/// already holds the gate). Outside one, a statement that may write holds the gate while it runs; for a reader
/// (UPDATE … RETURNING) until the reader is closed.
/// </summary>
internal sealed class GatedSqliteCommand(GatedSqliteConnection connection, SqliteCommand inner) : DbCommand
{
    private GatedSqliteTransaction? _transaction;

    [AllowNull]
    public override string CommandText
    {
        get => inner.CommandText;
        set => inner.CommandText = value;
    }

    public override int CommandTimeout
    {
        get => inner.CommandTimeout;
        set => inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => inner.CommandType;
        set => inner.CommandType = value;
    }

    public override bool DesignTimeVisible
    {
        get => inner.DesignTimeVisible;
        set => inner.DesignTimeVisible = value;
    }

    public override UpdateRowSource UpdatedRowSource
    {
        get => inner.UpdatedRowSource;
        set => inner.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value is not null && !ReferenceEquals(value, connection))
            {
                throw new InvalidOperationException("A gated SQLite command stays on the connection that created it.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _transaction;
        set
        {
            _transaction = value switch
            {
                null => null,
                GatedSqliteTransaction gated => gated,
                _ => throw new InvalidOperationException("Use a transaction begun on the same gated SQLite connection."),
            };
            inner.Transaction = _transaction?.Inner;
        }
    }

    private bool NeedsGate => _transaction is null && SqliteWriteGate.MayWrite(inner.CommandText);

    public override void Cancel() => inner.Cancel();

    public override void Prepare() => inner.Prepare();

    protected override DbParameter CreateDbParameter() => inner.CreateParameter();

    public override int ExecuteNonQuery()
    {
        using var held = NeedsGate ? connection.Gate.Enter() : null;
        return inner.ExecuteNonQuery();
    }

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        using var held = NeedsGate ? await connection.Gate.EnterAsync(cancellationToken) : null;
        return inner.ExecuteNonQuery();
    }

    public override object? ExecuteScalar()
    {
        using var held = NeedsGate ? connection.Gate.Enter() : null;
        return inner.ExecuteScalar();
    }

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        using var held = NeedsGate ? await connection.Gate.EnterAsync(cancellationToken) : null;
        return inner.ExecuteScalar();
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        if (!NeedsGate)
        {
            return inner.ExecuteReader(behavior);
        }

        var held = connection.Gate.Enter();
        return Released(held, behavior);
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        if (!NeedsGate)
        {
            return inner.ExecuteReader(behavior);
        }

        var held = await connection.Gate.EnterAsync(cancellationToken);
        return Released(held, behavior);
    }

    private GateReleasingReader Released(SqliteWriteGate.Held held, CommandBehavior behavior)
    {
        try
        {
            return new GateReleasingReader(inner.ExecuteReader(behavior), held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
