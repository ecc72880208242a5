using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Features.Welcome;

namespace MentorBot.Features.Conversations;

/// <summary>
/// Decides what MentorBot answers. It sees typed turns only; the Teams adapter turns activities into them
/// and answers back on the wire.
/// </summary>
internal sealed partial class ConversationDispatcher(
    CommandRouter router,
    IEnumerable<ICardAction> actions,
    CallerProfiles profiles,
    IServiceProvider scopedServices,
    ILogger<ConversationDispatcher> logger)
{
    public async ValueTask<AdaptiveCard> WelcomeAsync(Caller caller, CancellationToken cancellationToken)
    {
        var profile = await profiles.ResolveAsync(caller, cancellationToken);
        return WelcomeCard.Build(profile);
    }

    public async ValueTask<AdaptiveCard> HandleTextAsync(TextTurn turn, CancellationToken cancellationToken)
    {
        var text = CommandText.Normalise(turn.Text);
        var profile = await profiles.ResolveAsync(turn.Caller, cancellationToken);
        var match = router.Match(text);
        if (!profile.IsMapped && match?.Command.Descriptor.Phrase != HelpCommand.Descriptor.Phrase)
        {
            Log.NotInMap(logger);
            return NotInMapCard.Build(profile.Language);
        }

        if (match is null)
        {
            Log.UnknownCommand(logger, text.Length);
            return UnknownCommandCard.Build(router.Suggest(text, profile), profile.Language);
        }

        var descriptor = match.Command.Descriptor;
        if (!profile.May(descriptor.Audience))
        {
            Log.CommandNotAllowed(logger, descriptor.Phrase);
            return NotAllowedCard.Build(descriptor, profile.Language);
        }

        Log.CommandMatched(logger, descriptor.Phrase);
        var handler = match.Command.Resolve(scopedServices);
        return await handler.HandleAsync(turn with { Text = text, Typed = turn.Text }, match.Arguments, cancellationToken);
    }

    public async ValueTask<CardActionOutcome> HandleCardActionAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var action = actions.FirstOrDefault(a => string.Equals(a.Verb, turn.Verb, StringComparison.Ordinal));
        var language = Languages.From(turn.Caller.Locale);
        if (action is null)
        {
            Log.UnknownVerb(logger, turn.Verb.Length > 64 ? turn.Verb[..64] : turn.Verb);
            return new CardActionOutcome.ShowMessage(language.Pick(
                "That button belongs to something I no longer recognise. Type help to see what I can do now.",
                "Ese botón pertenece a algo que ya no reconozco. Escribe help para ver lo que puedo hacer ahora."));
        }

        if (action.Verb != WelcomeVerbs.ShowHelp && await profiles.ResolveAsync(turn.Caller, cancellationToken) is { IsMapped: false } outsider)
        {
            Log.NotInMap(logger);
            return new CardActionOutcome.ShowMessage(outsider.Language.Pick(
                "You're not in the mentorship map yet. Ask your programme admin to add you.",
                "Todavía no estás en el mapa de mentoría. Pide a la administración del programa que te añada."));
        }

        Log.VerbMatched(logger, action.Verb);
        return await action.ExecuteAsync(turn, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Text matched no command ({Length} characters).")]
        public static partial void UnknownCommand(ILogger logger, int length);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Command '{Phrase}' matched.")]
        public static partial void CommandMatched(ILogger logger, string phrase);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Command '{Phrase}' refused: the caller's role does not include it.")]
        public static partial void CommandNotAllowed(ILogger logger, string phrase);

        [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Card verb '{Verb}' is not known.")]
        public static partial void UnknownVerb(ILogger logger, string verb);

        [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Card verb '{Verb}' matched.")]
        public static partial void VerbMatched(ILogger logger, string verb);

        [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "The caller is not in the map; answered with how to be added.")]
        public static partial void NotInMap(ILogger logger);
    }
}
