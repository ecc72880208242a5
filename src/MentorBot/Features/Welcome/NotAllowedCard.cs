using MentorBot.Cards;
using MentorBot.Features.Conversations;

namespace MentorBot.Features.Welcome;

/// <summary>Answers a command that exists but is not for this person's role in the map.</summary>
internal static class NotAllowedCard
{
    public static AdaptiveCard Build(CommandDescriptor command, Language language = Language.English) => Blocks.Card(
        language.Pick($"{command.Phrase} is not available to you", $"{command.Phrase} no está disponible para ti"),
        [
            Blocks.Heading(language.Pick($"{CommandText.Quote(command.Phrase)} isn't available to you", $"{CommandText.Quote(command.Phrase)} no está disponible para ti")),
            Blocks.Paragraph(language.Pick(
                $"It is for {AudienceName(command.Audience, language)} in the programme. If that should include you, ask your programme admin to update the mentorship map.",
                $"Es para {AudienceName(command.Audience, language)} del programa. Si debería incluirte, pide a la administración del programa que actualice el mapa de mentoría.")),
        ],
        [new ExecuteAction(language.Pick("Show my commands", "Ver mis comandos"), WelcomeVerbs.ShowHelp)]);

    internal static string AudienceName(CommandAudience audience, Language language = Language.English)
    {
        var names = new List<string>();
        if (audience.HasFlag(CommandAudience.Mentee)) names.Add(language.Pick("mentees", "personas mentorizadas"));
        if (audience.HasFlag(CommandAudience.Mentor)) names.Add(language.Pick("mentors", "mentores"));
        if (audience.HasFlag(CommandAudience.Leader)) names.Add(language.Pick("leaders", "responsables"));
        if (audience.HasFlag(CommandAudience.Admin)) names.Add(language.Pick("programme admins", "la administración"));
        return names.Count == 0 ? language.Pick("people in the map", "las personas del mapa") : string.Join(language.Pick(" and ", " y "), names);
    }
}
