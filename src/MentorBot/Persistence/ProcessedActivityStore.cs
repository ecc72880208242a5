using System.IO.Compression;
using Dapper;

namespace MentorBot.Persistence;

/// <summary>
/// Remembers inbound activity ids so a Teams retry or a replay is processed once. An invoke's answer is kept so a
/// retried invoke gets the same answer.
/// </summary>
internal sealed class ProcessedActivityStore
{
    private const string ClaimSql =
        """
        INSERT INTO processed_activities (activity_key, received_at_ms)
        SELECT k, @now FROM unnest(@keys) AS k
        ON CONFLICT (activity_key) DO NOTHING
        RETURNING activity_key;
        """;

    private const string ResponseSql =
        """
        UPDATE processed_activities AS p SET response_compressed = v.response
        FROM unnest(@responseKeys, @responses) AS v(activity_key, response)
        WHERE p.activity_key = v.activity_key;
        """;

    private readonly Database _database;
    private readonly TimeProvider _time;
    private readonly GroupCommit<ActivityWrite, bool> _writes;

    public ProcessedActivityStore(Database database, TimeProvider time)
    {
        _database = database;
        _time = time;
        _writes = new GroupCommit<ActivityWrite, bool>(WriteAsync);
    }

    /// <summary>
    /// True when this call claimed the activity; false when it was seen before. The claims of turns that arrive
    /// together are written in one transaction (a group commit), with the answers being kept at that moment; each
    /// caller still learns, before it goes on, whether the activity is its own to process. Of two claims of one
    /// activity in a group, the first wins.
    /// </summary>
    public Task<bool> TryClaimAsync(string activityKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _writes.WriteAsync(new Claim(activityKey));
    }

    /// <summary>
    /// Keeps an invoke's answer (its JSON, UTF-8), compressed. The answers of turns that finish together are written
    /// with the claims of that moment (a group commit); each caller still returns only once its own answer is stored,
    /// so a retry that comes after it finds it.
    /// </summary>
    public Task SaveResponseAsync(string activityKey, ReadOnlySpan<byte> responseJson, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _writes.WriteAsync(new StoredResponse(activityKey, Compress(responseJson)));
    }

    /// <summary>
    /// One group's claims and kept answers, in one transaction. On PostgreSQL that is one round trip: both statements
    /// go in one command, which the server runs as one implicit transaction. A claim answers whether it won; a kept
    /// answer, true.
    /// </summary>
    private async Task<IReadOnlyList<bool>> WriteAsync(IReadOnlyList<ActivityWrite> writes)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var keys = writes.OfType<Claim>().Select(c => c.ActivityKey).Distinct(StringComparer.Ordinal).ToArray();
        var responses = writes.OfType<StoredResponse>().ToArray();
        HashSet<string> claimed;

        // Not cancelled with any one turn: the group carries other turns' writes too.
        if (_database.Provider == StorageProvider.Postgres)
        {
            await using var connection = await _database.OpenAsync(CancellationToken.None);
            var parameters = new
            {
                keys,
                now,
                responseKeys = responses.Select(r => r.ActivityKey).ToArray(),
                responses = responses.Select(r => r.Compressed).ToArray(),
            };
            if (keys.Length == 0)
            {
                await connection.ExecuteAsync(ResponseSql, parameters);
                claimed = [];
            }
            else
            {
                claimed = new HashSet<string>(
                    await connection.QueryAsync<string>(responses.Length == 0 ? ClaimSql : ClaimSql + ResponseSql, parameters), StringComparer.Ordinal);
            }
        }
        else
        {
            claimed = await _database.WriteAsync(async (connection, transaction) =>
            {
                var inserted = new HashSet<string>(StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    if (await connection.ExecuteAsync(
                        "INSERT INTO processed_activities (activity_key, received_at_ms) VALUES (@key, @now) ON CONFLICT (activity_key) DO NOTHING",
                        new { key, now }, transaction) == 1)
                    {
                        inserted.Add(key);
                    }
                }

                if (responses.Length > 0)
                {
                    await connection.ExecuteAsync(
                        "UPDATE processed_activities SET response_compressed = @Compressed WHERE activity_key = @ActivityKey", responses, transaction);
                }

                return inserted;
            }, CancellationToken.None);
        }

        // A key claimed now belongs to its first caller in the group; any later one is a duplicate.
        return [.. writes.Select(write => write is not Claim || claimed.Remove(write.ActivityKey))];
    }

    private abstract record ActivityWrite(string ActivityKey);

    private sealed record Claim(string ActivityKey) : ActivityWrite(ActivityKey);

    private sealed record StoredResponse(string ActivityKey, byte[] Compressed) : ActivityWrite(ActivityKey);

    /// <summary>
    /// Brotli at its fastest: a few microseconds for a card, and a third of its size or less. A 64 KiB window (cards are
    /// at most 28 KB) costs a quarter less time to set up than the largest one, for the same output.
    /// </summary>
    private static byte[] Compress(ReadOnlySpan<byte> json)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(json.Length)];
        if (!BrotliEncoder.TryCompress(json, buffer, out var written, quality: 1, window: 16))
        {
            throw new InvalidOperationException("A response could not be compressed.");
        }

        return buffer[..written];
    }

    private static byte[] Decompress(byte[] compressed)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress))
        {
            brotli.CopyTo(output);
        }

        return output.ToArray();
    }

    /// <summary>The answer kept for an invoke (its JSON, UTF-8); null when there is none (yet).</summary>
    public async Task<byte[]?> FindResponseAsync(string activityKey, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(byte[]? Compressed, string? Json)>(new CommandDefinition(
            "SELECT response_compressed, response_json FROM processed_activities WHERE activity_key = @activityKey",
            new { activityKey },
            cancellationToken: cancellationToken));
        return row.Compressed is { } compressed ? Decompress(compressed)
            : row.Json is { } json ? System.Text.Encoding.UTF8.GetBytes(json)
            : null;
    }

    /// <summary>Forgets a claim whose processing failed, so the sender's retry is processed.</summary>
    public async Task ReleaseAsync(string activityKey, CancellationToken cancellationToken)
    {
        await _database.ExecuteAsync("DELETE FROM processed_activities WHERE activity_key = @activityKey", new { activityKey }, cancellationToken);
    }

    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        return await _database.ExecuteAsync("DELETE FROM processed_activities WHERE received_at_ms < @cutoff", new { cutoff = (_time.GetUtcNow() - olderThan).ToUnixTimeMilliseconds() }, cancellationToken);
    }
}
