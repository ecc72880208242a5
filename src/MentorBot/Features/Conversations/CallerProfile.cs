namespace MentorBot.Features.Conversations;

/// <summary>What the map says about the caller: whether they are in it, and what they may do.</summary>
internal sealed record CallerProfile(Caller Caller, bool IsMapped, CommandAudience Audience, string? RoleSummary)
{
    /// <summary>The language of this person's cards: the map's locale for them, else their Teams client's.</summary>
    public Cards.Language Language { get; init; } = Cards.Languages.From(Caller.Locale);

    public static CallerProfile Unmapped(Caller caller) => new(caller, false, CommandAudience.Everyone, null);

    public bool May(CommandAudience audience) => (Audience & audience) != 0;
}
