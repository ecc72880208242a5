using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Growth;

internal sealed class MyGrowthCommand(GrowthService service) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("my growth", "Your career ladder step, your competencies and their status; rate yourself.", CommandAudience.Everyone,
            SpanishDescription: "Tu paso en la escalera profesional, tus competencias y su estado; valórate.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await service.MineAsync(turn.Caller, cancellationToken) ?? NotInMapCard.Build(Languages.From(turn.Caller.Locale));
}

internal sealed class GrowthCommand(GrowthService service) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("growth", "A mentee's (or, for unit leads and managers, a staff member's) competencies: validate them or withdraw a validation.", CommandAudience.Everyone, "growth Alex",
            "Las competencias de quien acompañas (o del personal de tu unidad): valídalas o retira una validación.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await service.ShowAsync(turn.Caller, turn.TypedAfter(Descriptor.Phrase, arguments), cancellationToken) ?? NotInMapCard.Build(Languages.From(turn.Caller.Locale));
}

internal sealed class GrowthRateAction(GrowthService service) : ICardAction
{
    public string Verb => GrowthVerbs.Rate;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.RateAsync(turn, cancellationToken);
}

internal sealed class CompetencyValidateAction(GrowthService service) : ICardAction
{
    public string Verb => GrowthVerbs.Validate;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.ValidateAsync(turn, cancellationToken);
}

internal sealed class CompetencyWithdrawAction(GrowthService service) : ICardAction
{
    public string Verb => GrowthVerbs.Withdraw;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.WithdrawAsync(turn, cancellationToken);
}

internal sealed class GrowthShowAction(GrowthService service) : ICardAction
{
    public string Verb => GrowthVerbs.Show;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.ShowActionAsync(turn, cancellationToken);
}

internal sealed class CompetencyHistoryAction(GrowthService service) : ICardAction
{
    public string Verb => GrowthVerbs.History;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.HistoryAsync(turn, cancellationToken);
}

internal sealed class CompetencyValidatedRenderer(GrowthService service) : IOutboxRenderer
{
    public string Kind => GrowthService.ValidatedKind;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.RenderValidatedAsync(reference, personId, cancellationToken);
}

internal sealed class PhaseChangedRenderer(MapSnapshots snapshots) : IOutboxRenderer
{
    public string Kind => PhaseWatcher.Kind;

    public async Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) =>
        PhaseWatcher.Render(reference, await snapshots.CurrentAsync(cancellationToken), personId);
}
