using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Circles;

internal sealed class CircleCommand(CircleDebriefService service) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("circle", "Your circle's monthly debrief: answer it, or read what the circle shared.", CommandAudience.Everyone,
            SpanishDescription: "La reflexión mensual de tu círculo: respóndela o lee lo que compartió el círculo.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await service.ShowAsync(turn.Caller, arguments, cancellationToken) ?? NotInMapCard.Build(Languages.From(turn.Caller.Locale));
}

internal sealed class CircleSubmitAction(CircleDebriefService service) : ICardAction
{
    public string Verb => CircleVerbs.Submit;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.SubmitAsync(turn, cancellationToken);
}

internal sealed class CircleViewAction(CircleDebriefService service) : ICardAction
{
    public string Verb => CircleVerbs.View;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.ViewAsync(turn, cancellationToken);
}

internal sealed class CircleEditAction(CircleDebriefService service) : ICardAction
{
    public string Verb => CircleVerbs.Edit;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.EditAsync(turn, cancellationToken);
}

internal sealed class CircleDebriefRenderer(CircleDebriefService service) : IOutboxRenderer
{
    public string Kind => CircleDebriefScheduler.Kind;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.RenderAsync(reference, personId, cancellationToken);
}
