using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;

namespace MentorBot.Features.Concerns;

internal sealed class RaiseConcernCommand(ConcernService service) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("raise a concern", "Raise a concern with your mentor or your unit's designated person; you choose who sees it.", CommandAudience.Everyone,
            SpanishDescription: "Plantea una preocupación a tu mentor o a la persona designada de tu unidad; tú eliges quién la ve.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await service.ComposeAsync(turn.Caller, ConcernFields.FromCommand, false, cancellationToken) ?? NotInMapCard.Build(Languages.From(turn.Caller.Locale));
}

internal sealed class MyConcernsCommand(ConcernService service) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("my concerns", "Concerns you raised and their status, and concerns waiting for you.", CommandAudience.Everyone,
            SpanishDescription: "Las preocupaciones que planteaste y su estado, y las que te esperan.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await service.ListAsync(turn.Caller, cancellationToken) ?? NotInMapCard.Build(Languages.From(turn.Caller.Locale));
}

/// <summary>Opens the concern card from another card (a check-in summary, for instance).</summary>
internal sealed class ConcernComposeAction(ConcernService service) : ICardAction
{
    public string Verb => ConcernVerbs.Compose;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var source = turn.Get(ConcernFields.Source) == ConcernFields.FromCheckIn ? ConcernFields.FromCheckIn : ConcernFields.FromCommand;
        return await service.ComposeAsync(turn.Caller, source, false, cancellationToken) is { } card
            ? new CardActionOutcome.ReplaceCard(card)
            : new CardActionOutcome.ShowMessage(NotInMapCard.HowToBeAddedIn(Languages.From(turn.Caller.Locale)));
    }
}

internal sealed class ConcernSendAction(ConcernService service) : ICardAction
{
    public string Verb => ConcernVerbs.Send;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.SendAsync(turn, cancellationToken);
}

internal sealed class ConcernAcknowledgeAction(ConcernHandling handling) : ICardAction
{
    public string Verb => ConcernVerbs.Acknowledge;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await handling.AcknowledgeAsync(turn, cancellationToken);
}

internal sealed class ConcernReplyAction(ConcernHandling handling) : ICardAction
{
    public string Verb => ConcernVerbs.Reply;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await handling.ReplyAsync(turn, cancellationToken);
}

internal sealed class ConcernResolveAction(ConcernHandling handling) : ICardAction
{
    public string Verb => ConcernVerbs.Resolve;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await handling.ResolveAsync(turn, cancellationToken);
}

internal sealed class ConcernShowAction(ConcernHandling handling) : ICardAction
{
    public string Verb => ConcernVerbs.Show;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await handling.ShowAsync(turn, cancellationToken);
}
