using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MentorBot.Persistence.Sqlite;
using Npgsql;

namespace MentorBot.Persistence;

/// <summary>Opens connections to the configured store. SQL in MentorBot is written to run on both providers.</summary>
internal sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly SqliteWriteGate _writeGate = new();
    private static readonly TimeSpan SlotPatience = TimeSpan.FromMilliseconds(250);
    private readonly SemaphoreSlim _connectionSlots = new(16, 16);
    private volatile bool _checkpointsInBackground;
    private readonly string _sqliteConnectionString = string.Empty;
    private readonly SqliteConnectionPool? _sqliteConnections;
    private readonly SqliteGroupedWrites? _sqliteGroupedWrites;

    public Database(IOptions<StorageOptions> options)
    {
        var storage = options.Value;
        Provider = storage.Provider;
        if (Provider == StorageProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(WithPostgresDefaults(storage.ConnectionString));
        }
        else
        {
            SQLitePCL.Batteries_V2.Init();
            SqliteShortSleeps.Install();
            var builder = new SqliteConnectionStringBuilder(storage.ConnectionString);
            if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }
            }

            builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
            _sqliteConnectionString = builder.ToString();
            _sqliteConnections = new SqliteConnectionPool(OpenUngatedSqliteAsync);
            _sqliteGroupedWrites = new SqliteGroupedWrites(this);
        }
    }

    public StorageProvider Provider { get; }

    /// <summary>
    /// Npgsql settings MentorBot relies on for throughput, unless the connection string says otherwise: statements used
    /// twice are prepared on the server (every turn runs the same few), and a connection returned to the pool is not
    /// reset (MentorBot keeps no session state: no SET, no temporary tables, advisory locks per transaction only).
    /// </summary>
    internal static string WithPostgresDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
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

    /// <summary>"column is one of the list in @parameter": Dapper expands lists on SQLite, PostgreSQL takes an array.</summary>
    public string AnyOf(string column, string parameter) =>
        Provider == StorageProvider.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        // Each open SQLite connection costs memory (its page cache and statements); beyond a few dozen in use at once
        // they only wait for the same single writer. A connection waits briefly for a slot, then opens anyway, so a
        // turn that opens a second connection while holding one can never wait forever.
        var slot = await _connectionSlots.WaitAsync(SlotPatience, cancellationToken);
        try
        {
            var pooled = await _sqliteConnections!.RentAsync(cancellationToken);
            SqliteSettings.Apply(pooled.Connection, _checkpointsInBackground);
            return new GatedSqliteConnection(pooled, _sqliteConnections, _writeGate, slot ? new SemaphoreLease(_connectionSlots) : null);
        }
        catch
        {
            if (slot)
            {
                _connectionSlots.Release();
            }

            throw;
        }
    }

    /// <summary>The process's SQLite writers, one at a time.</summary>
    internal SqliteWriteGate SqliteWriters => _writeGate;

    /// <summary>Commits stop checkpointing the WAL themselves: <see cref="SqliteCheckpointer"/> does it.</summary>
    public void CheckpointInBackground() => _checkpointsInBackground = true;

    /// <summary>A plain SQLite connection, outside the write gate: for the checkpointer only.</summary>
    internal async Task<SqliteConnection> OpenUngatedSqliteAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        SqliteSettings.Apply(connection, _checkpointsInBackground);
        return connection;
    }

    /// <summary>
    /// Starts a write transaction. On SQLite it waits for the process's write gate, then takes the write lock at once
    /// (BEGIN IMMEDIATE) to avoid upgrade deadlocks.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is GatedSqliteConnection sqlite
            ? await sqlite.BeginWriteAsync(cancellationToken)
            : await connection.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and commits it; what it returns is returned once committed,
    /// and if it throws nothing it wrote is kept. On SQLite the writes that arrive together share one transaction,
    /// each in a savepoint (<see cref="SqliteGroupedWrites"/>), so <paramref name="work"/> must use only the connection
    /// and transaction it is given, never commit or roll it back itself, and do nothing but database work. The token only cancels the wait to begin on
    /// PostgreSQL; on SQLite the work may already share a group with others.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_sqliteGroupedWrites is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await _sqliteGroupedWrites.WriteAsync(work);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    /// <summary>A read-only snapshot: SQLite's deferred transaction (no write gate), PostgreSQL's repeatable read.</summary>
    public static async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is GatedSqliteConnection sqlite
            ? sqlite.BeginRead()
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _sqliteConnections?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
