using MentorBot.Cards;
using MentorBot.Features.Conversations;

namespace MentorBot.Features.Welcome;

/// <summary>
/// Answers text that is not a command. It never repeats what was typed: people sometimes paste
/// personal notes into the wrong chat.
/// </summary>
internal static class UnknownCommandCard
{
    public static AdaptiveCard Build(IReadOnlyList<CommandDescriptor> suggestions)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading("I didn't catch that"),
            Blocks.Paragraph("I understand a short list of commands rather than free conversation."),
        };

        if (suggestions.Count > 0)
        {
            body.Add(Blocks.Paragraph("Did you mean:"));
            body.Add(Blocks.Facts([.. suggestions.Select(s => (CommandText.Quote(s.Phrase), s.Description))]));
        }

        return Blocks.Card(
            "I didn't catch that. Type help to see what I can do.",
            body,
            [new ExecuteAction("Show all commands", WelcomeVerbs.ShowHelp)]);
    }
}
