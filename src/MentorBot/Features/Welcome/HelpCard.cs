using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;

namespace MentorBot.Features.Welcome;

/// <summary>Lists the commands this person may use, in the order they are most useful.</summary>
internal static class HelpCard
{
    public static AdaptiveCard Build(CallerProfile profile, IEnumerable<CommandDescriptor> commands)
    {
        var language = profile.Language;
        var mine = commands.Where(c => profile.May(c.Audience)).ToList();
        var title = language.Pick("What you can ask me", "Lo que puedes pedirme");
        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            Blocks.Subtle(language.Pick(
                "Type a command in this chat. Capitals and punctuation don't matter.",
                "Escribe un comando en este chat, tal como aparece aquí. Las mayúsculas y la puntuación dan igual.")),
        };

        foreach (var command in mine)
        {
            var description = command.DescribeIn(language);
            var detail = command.Example is null ? description : $"{description} {language.Pick("For example", "Por ejemplo")}: *{command.Example}*";
            body.Add(new Container([
                new TextBlock(CommandText.Quote(command.Phrase)) { Weight = FontWeight.Bolder },
                new TextBlock(detail) { Spacing = Spacing.None, IsSubtle = true },
            ]) { Spacing = Spacing.Medium });
        }

        if (!profile.IsMapped)
        {
            body.Add(Blocks.Subtle(NotInMapCard.HowToBeAddedIn(language)));
        }

        return Blocks.Card(title + ": " + string.Join(", ", mine.Select(c => c.Phrase)), body);
    }
}
