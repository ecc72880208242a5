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
}
