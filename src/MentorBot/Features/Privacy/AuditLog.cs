using System.Data.Common;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Privacy;

/// <summary>What the audit log records. Details are counts and ids, never answers or other free text.</summary>
internal static class AuditActions
{
    public const string MapImport = "map.import";
    public const string MapSync = "map.sync";
    public const string MatchPublish = "match.publish";
    public const string PrivacyExport = "privacy.export";
    public const string PrivacyErase = "privacy.erase";
    public const string PrivacyRetention = "privacy.retention";
}

/// <summary>One audit entry.</summary>
internal sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string? Subject, string? Detail);

/// <summary>Appends to the audit log, inside the caller's transaction when there is one, so the entry and the change commit together.</summary>
internal sealed class AuditLog(Database database, TimeProvider time)
{
    public Task RecordAsync(string actor, string action, string? subject, string? detail, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await RecordAsync(connection, transaction, actor, action, subject, detail, CancellationToken.None);
            return true;
        }, cancellationToken);

    public async Task RecordAsync(DbConnection connection, DbTransaction? transaction, string actor, string action, string? subject, string? detail, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (id, at_ms, actor, action, subject, detail) VALUES (@id, @at, @actor, @action, @subject, @detail)",
            new { id = Guid.NewGuid().ToString("n"), at = time.GetUtcNow().ToUnixTimeMilliseconds(), actor, action, subject, detail },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>The latest entries by or about any of <paramref name="people"/> (ids or pseudonyms), newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, IReadOnlyCollection<string> people, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long At, string Actor, string Action, string? Subject, string? Detail)>(new CommandDefinition(
            $"SELECT at_ms, actor, action, subject, detail FROM audit_log WHERE {database.AnyOf("subject", "people")} OR {database.AnyOf("actor", "people")} ORDER BY at_ms DESC LIMIT @count",
            new { count, people = people.ToArray() },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.Actor, r.Action, r.Subject, r.Detail))];
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, string? subject, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long At, string Actor, string Action, string? Subject, string? Detail)>(new CommandDefinition(
            subject is null
                ? "SELECT at_ms, actor, action, subject, detail FROM audit_log ORDER BY at_ms DESC LIMIT @count"
                : "SELECT at_ms, actor, action, subject, detail FROM audit_log WHERE subject = @subject ORDER BY at_ms DESC LIMIT @count",
            new { count, subject },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.Actor, r.Action, r.Subject, r.Detail))];
    }
}
