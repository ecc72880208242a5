using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Privacy;

/// <summary>
/// Whose data: a person in the map (possibly one who has left it), or someone MentorBot only knows from Teams (a
/// conversation, no map entry), in which case only <see cref="AadObjectId"/> is set.
/// </summary>
internal sealed record DataSubject(string? Id, string? AadObjectId, string? Name, string? Email)
{
    public string Label => Id ?? AadObjectId ?? "?";
}

internal abstract record Resolution
{
    private Resolution()
    {
    }

    public sealed record Found(DataSubject Subject) : Resolution;

    public sealed record Ambiguous(IReadOnlyList<string> Ids) : Resolution;

    /// <summary>Nobody by that name; <see cref="ErasedAt"/> says when, if the argument is the id of someone erased.</summary>
    public sealed record Unknown(DateTimeOffset? ErasedAt) : Resolution;
}

/// <summary>Finds a person by map id, email or Entra object id, as typed on the command line.</summary>
internal sealed class PersonResolver(Database database)
{
    public async Task<Resolution> ResolveAsync(string argument, CancellationToken cancellationToken)
    {
        var text = argument.Trim();
        var lower = text.ToLowerInvariant();
        await using var connection = await database.OpenAsync(cancellationToken);
        var people = (await connection.QueryAsync<(string Id, string? Aad, string Name, string? Email)>(new CommandDefinition(
            "SELECT id, aad_object_id, name, email FROM map_people WHERE id = @text OR LOWER(email) = @lower OR aad_object_id = @lower ORDER BY id",
            new { text, lower },
            cancellationToken: cancellationToken))).Where(p => !Pseudonyms.IsTombstone(p.Id)).ToList();
        if (people.Count > 1 && people.FirstOrDefault(p => p.Id == text) is { Id: not null } exact)
        {
            people = [exact];
        }

        if (people.Count > 1)
        {
            return new Resolution.Ambiguous([.. people.Select(p => p.Id)]);
        }

        if (people.Count == 1)
        {
            var p = people[0];
            return new Resolution.Found(new DataSubject(p.Id, p.Aad, p.Name, p.Email));
        }

        var conversation = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT aad_object_id FROM conversation_references WHERE aad_object_id = @lower LIMIT 1", new { lower }, cancellationToken: cancellationToken));
        if (conversation is not null)
        {
            return new Resolution.Found(new DataSubject(null, conversation, null, null));
        }

        var erasedAt = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(at_ms) FROM audit_log WHERE action = @action AND subject = @subject",
            new { action = AuditActions.PrivacyErase, subject = Pseudonyms.ForAudit(text) },
            cancellationToken: cancellationToken));
        return new Resolution.Unknown(erasedAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
    }
}
