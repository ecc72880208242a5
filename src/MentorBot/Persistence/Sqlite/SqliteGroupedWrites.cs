using System.Data.Common;
using System.Runtime.ExceptionServices;
using Dapper;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// Write transactions that arrive together run as one SQLite transaction (a group commit), each inside a savepoint of
/// its own: SQLite has one writer, so under load each write otherwise paid for a commit and a hand-over of the write
/// gate. A write that fails is rolled back to its savepoint and fails alone; its caller sees its exception, and the
/// others in the group are committed. Each caller returns only once the group is committed; a failed commit fails
/// every caller in the group. A write must use only the connection and transaction it is given (it runs while the
/// group holds the write gate) and do no more than database work.
/// </summary>
internal sealed class SqliteGroupedWrites
{
    private readonly Database _database;
    private readonly GroupCommit<GroupedWrite> _groups;

    public SqliteGroupedWrites(Database database)
    {
        _database = database;
        _groups = new GroupCommit<GroupedWrite>(WriteGroupAsync);
    }

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work)
    {
        var write = new GroupedWrite<T>(work);
        await _groups.WriteAsync(write);
        return write.Result;
    }

    private async Task WriteGroupAsync(IReadOnlyList<GroupedWrite> writes)
    {
        // Not cancelled with any one caller: the group carries the others' writes too.
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var transaction = await Database.BeginWriteAsync(connection, CancellationToken.None);
        foreach (var write in writes)
        {
            await connection.ExecuteAsync("SAVEPOINT grouped_write", transaction: transaction);
            try
            {
                await write.RunAsync(connection, transaction);
            }
            catch (Exception ex)
            {
                write.Fail(ex);
                await connection.ExecuteAsync("ROLLBACK TO grouped_write", transaction: transaction);
            }

            await connection.ExecuteAsync("RELEASE grouped_write", transaction: transaction);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    private abstract class GroupedWrite
    {
        public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);

        public abstract void Fail(Exception exception);
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

        public override async Task RunAsync(DbConnection connection, DbTransaction transaction) => _result = await work(connection, transaction);

        public override void Fail(Exception exception) => _failure = ExceptionDispatchInfo.Capture(exception);
    }
}
