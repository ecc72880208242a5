using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// SQLite, the embedded store: WAL, so readers never wait for the writer, and one writer, so writers never wait in
/// SQLite's busy handler. Writes that arrive while one is being written go together in the next transaction, each in a
/// savepoint of its own (a group commit): a write that fails is rolled back alone and its caller gets its exception,
/// and every caller returns once its group is committed.
/// </summary>
internal sealed class SqliteDatabase : Database
{
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];
    private readonly string _connectionString;
    private readonly GroupCommit<GroupedWrite> _writes;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _exclusive = new(StringComparer.Ordinal);

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal)
            && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        _connectionString = builder.ToString();
        _writes = new GroupCommit<GroupedWrite>(WriteGroupAsync);
    }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        Configure(connection);
        return connection;
    }

    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new GroupedWrite<T>(work);
        await _writes.WriteAsync(write);
        return write.Result;
    }

    public override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    /// <summary>SQLite serves one instance, so a lock in this process is enough.</summary>
    public override async Task<bool> RunExclusiveAsync(string name, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var gate = _exclusive.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, cancellationToken))
        {
            return false;
        }

        try
        {
            await work(cancellationToken);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Once per native connection (the pool hands the same ones out again): NORMAL synchronous (with WAL a commit
    /// survives a process crash), a busy timeout for other processes (the CLI), and reads through a memory map of up
    /// to 256 MB shared by every connection.
    /// </summary>
    private static void Configure(SqliteConnection connection)
    {
        if (connection.Handle is not { } handle || Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 268435456; PRAGMA journal_size_limit = 67108864;";
        pragmas.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, true);
    }

    private async Task WriteGroupAsync(IReadOnlyList<GroupedWrite> writes)
    {
        // Not cancelled with any one caller: the group carries the others' writes too.
        await using var connection = (SqliteConnection)await OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var write in writes)
        {
            if (writes.Count == 1)
            {
                await write.RunAsync(connection, transaction);
                continue;
            }

            await connection.ExecuteAsync("SAVEPOINT grouped_write", transaction: transaction);
            if (!await write.RunAsync(connection, transaction))
            {
                await connection.ExecuteAsync("ROLLBACK TO grouped_write", transaction: transaction);
            }

            await connection.ExecuteAsync("RELEASE grouped_write", transaction: transaction);
        }

        if (writes is [{ Failed: true }])
        {
            return; // alone and failed: the transaction rolls back as it is disposed
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    private abstract class GroupedWrite
    {
        public bool Failed { get; protected set; }

        /// <summary>Runs the write; false when it failed (its caller will see why).</summary>
        public abstract Task<bool> RunAsync(DbConnection connection, DbTransaction transaction);
    }

    private sealed class GroupedWrite<T>(Func<DbConnection, DbTransaction, Task<T>> work) : GroupedWrite
    {
        private T? _result;
        private ExceptionDispatchInfo? _failure;

        /// <summary>What the write returned, once its group is committed; its own exception if it failed.</summary>
        public T Result
        {
            get
            {
                _failure?.Throw();
                return _result!;
            }
        }

        public override async Task<bool> RunAsync(DbConnection connection, DbTransaction transaction)
        {
            try
            {
                _result = await work(connection, transaction);
                return true;
            }
            catch (Exception ex)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
                Failed = true;
                return false;
            }
        }
    }
}
