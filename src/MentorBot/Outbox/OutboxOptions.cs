using System.ComponentModel.DataAnnotations;

namespace MentorBot.Outbox;

/// <summary>The <c>Outbox</c> section: how fast proactive cards go out, within Teams' documented limits.</summary>
internal sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// Sends per second per tenant (Teams allows 50 per app per tenant; older pages say 30). Up to 100,000 so that a
    /// benchmark (or a connector without Teams' limits) can measure the dispatcher itself.
    /// </summary>
    [Range(1, 100_000)]
    public int TenantPerSecond { get; set; } = 50;

    /// <summary>Sends per second into one conversation (Teams allows 7).</summary>
    [Range(1, 7)]
    public int ConversationPerSecond { get; set; } = 7;

    /// <summary>Items claimed per round.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the dispatch job looks for due items.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an item for someone MentorBot cannot reach yet waits before it is tried again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan WaitForConversation { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long a claimed item belongs to the instance that claimed it. An instance that dies mid-send loses its claims
    /// after this, and another instance (or the restarted one) takes them over. Longer than any single send with retries.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
}
