using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;

namespace MentorBot.Features.Welcome;

internal sealed class HelpCommand(CallerProfiles profiles, CommandRouter router) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("help", "Show the commands you can use.", CommandAudience.Everyone, SpanishDescription: "Muestra los comandos que puedes usar.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var profile = await profiles.ResolveAsync(turn.Caller, cancellationToken);
        return HelpCard.Build(profile, router.All);
    }
}

internal sealed class ShowHelpAction(CallerProfiles profiles, CommandRouter router) : ICardAction
{
    public string Verb => WelcomeVerbs.ShowHelp;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var profile = await profiles.ResolveAsync(turn.Caller, cancellationToken);
        return new CardActionOutcome.ReplaceCard(HelpCard.Build(profile, router.All));
    }
}
