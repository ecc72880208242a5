namespace MentorBot.Features.Welcome;

internal static class WelcomeVerbs
{
    public const string ShowHelp = "welcome.help";
}
