using System.Data.Common;
using Dapper;
using MentorBot.Persistence.Postgres;
using MentorBot.Persistence.Sqlite;

namespace MentorBot.Persistence;

/// <summary>
/// The store: SQLite (embedded, one process) or PostgreSQL (scale-out). Reads open a connection of their own
/// (<see cref="OpenAsync"/>); every write goes through <see cref="WriteAsync{T}"/>, the one way to write, on both.
/// SQL in MentorBot is written to run on both providers.
/// </summary>
internal abstract class Database : IAsyncDisposable
{
    public abstract StorageProvider Provider { get; }

    public static Database Create(StorageOptions options) => options.Provider == StorageProvider.Postgres
        ? new PostgresDatabase(options.ConnectionString)
        : new SqliteDatabase(options.ConnectionString);

    /// <summary>A connection to read with (and to run a snapshot on). Writes go through <see cref="WriteAsync{T}"/>.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and commits it; what it returns is returned once committed,
    /// and if it throws, nothing it wrote is kept and its exception reaches the caller. Writes that arrive together may
    /// share one transaction (each in a savepoint of its own), so <paramref name="work"/> uses only the connection and
    /// transaction it is given, never commits or rolls back itself, and does nothing but database work. Once it has
    /// begun it is not cancelled: it may share the transaction with other callers.
    /// </summary>
    public abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>One statement, written as <see cref="WriteAsync{T}"/> writes; the number of rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction)), cancellationToken);

    /// <summary>Runs <paramref name="work"/> as <see cref="WriteAsync{T}"/> would, then throws everything it wrote away (a dry run).</summary>
    public async Task<T> RehearseAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync<T>(async (connection, transaction) => throw new Rehearsal(await work(connection, transaction)), cancellationToken);
            throw new InvalidOperationException("A rehearsal was committed.");
        }
        catch (Rehearsal rehearsal)
        {
            return (T)rehearsal.Result!;
        }
    }

    /// <summary>A read-only snapshot on <paramref name="connection"/>: what the store held when the first read began.</summary>
    public abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>"column is one of the list in @parameter": Dapper expands lists on SQLite, PostgreSQL takes an array.</summary>
    public string AnyOf(string column, string parameter) =>
        Provider == StorageProvider.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    /// <summary>
    /// Runs <paramref name="work"/> unless another holder of <paramref name="name"/> is running, in this process or, on
    /// PostgreSQL, in any instance; then returns false at once. A holder that dies (even by SIGKILL) releases it.
    /// </summary>
    public abstract Task<bool> RunExclusiveAsync(string name, Func<CancellationToken, Task> work, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Carries a dry run's result out of its transaction, which it rolls back.</summary>
    private sealed class Rehearsal(object? result) : Exception("A rehearsal is rolled back.")
    {
        public object? Result { get; } = result;
    }
}
