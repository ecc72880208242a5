using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// A command on a <see cref="GatedSqliteConnection"/>. Inside a write transaction it runs as it is (the transaction
/// holds the gate). Outside one, a statement that may write holds the gate and the commit lock while it runs, and any
/// other statement a read lease (<see cref="SqliteSnapshotLock"/>); a reader keeps them until it is closed.
/// The command only collects its text and parameters; what runs them is the connection's prepared statement for that
/// text (<see cref="SqliteStatements"/>), lent for the run.
/// </summary>
internal sealed class GatedSqliteCommand(GatedSqliteConnection connection) : DbCommand
{
    private readonly SqliteCommand _request = new();
    private GatedSqliteTransaction? _transaction;

    [AllowNull]
    public override string CommandText
    {
        get => _request.CommandText;
        set => _request.CommandText = value;
    }

    public override int CommandTimeout
    {
        get => _request.CommandTimeout;
        set => _request.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => _request.CommandType;
        set => _request.CommandType = value;
    }

    public override bool DesignTimeVisible
    {
        get => _request.DesignTimeVisible;
        set => _request.DesignTimeVisible = value;
    }

    public override UpdateRowSource UpdatedRowSource
    {
        get => _request.UpdatedRowSource;
        set => _request.UpdatedRowSource = value;
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

    protected override DbParameterCollection DbParameterCollection => _request.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _transaction;
        set => _transaction = value switch
        {
            null => null,
            GatedSqliteTransaction gated => gated,
            _ => throw new InvalidOperationException("Use a transaction begun on the same gated SQLite connection."),
        };
    }

    /// <summary>Inside a write transaction nothing more is needed: the transaction holds the gate, and only its commit changes what readers see.</summary>
    private bool InWriteTransaction => _transaction is { Writes: true };

    private bool Writes => _transaction is null && SqliteWriteGate.MayWrite(_request.CommandText);

    /// <summary>Microsoft.Data.Sqlite does not cancel a running statement either.</summary>
    public override void Cancel()
    {
    }

    /// <summary>Statements are prepared on first use and kept with the connection.</summary>
    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => _request.CreateParameter();

    public override int ExecuteNonQuery()
    {
        using var held = Enter();
        return Run(statement => statement.ExecuteNonQuery());
    }

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        using var held = await EnterAsync(cancellationToken);
        return Run(statement => statement.ExecuteNonQuery());
    }

    public override object? ExecuteScalar()
    {
        using var held = Enter();
        return Run(statement => statement.ExecuteScalar());
    }

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        using var held = await EnterAsync(cancellationToken);
        return Run(statement => statement.ExecuteScalar());
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Open(Enter(), behavior);

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        Open(await EnterAsync(cancellationToken), behavior);

    private async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken) =>
        InWriteTransaction ? null : await connection.Gate.EnterStatementAsync(Writes, cancellationToken);

    private IDisposable? Enter() => InWriteTransaction ? null : connection.Gate.EnterStatementAsync(Writes, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    private T Run<T>(Func<SqliteCommand, T> execute)
    {
        var statement = Lend();
        var failed = true;
        try
        {
            var result = execute(statement);
            failed = false;
            return result;
        }
        finally
        {
            connection.Statements.GiveBack(statement, failed);
        }
    }

    /// <summary>The connection's statement for this text, with this command's transaction, timeout and parameters.</summary>
    private SqliteCommand Lend()
    {
        var statement = connection.Statements.Lend(_request.CommandText);
        statement.Transaction = _transaction?.Inner;
        statement.CommandTimeout = _request.CommandTimeout;
        foreach (SqliteParameter parameter in _request.Parameters)
        {
            statement.Parameters.Add(parameter);
        }

        return statement;
    }

    /// <summary>A reader keeps its statement, and what it holds, until it is closed.</summary>
    private GateReleasingReader Open(IDisposable? held, CommandBehavior behavior)
    {
        SqliteCommand? statement = null;
        try
        {
            statement = Lend();
            var reader = statement.ExecuteReader(behavior);
            return new GateReleasingReader(reader, new ReaderLeases(connection.Statements, statement, held));
        }
        catch
        {
            if (statement is not null)
            {
                connection.Statements.GiveBack(statement, failed: true);
            }

            held?.Dispose();
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _request.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>What an open reader gives back when it closes, once: its statement (kept only if its connection is still open), then its gate lease.</summary>
    private sealed class ReaderLeases(SqliteStatements statements, SqliteCommand statement, IDisposable? held) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                statements.GiveBack(statement, failed: statement.Connection?.State != ConnectionState.Open);
            }
            finally
            {
                held?.Dispose();
            }
        }
    }
}
