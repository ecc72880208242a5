using MentorBot.Cards;
using MentorBot.Features.Conversations;

namespace MentorBot.Features.Welcome;

/// <summary>
/// Answers text that is not a command. It never repeats what was typed: people sometimes paste
/// personal notes into the wrong chat.
/// </summary>
internal static class UnknownCommandCard
{
    public static AdaptiveCard Build(IReadOnlyList<CommandDescriptor> suggestions, Language language = Language.English)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading(language.Pick("I didn't catch that", "No te he entendido")),
            Blocks.Paragraph(language.Pick(
                "I understand a short list of commands rather than free conversation.",
                "Entiendo una lista corta de comandos, no una conversación libre.")),
        };

        if (suggestions.Count > 0)
        {
            body.Add(Blocks.Paragraph(language.Pick("Did you mean:", "¿Querías decir:")));
            body.Add(Blocks.Facts([.. suggestions.Select(s => (CommandText.Quote(s.Phrase), s.DescribeIn(language)))]));
        }

        return Blocks.Card(
            language.Pick("I didn't catch that. Type help to see what I can do.", "No te he entendido. Escribe help para ver lo que puedo hacer."),
            body,
            [new ExecuteAction(language.Pick("Show all commands", "Ver todos los comandos"), WelcomeVerbs.ShowHelp)]);
    }
}
