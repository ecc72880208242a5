using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;

namespace MentorBot.Features.Welcome;

/// <summary>Lists the commands this person may use, in the order they are most useful.</summary>
internal static class HelpCard
{
    public static AdaptiveCard Build(CallerProfile profile, IEnumerable<CommandDescriptor> commands)
    {
        var mine = commands.Where(c => profile.May(c.Audience)).ToList();
        var body = new List<CardElement>
        {
            Blocks.Heading("What you can ask me"),
            Blocks.Subtle("Type a command in this chat. Capitals and punctuation don't matter."),
        };

        foreach (var command in mine)
        {
            var detail = command.Example is null ? command.Description : $"{command.Description} For example: *{command.Example}*";
            body.Add(new Container([
                new TextBlock(CommandText.Quote(command.Phrase)) { Weight = FontWeight.Bolder },
                new TextBlock(detail) { Spacing = Spacing.None, IsSubtle = true },
            ]) { Spacing = Spacing.Medium });
        }

        if (!profile.IsMapped)
        {
            body.Add(Blocks.Subtle(NotInMapCard.HowToBeAdded));
        }

        return Blocks.Card("What you can ask MentorBot: " + string.Join(", ", mine.Select(c => c.Phrase)), body);
    }
}
