using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;

namespace MentorBot.Features.Welcome;

/// <summary>The first card a person sees after installing MentorBot.</summary>
internal static class WelcomeCard
{
    public static AdaptiveCard Build(CallerProfile profile)
    {
        var language = profile.Language;
        var firstName = FirstName(profile.Caller.DisplayName, language);
        var title = language.Pick($"Welcome to MentorBot, {firstName}", $"Te damos la bienvenida a MentorBot, {firstName}");
        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            Blocks.Paragraph(language.Pick(
                "I keep your mentorship programme running: short check-ins with your mentor, small coaching " +
                "prompts for your next shift, reflection templates for mentors, and time booked on both calendars.",
                "Mantengo en marcha tu programa de mentoría: conversaciones breves con tu mentor, pequeñas propuestas " +
                "para tu próximo turno, plantillas de reflexión para mentores y tiempo reservado en ambos calendarios.")),
            Blocks.Paragraph(language.Pick(
                "What you write in a check-in is yours. You choose what your mentor sees, and leaders only ever see totals.",
                "Lo que escribes en un seguimiento es tuyo. Tú decides qué ve tu mentor, y los responsables solo ven totales.")),
        };

        if (profile.IsMapped && profile.RoleSummary is { } role)
        {
            body.Add(new Container([Blocks.Paragraph(language.Pick("**Your part in the programme:** ", "**Tu papel en el programa:** ") + role)]) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }
        else
        {
            body.Add(Blocks.Subtle(NotInMapCard.HowToBeAddedIn(language)));
        }

        return Blocks.Card(title, body, [new ExecuteAction(language.Pick("See what I can do", "Ver lo que puedo hacer"), WelcomeVerbs.ShowHelp)]);
    }

    internal static string FirstName(string displayName, Language language = Language.English)
    {
        var trimmed = displayName.Trim();
        if (trimmed.Length == 0 || trimmed == "there")
        {
            return language.Pick("there", "de nuevo");
        }

        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }
}
