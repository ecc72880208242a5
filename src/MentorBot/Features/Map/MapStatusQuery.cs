using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Map;

/// <summary>Programme-wide counts for admins: people, pairings per lane, mentor load and who the bot cannot reach.</summary>
internal sealed class MapStatusQuery(Database database)
{
    public async Task<MapStatus> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var levels = (await connection.QueryAsync<(string Level, long Count)>(new CommandDefinition(
            "SELECT level, COUNT(*) FROM map_people WHERE active = 1 GROUP BY level", cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Level, r => (int)r.Count, StringComparer.Ordinal);
        var laneNames = (await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM map_lanes WHERE active = 1 ORDER BY name", cancellationToken: cancellationToken))).ToList();
        var laneLists = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT lanes FROM map_mentorships WHERE status = 'active'", cancellationToken: cancellationToken));
        var perLane = laneLists.SelectMany(MapRows.Split).GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var atCapacity = (await connection.QueryAsync<(string Name, long Capacity, long Load)>(new CommandDefinition(
            """
            SELECT p.name, p.mentor_capacity, COUNT(m.id)
            FROM map_people p JOIN map_mentorships m ON m.mentor_id = p.id AND m.status <> 'ended'
            WHERE p.active = 1
            GROUP BY p.id, p.name, p.mentor_capacity
            HAVING COUNT(m.id) >= p.mentor_capacity
            ORDER BY COUNT(m.id) - p.mentor_capacity DESC, p.name
            """, cancellationToken: cancellationToken))).Select(r => new MentorLoad(r.Name, (int)r.Capacity, (int)r.Load)).ToList();
        var unreachable = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT p.name FROM map_people p
            WHERE p.active = 1 AND NOT EXISTS (
                SELECT 1 FROM conversation_references c
                WHERE c.aad_object_id = p.aad_object_id AND c.conversation_type = 'personal' AND c.status = 'active')
            ORDER BY p.name
            """, cancellationToken: cancellationToken))).ToList();
        var pairings = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM map_mentorships WHERE status = 'active'", cancellationToken: cancellationToken));

        return new MapStatus(
            levels,
            (int)pairings,
            [.. laneNames.Select(l => (l.Name, perLane.GetValueOrDefault(l.Id)))],
            atCapacity,
            unreachable);
    }
}

internal sealed record MentorLoad(string Name, int Capacity, int Load);

internal sealed record MapStatus(
    IReadOnlyDictionary<string, int> PeopleByLevel,
    int ActivePairings,
    IReadOnlyList<(string Lane, int Pairings)> PairingsPerLane,
    IReadOnlyList<MentorLoad> MentorsAtCapacity,
    IReadOnlyList<string> Unreachable)
{
    public int People => PeopleByLevel.Values.Sum();
}
