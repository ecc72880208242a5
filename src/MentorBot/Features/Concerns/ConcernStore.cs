using System.Data.Common;
using Dapper;
using MentorBot.Features.Privacy;
using MentorBot.Persistence;

namespace MentorBot.Features.Concerns;

/// <summary>
/// Concerns, their conversation and the relay. Every change commits together with its audit entry. Queries for a
/// recipient read <c>concerns</c> and <c>concern_messages</c> only; the relay (who wrote an anonymous concern) is read
/// by <see cref="SenderOfAsync"/> and <see cref="ConcernQueries.RaisedByAsync"/> alone, to route things back to the sender.
/// </summary>
internal sealed class ConcernStore(Database database, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// Stores a new concern, its audit entry and the recipient's card (<paramref name="queue"/>) in one transaction. A
    /// second send of the same card returns the stored one; null when that id is someone else's.
    /// </summary>
    public async Task<(Concern Concern, bool Created)?> RaiseAsync(NewConcern concern, IReadOnlyList<Outbox.OutboxEntry> queue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync<(Concern Concern, bool Created)?>(async (connection, transaction) =>
        {
            if (await ConcernRow.ReadAsync(connection, transaction, concern.Id, cancellationToken) is { } existing)
            {
                var sender = await SenderOfAsync(connection, transaction, concern.Id, cancellationToken);
                return sender == concern.SenderId ? (existing, false) : null;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO concerns (id, sender_id, anonymous, target, recipient_id, unit_id, body, source, status, raised_at_ms, revision, updated_at_ms)
                VALUES (@Id, @Named, @Anonymous, @Target, @RecipientId, @UnitId, @Body, @Source, 'open', @now, 1, @now)
                """,
                new { concern.Id, Named = concern.Anonymous ? null : concern.SenderId, Anonymous = concern.Anonymous ? 1 : 0, concern.Target, concern.RecipientId, concern.UnitId, concern.Body, concern.Source, now },
                transaction,
                cancellationToken: cancellationToken));
            if (concern.Anonymous)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO concern_relay (concern_id, sender_id) VALUES (@Id, @SenderId)", new { concern.Id, concern.SenderId }, transaction, cancellationToken: cancellationToken));
            }

            // An anonymous concern's audit entry names neither the sender nor anything that narrows them down.
            await audit.RecordAsync(connection, transaction, concern.Anonymous ? ConcernAuditActions.AnonymousActor : concern.SenderId, ConcernAuditActions.Raise, concern.Id,
                concern.Anonymous ? null : $"target={concern.Target};recipient={concern.RecipientId}", cancellationToken);
            var stored = (await ConcernRow.ReadAsync(connection, transaction, concern.Id, cancellationToken))!;
            await Outbox.OutboxStore.QueueAsync(connection, transaction, queue, time.GetUtcNow(), cancellationToken);
            return (stored, true);
        }, cancellationToken);
    }

    public async Task<Concern?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ConcernRow.ReadAsync(connection, null, id, cancellationToken);
    }

    /// <summary>Who wrote the concern: the named sender, or the relay's link for an anonymous one. Only for routing back to them.</summary>
    public async Task<string?> SenderOfAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await SenderOfAsync(connection, null, id, cancellationToken);
    }

    public async Task<IReadOnlyList<ConcernMessage>> MessagesAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string ConcernId, long Seq, string Role, string? AuthorId, string Body, long At)>(new CommandDefinition(
            "SELECT concern_id, seq, author_role, author_id, body, at_ms FROM concern_messages WHERE concern_id = @id ORDER BY seq",
            new { id }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ConcernMessage(r.ConcernId, (int)r.Seq, r.Role == "sender", r.AuthorId, r.Body, DateTimeOffset.FromUnixTimeMilliseconds(r.At)))];
    }

    /// <summary>A handler acknowledges an open concern. Null when it was not open (already acknowledged or resolved).</summary>
    public Task<Concern?> AcknowledgeAsync(string id, string handlerId, ConcernCards queue, CancellationToken cancellationToken) =>
        ChangeAsync(id, handlerId, ConcernAuditActions.Acknowledge, null,
            "UPDATE concerns SET status = 'acknowledged', acknowledged_at_ms = @now, acknowledged_by = @actor, revision = revision + 1, updated_at_ms = @now WHERE id = @id AND status = 'open'",
            null, queue, cancellationToken);

    /// <summary>A handler marks it resolved (it is then acknowledged too, if it was not yet).</summary>
    public Task<Concern?> ResolveAsync(string id, string handlerId, ConcernCards queue, CancellationToken cancellationToken) =>
        ChangeAsync(id, handlerId, ConcernAuditActions.Resolve, null,
            """
            UPDATE concerns SET status = 'resolved', resolved_at_ms = @now, resolved_by = @actor,
                acknowledged_at_ms = COALESCE(acknowledged_at_ms, @now), acknowledged_by = COALESCE(acknowledged_by, @actor), revision = revision + 1, updated_at_ms = @now
            WHERE id = @id AND status <> 'resolved'
            """,
            null, queue, cancellationToken);

    /// <summary>
    /// Adds a message from the sender or a handler. A handler's reply acknowledges an open concern. Null once it is
    /// resolved, or when it repeats that person's last message (a double click). The audit entry of a sender's message names nobody when the concern is anonymous.
    /// </summary>
    public async Task<Concern?> ReplyAsync(string id, bool fromSender, string authorId, string body, ConcernCards queue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var last = (await connection.QueryAsync<(string Role, string? AuthorId, string Body)>(new CommandDefinition(
                "SELECT author_role, author_id, body FROM concern_messages WHERE concern_id = @id ORDER BY seq DESC LIMIT 1", new { id }, transaction, cancellationToken: cancellationToken))).ToList();
            if (last is [var previous] && previous.Role == (fromSender ? "sender" : "handler") && previous.Body == body && (fromSender || previous.AuthorId == authorId))
            {
                // The same words again from the same person: a double click.
                return null;
            }

            var rows = await connection.ExecuteAsync(new CommandDefinition(
                fromSender
                    ? "UPDATE concerns SET revision = revision + 1, updated_at_ms = @now WHERE id = @id AND status <> 'resolved'"
                    : """
                      UPDATE concerns SET revision = revision + 1, updated_at_ms = @now, status = CASE WHEN status = 'open' THEN 'acknowledged' ELSE status END,
                          acknowledged_at_ms = COALESCE(acknowledged_at_ms, @now), acknowledged_by = COALESCE(acknowledged_by, @authorId)
                      WHERE id = @id AND status <> 'resolved'
                      """,
                new { id, now, authorId }, transaction, cancellationToken: cancellationToken));
            var concern = rows == 1 ? await ConcernRow.ReadAsync(connection, transaction, id, cancellationToken) : null;
            if (concern is null)
            {
                return null;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO concern_messages (id, concern_id, seq, author_role, author_id, body, at_ms) VALUES (@messageId, @id, @seq, @role, @author, @body, @now)",
                new { messageId = $"{id}:{concern.Revision}", id, seq = concern.Revision, role = fromSender ? "sender" : "handler", author = fromSender ? null : authorId, body, now },
                transaction, cancellationToken: cancellationToken));
            var actor = fromSender && concern.Anonymous ? ConcernAuditActions.AnonymousActor : authorId;
            await audit.RecordAsync(connection, transaction, actor, ConcernAuditActions.Reply, id, fromSender ? "from=sender" : "from=handler", cancellationToken);
            await QueueAsync(connection, transaction, concern, queue, cancellationToken);
            return concern;
        }, cancellationToken);
    }

    /// <summary>Claims the one reminder of an open concern. False when another run claimed it, or it was acknowledged meanwhile.</summary>
    public async Task<bool> ClaimReminderAsync(string id, ConcernCards queue, CancellationToken cancellationToken) =>
        await ChangeAsync(id, "mentorbot", ConcernAuditActions.Remind, null,
            "UPDATE concerns SET reminded_at_ms = @now, updated_at_ms = @now WHERE id = @id AND status = 'open' AND reminded_at_ms IS NULL",
            null, queue, cancellationToken) is not null;

    /// <summary>Forwards a still open concern to its backup contacts, once. Null when it was acknowledged or forwarded meanwhile.</summary>
    public Task<Concern?> ForwardAsync(string id, IReadOnlyList<string> backupIds, ConcernCards queue, CancellationToken cancellationToken) =>
        ChangeAsync(id, "mentorbot", ConcernAuditActions.Forward, $"backups={string.Join(',', backupIds)}",
            "UPDATE concerns SET escalated_at_ms = @now, backup_ids = @backups, revision = revision + 1, updated_at_ms = @now WHERE id = @id AND status = 'open' AND escalated_at_ms IS NULL",
            string.Join(',', backupIds), queue, cancellationToken);

    /// <summary>One change with its audit entry and the cards it announces (<paramref name="queue"/>), in one transaction.</summary>
    private async Task<Concern?> ChangeAsync(string id, string actor, string action, string? detail, string sql, string? backups, ConcernCards queue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteAsync(new CommandDefinition(sql, new { id, actor, now, backups }, transaction, cancellationToken: cancellationToken)) != 1)
            {
                return null;
            }

            await audit.RecordAsync(connection, transaction, actor, action, id, detail, cancellationToken);
            var concern = await ConcernRow.ReadAsync(connection, transaction, id, cancellationToken);
            if (concern is not null)
            {
                await QueueAsync(connection, transaction, concern, queue, cancellationToken);
            }

            return concern;
        }, cancellationToken);
    }

    /// <summary>Queues what a change announces; the sender (named, or through the relay) is read in the same transaction.</summary>
    private async Task QueueAsync(DbConnection connection, DbTransaction transaction, Concern concern, ConcernCards queue, CancellationToken cancellationToken) =>
        await Outbox.OutboxStore.QueueAsync(connection, transaction, queue(concern, await SenderOfAsync(connection, transaction, concern.Id, cancellationToken)), time.GetUtcNow(), cancellationToken);

    private static async Task<string?> SenderOfAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT COALESCE(c.sender_id, r.sender_id) FROM concerns c LEFT JOIN concern_relay r ON r.concern_id = c.id WHERE c.id = @id",
            new { id }, transaction, cancellationToken: cancellationToken));

}

/// <summary>The cards a change to a concern announces, from the concern as changed and its sender (null when unknown).</summary>
internal delegate IEnumerable<Outbox.OutboxEntry> ConcernCards(Concern concern, string? sender);
