using Hangfire;

namespace MentorBot.IntegrationTests;

/// <summary>Waiting for something that happens on its own (a scheduled job, another process), and Hangfire's view of a job.</summary>
internal static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails with <paramref name="failure"/> (and <paramref name="detail"/>) after <paramref name="within"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string failure, TimeSpan? within = null, Func<string>? detail = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure + (detail is null ? string.Empty : ": " + detail()));
            await Task.Delay(100);
        }
    }

    /// <summary>The state a Hangfire job is in now (Enqueued, Processing, Succeeded, …).</summary>
    public static string? StateOf(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }
}
