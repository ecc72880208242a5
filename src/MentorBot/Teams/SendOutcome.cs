namespace MentorBot.Teams;

/// <summary>What became of one outbound call to the Bot Connector. Exceptions are kept for bugs.</summary>
internal abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    public sealed record Sent(string? ActivityId) : SendOutcome;

    /// <summary>Teams asked us to slow down; try again after <paramref name="RetryAfter"/>.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : SendOutcome;

    /// <summary>The person blocked or removed the bot, or the conversation no longer exists. Do not retry.</summary>
    public sealed record RecipientGone(string Reason) : SendOutcome;

    public sealed record Failed(string Reason) : SendOutcome;

    /// <summary>
    /// Nothing reached Teams: the bot's token could not be had, or the connector could not be reached at all. Not the
    /// message's fault, so a queued item tries again after <paramref name="RetryAfter"/> without spending an attempt.
    /// </summary>
    public sealed record Unavailable(string Reason, TimeSpan RetryAfter) : SendOutcome;
}
