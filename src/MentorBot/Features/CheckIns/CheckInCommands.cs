using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;

namespace MentorBot.Features.CheckIns;

internal sealed class CheckInCommand(CheckInService service) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("check in", "Start a check-in now: what you learned, what you need, where you're stuck.", CommandAudience.Mentee,
            SpanishDescription: "Empieza un seguimiento ahora: lo que aprendiste, lo que necesitas, dónde te atascas.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await service.StartAsync(turn.Caller, cancellationToken) ?? NotInMapCard.Build(Languages.From(turn.Caller.Locale));
}

internal sealed class MyCheckInsCommand(CheckInStore store, MapDirectory directory) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("my check-ins", "Your recent check-ins.", CommandAudience.Mentee, SpanishDescription: "Tus seguimientos recientes.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var person = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        if (person is null)
        {
            return NotInMapCard.Build(Languages.From(turn.Caller.Locale));
        }

        return MyCheckInsCard.Build(await store.LatestAsync(person.Id, MyCheckInsCard.Shown, cancellationToken), person.TimeZone, Languages.From(person.Locale));
    }
}

internal sealed class CheckInSubmitAction(CheckInService service) : ICardAction
{
    public string Verb => CheckInVerbs.Submit;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        await service.SubmitAsync(turn, cancellationToken);
}

internal sealed class CheckInEditAction(CheckInService service) : ICardAction
{
    public string Verb => CheckInVerbs.Edit;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        await service.EditAsync(turn, cancellationToken);
}
