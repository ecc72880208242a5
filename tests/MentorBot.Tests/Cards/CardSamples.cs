using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Welcome;

namespace MentorBot.Tests.Cards;

/// <summary>
/// One or more samples of every card MentorBot can send. Schema and snapshot tests run over all of them, and a
/// reflection test fails when a new <c>*Card</c> builder has no sample here.
/// </summary>
internal static class CardSamples
{
    public static readonly Caller Alex = new("tenant-1", "00000000-0000-0000-0000-000000000020", "Alex Wilber", "en-US", "America/Chicago");

    public static IReadOnlyDictionary<string, AdaptiveCard> All { get; } = Build();

    private static Dictionary<string, AdaptiveCard> Build()
    {
        var mapped = new CallerProfile(Alex, true, CommandAudience.Everyone | CommandAudience.Mentee, "Staff, new hire in onboarding (observe phase)");
        var unmapped = CallerProfile.Unmapped(Alex);
        CommandDescriptor[] commands =
        [
            new("help", "Show the commands you can use.", CommandAudience.Everyone),
            new("check in", "Start a check-in now.", CommandAudience.Mentee, "check in"),
            new("digest", "Your scope's weekly digest.", CommandAudience.Leader),
        ];

        return new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
        {
            ["WelcomeCard.mapped"] = WelcomeCard.Build(mapped),
            ["WelcomeCard.unmapped"] = WelcomeCard.Build(unmapped),
            ["HelpCard.mapped"] = HelpCard.Build(mapped, commands),
            ["HelpCard.unmapped"] = HelpCard.Build(unmapped, commands),
            ["UnknownCommandCard.suggestions"] = UnknownCommandCard.Build([commands[1]]),
            ["UnknownCommandCard.none"] = UnknownCommandCard.Build([]),
            ["NotAllowedCard.leader"] = NotAllowedCard.Build(commands[2]),
        };
    }
}
