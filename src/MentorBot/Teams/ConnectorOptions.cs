using System.ComponentModel.DataAnnotations;

namespace MentorBot.Teams;

/// <summary>The <c>Connector</c> section: how hard MentorBot retries the Bot Connector before handing back.</summary>
internal sealed class ConnectorOptions
{
    public const string SectionName = "Connector";

    /// <summary>Attempts per call, the first included.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off step when the connector gives no Retry-After; it doubles each attempt, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A wait longer than this is not done in-line; the call returns Throttled so the caller can reschedule.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxInlineDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a call waits for the bot's token. Past it the connector counts as unavailable for this call: a reply goes
    /// to the outbox, so a slow token endpoint never holds a turn past what Teams waits for.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan TokenWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After the token endpoint failed, how long every call is told at once that there is no token before it is asked again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TokenRetryAfter { get; set; } = TimeSpan.FromSeconds(15);
}
