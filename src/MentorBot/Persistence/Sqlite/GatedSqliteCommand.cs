using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// A command on a <see cref="GatedSqliteConnection"/>. Inside a write transaction it runs as it is (the transaction
/// holds the gate). Outside one, a statement that may write holds the gate and the commit lock while it runs, and any
/// other statement a read lease (<see cref="SqliteSnapshotLock"/>); a reader keeps them until it is closed.
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

    /// <summary>Inside a write transaction nothing more is needed: the transaction holds the gate, and only its commit changes what readers see.</summary>
    private bool InWriteTransaction => _transaction is { Writes: true };

    private bool Writes => _transaction is null && SqliteWriteGate.MayWrite(inner.CommandText);

    public override void Cancel() => inner.Cancel();

    public override void Prepare() => inner.Prepare();

    protected override DbParameter CreateDbParameter() => inner.CreateParameter();

    public override int ExecuteNonQuery()
    {
        using var held = Enter();
        return inner.ExecuteNonQuery();
    }

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        using var held = await EnterAsync(cancellationToken);
        return inner.ExecuteNonQuery();
    }

    public override object? ExecuteScalar()
    {
        using var held = Enter();
        return inner.ExecuteScalar();
    }

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        using var held = await EnterAsync(cancellationToken);
        return inner.ExecuteScalar();
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Open(Enter(), behavior);

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        Open(await EnterAsync(cancellationToken), behavior);

    private async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken) =>
        InWriteTransaction ? null : await connection.Gate.EnterStatementAsync(Writes, cancellationToken);

    private IDisposable? Enter() => InWriteTransaction ? null : connection.Gate.EnterStatementAsync(Writes, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>A reader keeps what it holds until it is closed.</summary>
    private DbDataReader Open(IDisposable? held, CommandBehavior behavior)
    {
        try
        {
            var reader = inner.ExecuteReader(behavior);
            return held is null ? reader : new GateReleasingReader(reader, held);
        }
        catch
        {
            held?.Dispose();
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
