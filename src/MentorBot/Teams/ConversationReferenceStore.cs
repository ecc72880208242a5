using System.Collections.Concurrent;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Teams;

/// <summary>
/// Durable conversation references: how to reach each person and whether they can still be reached.
/// Every inbound activity confirms its conversation. A confirmation identical to one this process wrote less than
/// <see cref="Reconfirm"/> ago is not written again (most turns would otherwise rewrite the same row); marking a
/// conversation blocked, gone or uninstalled here forgets that, so the next activity reactivates it at once.
/// </summary>
internal sealed class ConversationReferenceStore(Database database, TimeProvider time)
{
    /// <summary>How long an unchanged reference goes without being written again.</summary>
    public static readonly TimeSpan Reconfirm = TimeSpan.FromMinutes(5);

    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<string, (ConversationReference Reference, long At)> _confirmed = new(StringComparer.Ordinal);

    public async Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        if (_confirmed.TryGetValue(reference.ConversationId, out var seen) && seen.Reference == reference && time.GetElapsedTime(seen.At) < Reconfirm)
        {
            return;
        }

        await WriteAsync(reference, cancellationToken);
        if (_confirmed.Count >= MaxRemembered)
        {
            _confirmed.Clear();
        }

        _confirmed[reference.ConversationId] = (reference, time.GetTimestamp());
    }

    /// <summary>Forgets every confirmation, so each conversation is written again on its next activity (after an erasure).</summary>
    public void ForgetConfirmations() => _confirmed.Clear();

    private async Task WriteAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await database.ExecuteAsync(
            """
            INSERT INTO conversation_references
                (conversation_id, conversation_type, tenant_id, service_url, bot_id, user_id, aad_object_id, status, created_at_ms, updated_at_ms)
            VALUES (@ConversationId, @ConversationType, @TenantId, @ServiceUrl, @BotId, @UserId, @AadObjectId, 'active', @now, @now)
            ON CONFLICT (conversation_id) DO UPDATE SET
                service_url = excluded.service_url,
                bot_id = excluded.bot_id,
                user_id = COALESCE(excluded.user_id, conversation_references.user_id),
                aad_object_id = COALESCE(excluded.aad_object_id, conversation_references.aad_object_id),
                status = 'active',
                status_reason = NULL,
                updated_at_ms = excluded.updated_at_ms
            """,
            new { reference.ConversationId, reference.ConversationType, reference.TenantId, reference.ServiceUrl, reference.BotId, reference.UserId, AadObjectId = reference.AadObjectId?.ToLowerInvariant(), now },
            cancellationToken);
    }

    /// <summary>Claims the one welcome a conversation gets; false when it was already welcomed.</summary>
    public async Task<bool> TryClaimWelcomeAsync(string conversationId, CancellationToken cancellationToken)
    {
        return await database.ExecuteAsync(
            "UPDATE conversation_references SET welcomed_at_ms = @now WHERE conversation_id = @conversationId AND welcomed_at_ms IS NULL",
            new { conversationId, now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken) == 1;
    }

    /// <summary>Marks whether a conversation is reachable. An uninstall also forgets the welcome, so a reinstall is welcomed again.</summary>
    public async Task MarkAsync(string conversationId, string status, string? reason, CancellationToken cancellationToken)
    {
        _confirmed.TryRemove(conversationId, out _);
        await database.ExecuteAsync(
            """
            UPDATE conversation_references
            SET status = @status, status_reason = @reason, updated_at_ms = @now,
                welcomed_at_ms = CASE WHEN @status = 'uninstalled' THEN NULL ELSE welcomed_at_ms END
            WHERE conversation_id = @conversationId
            """,
            new { conversationId, status, reason, now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken);
    }

    public async Task<StoredConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredConversation>(new CommandDefinition(
            $"{SelectColumns} WHERE conversation_id = @conversationId",
            new { conversationId },
            cancellationToken: cancellationToken));
    }

    /// <summary>The person's 1:1 conversation with the bot, if Teams has told us about one.</summary>
    public async Task<StoredConversation?> FindPersonalAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<StoredConversation>(new CommandDefinition(
            $"{SelectColumns} WHERE tenant_id = @tenantId AND aad_object_id = @aadObjectId AND conversation_type = 'personal' ORDER BY updated_at_ms DESC",
            new { tenantId, aadObjectId = aadObjectId.ToLowerInvariant() },
            cancellationToken: cancellationToken));
    }

    /// <summary>A person's 1:1 conversation in whichever tenant it is (object ids are unique across tenants).</summary>
    public async Task<StoredConversation?> FindPersonalByObjectIdAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<StoredConversation>(new CommandDefinition(
            $"{SelectColumns} WHERE aad_object_id = @aadObjectId AND conversation_type = 'personal' ORDER BY updated_at_ms DESC",
            new { aadObjectId = aadObjectId.ToLowerInvariant() },
            cancellationToken: cancellationToken));
    }

    /// <summary><see cref="FindPersonalByObjectIdAsync"/> for several people at once, keyed by lower-case object id.</summary>
    public async Task<IReadOnlyDictionary<string, StoredConversation>> FindPersonalByObjectIdsAsync(string[] aadObjectIds, CancellationToken cancellationToken)
    {
        if (aadObjectIds.Length == 0)
        {
            return new Dictionary<string, StoredConversation>(StringComparer.Ordinal);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredConversation>(new CommandDefinition(
            $"{SelectColumns} WHERE {database.AnyOf("aad_object_id", "ids")} AND conversation_type = 'personal' ORDER BY updated_at_ms DESC",
            new { ids = aadObjectIds.Select(id => id.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray() },
            cancellationToken: cancellationToken));
        return rows.DistinctBy(r => r.AadObjectId, StringComparer.Ordinal).ToDictionary(r => r.AadObjectId!, StringComparer.Ordinal);
    }

    private const string SelectColumns =
        """
        SELECT conversation_id AS ConversationId, conversation_type AS ConversationType, tenant_id AS TenantId,
               service_url AS ServiceUrl, bot_id AS BotId, user_id AS UserId, aad_object_id AS AadObjectId,
               status AS Status, status_reason AS StatusReason, welcomed_at_ms AS WelcomedAtMs
        FROM conversation_references
        """;
}

internal sealed record StoredConversation(
    string ConversationId,
    string ConversationType,
    string TenantId,
    string ServiceUrl,
    string BotId,
    string? UserId,
    string? AadObjectId,
    string Status,
    string? StatusReason,
    long? WelcomedAtMs)
{
    public ConversationReference Reference => new(ConversationId, ConversationType, TenantId, ServiceUrl, BotId, UserId, AadObjectId);

    public bool IsReachable => Status == ReachStatus.Active;
}
