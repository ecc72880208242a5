using Dapper;
using MentorBot.Persistence;
using MentorBot.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MentorBot.Tests.Persistence;

public sealed class SqliteStatementsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mentorbot-statements-").FullName;

    public SqliteStatementsTests() => SQLitePCL.Batteries_V2.Init();

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "statements.db")}";

    [Fact]
    public void A_statement_given_back_is_lent_again_for_the_same_text_with_its_parameters_cleared()
    {
        using var connection = Open();
        using var statements = new SqliteStatements(connection);

        var first = statements.Lend("SELECT @x");
        first.Parameters.AddWithValue("@x", 1);
        Assert.Equal(1L, first.ExecuteScalar());
        statements.GiveBack(first, failed: false);
        var again = statements.Lend("SELECT @x");

        Assert.Same(first, again);
        Assert.Empty(again.Parameters);
        again.Parameters.AddWithValue("@x", 2);
        Assert.Equal(2L, again.ExecuteScalar());
    }

    [Fact]
    public void The_same_text_used_twice_at_once_gets_two_statements_and_one_is_kept()
    {
        using var connection = Open();
        using var statements = new SqliteStatements(connection);

        var outer = statements.Lend("SELECT 1");
        var inner = statements.Lend("SELECT 1");
        Assert.NotSame(outer, inner);
        Assert.Equal(2, statements.Lent);

        statements.GiveBack(inner, failed: false);
        statements.GiveBack(outer, failed: false);

        Assert.Equal(0, statements.Lent);
        Assert.Same(inner, statements.Lend("SELECT 1"));
    }

    [Fact]
    public void A_statement_that_failed_is_thrown_away()
    {
        using var connection = Open();
        using var statements = new SqliteStatements(connection);

        var failed = statements.Lend("SELECT 1");
        statements.GiveBack(failed, failed: true);

        Assert.NotSame(failed, statements.Lend("SELECT 1"));
    }

    [Fact]
    public void Past_its_capacity_the_cache_starts_again_rather_than_growing()
    {
        using var connection = Open();
        using var statements = new SqliteStatements(connection);
        var kept = statements.Lend("SELECT 0");
        statements.GiveBack(kept, failed: false);

        for (var i = 1; i <= SqliteStatements.Capacity; i++)
        {
            statements.GiveBack(statements.Lend($"SELECT {i}"), failed: false);
        }

        Assert.NotSame(kept, statements.Lend("SELECT 0"));
    }

    [Fact]
    public async Task A_connection_comes_back_to_the_pool_only_as_it_was_lent()
    {
        using var pool = new SqliteConnectionPool(async ct =>
        {
            var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync(ct);
            return connection;
        });

        var clean = await pool.RentAsync(default);
        pool.Return(clean);
        Assert.Same(clean, await pool.RentAsync(default));

        using (var transaction = clean.Connection.BeginTransaction())
        {
            pool.Return(clean);
            Assert.NotSame(clean, await pool.RentAsync(default));
        }

        var reading = await pool.RentAsync(default);
        var statement = reading.Statements.Lend("SELECT 1");
        using (var reader = statement.ExecuteReader())
        {
            pool.Return(reading);
        }

        Assert.NotSame(reading, await pool.RentAsync(default));
    }

    [Fact]
    public async Task Statements_run_again_through_Dapper_see_their_new_parameters_and_survive_a_failed_run()
    {
        await using var database = new Database(Options.Create(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = ConnectionString }));
        await using (var connection = await database.OpenAsync(default))
        {
            await connection.ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        }

        for (var i = 1; i <= 3; i++)
        {
            await using var connection = await database.OpenAsync(default);
            await connection.ExecuteAsync("INSERT INTO t (id, name) VALUES (@id, @name)", new { id = i, name = $"n{i}" });
        }

        await using (var connection = await database.OpenAsync(default))
        {
            await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("INSERT INTO t (id, name) VALUES (@id, @name)", new { id = 1, name = "again" }));
            await connection.ExecuteAsync("INSERT INTO t (id, name) VALUES (@id, @name)", new { id = 4, name = "n4" });
            await using var transaction = await Database.BeginWriteAsync(connection, default);
            await connection.ExecuteAsync("INSERT INTO t (id, name) VALUES (@id, @name)", new { id = 5, name = "n5" }, transaction);
            await transaction.CommitAsync();
        }

        await using (var connection = await database.OpenAsync(default))
        {
            Assert.Equal(["n1", "n2", "n3", "n4", "n5"], await connection.QueryAsync<string>("SELECT name FROM t WHERE id >= @from ORDER BY id", new { from = 1 }));
            Assert.Equal(["n4", "n5"], await connection.QueryAsync<string>("SELECT name FROM t WHERE id >= @from ORDER BY id", new { from = 4 }));
            Assert.Equal(["n2", "n3"], await connection.QueryAsync<string>("SELECT name FROM t WHERE id IN @ids ORDER BY id", new { ids = new[] { 2, 3 } }));
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
