using System.Data.Common;
using Dapper;

namespace MentorBot.Features.Concerns;

/// <summary>How a <c>concerns</c> row reads into a <see cref="Concern"/>.</summary>
internal sealed class ConcernRow
{
    public const string Columns =
        "id AS Id, sender_id AS SenderId, anonymous AS Anonymous, target AS Target, recipient_id AS RecipientId, unit_id AS UnitId, body AS Body, source AS Source, " +
        "status AS Status, raised_at_ms AS RaisedAt, acknowledged_at_ms AS AcknowledgedAt, acknowledged_by AS AcknowledgedBy, resolved_at_ms AS ResolvedAt, " +
        "resolved_by AS ResolvedBy, reminded_at_ms AS RemindedAt, escalated_at_ms AS EscalatedAt, backup_ids AS BackupIds, revision AS Revision";

    public static async Task<Concern?> ReadAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<ConcernRow>(new CommandDefinition(
            $"SELECT {Columns} FROM concerns WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)))?.ToConcern();

    public string Id { get; set; } = string.Empty;

    public string? SenderId { get; set; }

    public long Anonymous { get; set; }

    public string Target { get; set; } = string.Empty;

    public string RecipientId { get; set; } = string.Empty;

    public string? UnitId { get; set; }

    public string Body { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public long RaisedAt { get; set; }

    public long? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public long? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public long? RemindedAt { get; set; }

    public long? EscalatedAt { get; set; }

    public string? BackupIds { get; set; }

    public long Revision { get; set; }

    public Concern ToConcern() => new(
        Id, SenderId, Anonymous == 1, Target, RecipientId, UnitId, Body, Source, Status, At(RaisedAt)!.Value, At(AcknowledgedAt), AcknowledgedBy,
        At(ResolvedAt), ResolvedBy, At(RemindedAt), At(EscalatedAt), BackupIds is { Length: > 0 } ids ? ids.Split(',') : [], (int)Revision);

    private static DateTimeOffset? At(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
    
}
