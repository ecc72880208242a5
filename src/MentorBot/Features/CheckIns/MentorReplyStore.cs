using System.Security.Cryptography;
using System.Text;
using Dapper;
using MentorBot.Persistence;
using MentorBot.Outbox;

namespace MentorBot.Features.CheckIns;

/// <summary>A mentor's reply to one check-in of a mentee.</summary>
internal sealed record MentorReply(string Id, string PeriodId, string MentorId, string MenteeId, string Body, DateTimeOffset CreatedAt);

/// <summary>Mentors' replies to check-ins. The same words twice on one check-in (a double click) are one reply.</summary>
internal sealed class MentorReplyStore(Database database, TimeProvider time)
{
    public const string Kind = "checkin-reply";

    /// <summary>Saves the reply and queues it for the mentee in one transaction; false when it was saved already.</summary>
    public Task<bool> SaveAsync(string periodId, string mentorId, string menteeId, string body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = $"{periodId}:{mentorId}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16]}";
        return database.WriteAsync(async (connection, transaction) =>
        {
            var saved = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO checkin_replies (id, period_id, mentor_id, mentee_id, body, created_at_ms)
                VALUES (@id, @periodId, @mentorId, @menteeId, @body, @now) ON CONFLICT (id) DO NOTHING
                """,
                new { id, periodId, mentorId, menteeId, body, now = now.ToUnixTimeMilliseconds() }, transaction)) == 1;
            if (saved)
            {
                await OutboxStore.QueueAsync(connection, transaction, [new OutboxEntry(Kind, id, menteeId)], now, CancellationToken.None);
            }

            return saved;
        }, cancellationToken);
    }

    public async Task<MentorReply?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string PeriodId, string MentorId, string MenteeId, string Body, long CreatedAt)?>(new CommandDefinition(
            "SELECT id, period_id, mentor_id, mentee_id, body, created_at_ms FROM checkin_replies WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row is { } r ? new MentorReply(r.Id, r.PeriodId, r.MentorId, r.MenteeId, r.Body, DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt)) : null;
    }

    /// <summary>The mentor's last reply to a check-in, if any (for their card).</summary>
    public async Task<string?> LastAsync(string periodId, string mentorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT body FROM checkin_replies WHERE period_id = @periodId AND mentor_id = @mentorId AND body <> '' ORDER BY created_at_ms DESC",
            new { periodId, mentorId }, cancellationToken: cancellationToken));
    }
}
