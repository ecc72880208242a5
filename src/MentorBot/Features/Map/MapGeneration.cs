using System.Data.Common;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Map;

/// <summary>
/// The map's change counter (table <c>map_generation</c>). Every transaction that changes the map calls
/// <see cref="AdvanceAsync"/>; readers that keep the map in memory (<see cref="MapDirectory"/>) compare the counter to
/// know when to read again. In this process the change is also announced at once (<see cref="Changed"/>).
/// </summary>
internal sealed class MapGeneration
{
    /// <summary>Raised after a change in this process was committed.</summary>
    public event Action? Changed;

    /// <summary>Counts a change inside the writer's transaction; call <see cref="Committed"/> once it is committed.</summary>
    public static Task AdvanceAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("UPDATE map_generation SET generation = generation + 1 WHERE id = 1", transaction: transaction, cancellationToken: cancellationToken));

    public static async Task<long> ReadAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT generation FROM map_generation WHERE id = 1", cancellationToken: cancellationToken));
    }

    public void Committed()
    {
        Changed?.Invoke();
    }
}
