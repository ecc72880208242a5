using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;

namespace MentorBot.Features.Welcome;

/// <summary>The first card a person sees after installing MentorBot.</summary>
internal static class WelcomeCard
{
    public static AdaptiveCard Build(CallerProfile profile)
    {
        var firstName = FirstName(profile.Caller.DisplayName);
        var body = new List<CardElement>
        {
            Blocks.Heading($"Welcome to MentorBot, {firstName}"),
            Blocks.Paragraph(
                "I keep your mentorship programme running: short check-ins with your mentor, small coaching " +
                "prompts for your next shift, reflection templates for mentors, and time booked on both calendars."),
            Blocks.Paragraph("What you write in a check-in is yours. You choose what your mentor sees, and leaders only ever see totals."),
        };

        if (profile.IsMapped && profile.RoleSummary is { } role)
        {
            body.Add(new Container([Blocks.Paragraph($"**Your part in the programme:** {role}")]) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }
        else
        {
            body.Add(Blocks.Subtle(NotInMapCard.HowToBeAdded));
        }

        return Blocks.Card(
            $"Welcome to MentorBot, {firstName}",
            body,
            [new ExecuteAction("See what I can do", WelcomeVerbs.ShowHelp)]);
    }

    internal static string FirstName(string displayName)
    {
        var trimmed = displayName.Trim();
        if (trimmed.Length == 0)
        {
            return "there";
        }

        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }
}
