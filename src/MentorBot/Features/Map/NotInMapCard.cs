using MentorBot.Cards;

namespace MentorBot.Features.Map;

/// <summary>What someone outside the map sees: how to be added, and nothing about anyone else.</summary>
internal static class NotInMapCard
{
    public const string HowToBeAdded =
        "I can't find you in your organisation's mentorship map yet, so I can only show general help. " +
        "Ask your programme admin to add you; once they have, type **help** again.";

    public const string HowToBeAddedSpanish =
        "Todavía no te encuentro en el mapa de mentoría de tu organización, así que solo puedo mostrarte la ayuda general. " +
        "Pide a la administración del programa que te añada; cuando lo haya hecho, escribe **help** de nuevo.";

    public static string HowToBeAddedIn(Language language) => language.Pick(HowToBeAdded, HowToBeAddedSpanish);

    public static AdaptiveCard Build(Language language = Language.English)
    {
        var title = language.Pick("You're not in the mentorship map yet", "Todavía no estás en el mapa de mentoría");
        return Blocks.Card(
            title,
            [
                Blocks.Heading(title),
                Blocks.Paragraph(language.Pick(
                    "MentorBot runs check-ins, coaching prompts and mentor time for the people in your organisation's mentorship programme.",
                    "MentorBot organiza las conversaciones de seguimiento, las propuestas de práctica y el tiempo con tu mentor para las personas del programa de mentoría de tu organización.")),
                Blocks.Paragraph(language.Pick(
                    "To join, ask your programme admin or your manager to add you to the map with your work account. Once they have, type **help** here to see what you can do.",
                    "Para unirte, pide a la administración del programa o a tu supervisor que te añada al mapa con tu cuenta de trabajo. Cuando lo hayan hecho, escribe **help** aquí para ver lo que puedes hacer.")),
            ]);
    }
}
