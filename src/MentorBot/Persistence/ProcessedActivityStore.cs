using Dapper;

namespace MentorBot.Persistence;

/// <summary>
/// Remembers inbound activity ids so a Teams retry or a replay is processed once. An invoke's answer is kept so a
/// retried invoke gets the same answer.
/// </summary>
internal sealed class ProcessedActivityStore(Database database, TimeProvider time)
{
    /// <summary>True when this call claimed the activity; false when it was seen before.</summary>
    public async Task<bool> TryClaimAsync(string activityKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO processed_activities (activity_key, received_at_ms) VALUES (@activityKey, @now) ON CONFLICT (activity_key) DO NOTHING",
            new { activityKey, now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return rows == 1;
    }

    public async Task SaveResponseAsync(string activityKey, string responseJson, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE processed_activities SET response_json = @responseJson WHERE activity_key = @activityKey",
            new { activityKey, responseJson },
            cancellationToken: cancellationToken));
    }

    public async Task<string?> FindResponseAsync(string activityKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT response_json FROM processed_activities WHERE activity_key = @activityKey",
            new { activityKey },
            cancellationToken: cancellationToken));
    }

    /// <summary>Forgets a claim whose processing failed, so the sender's retry is processed.</summary>
    public async Task ReleaseAsync(string activityKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM processed_activities WHERE activity_key = @activityKey",
            new { activityKey },
            cancellationToken: cancellationToken));
    }

    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM processed_activities WHERE received_at_ms < @cutoff",
            new { cutoff = (time.GetUtcNow() - olderThan).ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }
}
