using MentorBot.Cards;
using MentorBot.Features.Conversations;

namespace MentorBot.Features.Welcome;

/// <summary>Answers a command that exists but is not for this person's role in the map.</summary>
internal static class NotAllowedCard
{
    public static AdaptiveCard Build(CommandDescriptor command) => Blocks.Card(
        $"{command.Phrase} is not available to you",
        [
            Blocks.Heading($"{CommandText.Quote(command.Phrase)} isn't available to you"),
            Blocks.Paragraph($"It is for {AudienceName(command.Audience)} in the programme. If that should include you, ask your programme admin to update the mentorship map."),
        ],
        [new ExecuteAction("Show my commands", WelcomeVerbs.ShowHelp)]);

    internal static string AudienceName(CommandAudience audience)
    {
        var names = new List<string>();
        if (audience.HasFlag(CommandAudience.Mentee)) names.Add("mentees");
        if (audience.HasFlag(CommandAudience.Mentor)) names.Add("mentors");
        if (audience.HasFlag(CommandAudience.Leader)) names.Add("leaders");
        if (audience.HasFlag(CommandAudience.Admin)) names.Add("programme admins");
        return names.Count == 0 ? "people in the map" : string.Join(" and ", names);
    }
}
