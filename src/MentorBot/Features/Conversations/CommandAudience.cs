namespace MentorBot.Features.Conversations;

/// <summary>Who may use a command. A caller holds a set of these, derived from the map.</summary>
[Flags]
internal enum CommandAudience
{
    None = 0,
    Everyone = 1,
    Mentee = 2,
    Mentor = 4,
    Leader = 8,
    Admin = 16,
}

/// <summary>A command as listed in help and matched against what people type.</summary>
internal sealed record CommandDescriptor(string Phrase, string Description, CommandAudience Audience, string? Example = null, string? SpanishDescription = null)
{
    /// <summary>The description in the reader's language. The phrase itself stays as typed: commands are English words.</summary>
    public string DescribeIn(Cards.Language language) => language == Cards.Language.Spanish && SpanishDescription is not null ? SpanishDescription : Description;
}
