using System.Data.Common;
using Dapper;
using MentorBot.Persistence;
using Microsoft.Data.Sqlite;

namespace MentorBot.Tests.Persistence;

public sealed class SqliteGroupedWritesTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mentorbot-grouped-").FullName;
    private Database _database = null!;

    public async Task InitializeAsync()
    {
        _database = Database.Create(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_directory, "grouped.db")}" });
        await using var connection = await _database.OpenAsync(default);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
    }

    [Fact]
    public async Task Writes_that_arrive_while_a_group_is_being_written_go_out_together_in_the_next()
    {
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _database.WriteAsync(async (connection, transaction) =>
        {
            firstStarted.SetResult();
            await releaseFirst.Task;
            return await Insert(connection, transaction, 0);
        }, default);
        await firstStarted.Task;

        var connections = new DbConnection[10];
        var waiting = Enumerable.Range(1, 10).Select(i => _database.WriteAsync(async (connection, transaction) =>
        {
            connections[i - 1] = connection;
            return await Insert(connection, transaction, i);
        }, default)).ToArray();
        releaseFirst.SetResult();

        Assert.Equal(0, await first);
        Assert.Equal(Enumerable.Range(1, 10), await Task.WhenAll(waiting));
        Assert.All(connections, connection => Assert.Same(connections[0], connection));
        Assert.Equal(11, await CountAsync());
    }

    [Fact]
    public async Task A_write_that_fails_is_undone_and_fails_alone_while_the_rest_of_its_group_is_committed()
    {
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _database.WriteAsync(async (connection, transaction) =>
        {
            await releaseFirst.Task;
            return await Insert(connection, transaction, 0);
        }, default);

        var before = _database.WriteAsync((connection, transaction) => Insert(connection, transaction, 1), default);
        var failing = _database.WriteAsync<int>(async (connection, transaction) =>
        {
            await Insert(connection, transaction, 2);
            throw new InvalidOperationException("the write's own failure");
        }, default);
        var duplicate = _database.WriteAsync((connection, transaction) => Insert(connection, transaction, 1), default);
        var after = _database.WriteAsync((connection, transaction) => Insert(connection, transaction, 3), default);
        releaseFirst.SetResult();

        Assert.Equal(0, await first);
        Assert.Equal(1, await before);
        Assert.Equal("the write's own failure", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        Assert.Equal(3, await after);
        await using var connection = await _database.OpenAsync(default);
        Assert.Equal([0L, 1L, 3L], await connection.QueryAsync<long>("SELECT id FROM t ORDER BY id"));
    }

    [Fact]
    public async Task A_write_is_committed_for_every_other_connection_when_it_returns()
    {
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => _database.WriteAsync((connection, transaction) => Insert(connection, transaction, i), default)));

        Assert.Equal(200, await CountAsync());
    }

    [Fact]
    public async Task The_embedded_engine_is_a_current_SQLite()
    {
        await using var connection = await _database.OpenAsync(default);
        var version = Version.Parse(await connection.ExecuteScalarAsync<string>("SELECT sqlite_version()") ?? "0.0");

        Assert.True(version >= new Version(3, 53), $"SQLite {version}: MentorBot expects 3.53 or later (SQLitePCLRaw 3.0.5)");
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(30000L, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
    }

    private static async Task<int> Insert(DbConnection connection, DbTransaction transaction, int id)
    {
        await connection.ExecuteAsync("INSERT INTO t (id, name) VALUES (@id, @name)", new { id, name = $"n{id}" }, transaction);
        return id;
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await _database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
