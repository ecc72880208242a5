using System.Data;
using System.Data.Common;
using Npgsql;

namespace MentorBot.Persistence.Postgres;

/// <summary>
/// PostgreSQL: connections from one Npgsql data source, a write in a transaction of its own (several instances write
/// at once; the server orders them), a snapshot at repeatable read.
/// </summary>
internal sealed class PostgresDatabase(string connectionString) : Database
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(WithDefaults(connectionString));

    public override StorageProvider Provider => StorageProvider.Postgres;

    /// <summary>
    /// Npgsql settings MentorBot relies on for throughput, unless the connection string says otherwise: statements used
    /// twice are prepared on the server (every turn runs the same few), and a connection returned to the pool is not
    /// reset (MentorBot keeps no session state: no SET, no temporary tables, advisory locks per transaction only).
    /// </summary>
    internal static string WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ToString();
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _source.OpenConnectionAsync(cancellationToken);

    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    public override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    /// <summary>A transaction-level advisory lock on a connection of its own, held while the work runs.</summary>
    public override async Task<bool> RunExclusiveAsync(string name, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(hashtextextended(@name, 0))", connection, transaction))
        {
            command.Parameters.AddWithValue("name", "mentorbot:" + name);
            if (await command.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return false;
            }
        }

        await work(cancellationToken);
        await transaction.RollbackAsync(CancellationToken.None);
        return true;
    }

    public override ValueTask DisposeAsync() => _source.DisposeAsync();
}
