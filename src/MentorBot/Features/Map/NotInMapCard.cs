using MentorBot.Cards;

namespace MentorBot.Features.Map;

/// <summary>What someone outside the map sees: how to be added, and nothing about anyone else.</summary>
internal static class NotInMapCard
{
    public const string HowToBeAdded =
        "I can't find you in your organisation's mentorship map yet, so I can only show general help. " +
        "Ask your programme admin to add you; once they have, type **help** again.";

    public static AdaptiveCard Build() => Blocks.Card(
        "You're not in the mentorship map yet",
        [
            Blocks.Heading("You're not in the mentorship map yet"),
            Blocks.Paragraph("MentorBot runs check-ins, coaching prompts and mentor time for the people in your organisation's mentorship programme."),
            Blocks.Paragraph("To join, ask your programme admin or your manager to add you to the map with your work account. Once they have, type **help** here to see what you can do."),
        ]);
}
