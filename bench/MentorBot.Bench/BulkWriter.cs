using Microsoft.Data.Sqlite;
using Npgsql;

namespace MentorBot.Bench;

/// <summary>Loads generated rows fast: one prepared statement in one transaction on SQLite, binary COPY on PostgreSQL.</summary>
internal abstract class BulkWriter
{
    public abstract Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, Action<long> progress);

    protected const int ReportEvery = 100_000;
}

internal sealed class SqliteBulkWriter(string connectionString) : BulkWriter
{
    public override async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, Action<long> progress)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
            if (++count % ReportEvery == 0)
            {
                progress(count);
            }
        }

        await transaction.CommitAsync();
        return count;
    }
}

internal sealed class PostgresBulkWriter(string connectionString) : BulkWriter
{
    public override async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, Action<long> progress)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
        long count = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            foreach (var value in row)
            {
                switch (value)
                {
                    case null:
                        await importer.WriteNullAsync();
                        break;
                    case long number:
                        await importer.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Bigint);
                        break;
                    default:
                        await importer.WriteAsync((string)value, NpgsqlTypes.NpgsqlDbType.Text);
                        break;
                }
            }

            if (++count % ReportEvery == 0)
            {
                progress(count);
            }
        }

        await importer.CompleteAsync();
        return count;
    }
}
