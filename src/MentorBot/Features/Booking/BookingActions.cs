using System.Globalization;
using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Booking;

internal sealed class BookCommand(BookingService service, MapDirectory directory) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("book", "Book time with your mentor or mentee: three shared free times, then a Teams meeting on both calendars.", CommandAudience.Everyone, "book Megan",
            "Reserva un rato con tu mentor o con quien acompañas: tres huecos comunes y una reunión de Teams en ambos calendarios.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var l = Languages.From(turn.Caller.Locale);
        return await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken) is { } map
            ? await service.StartAsync(map, arguments, l, cancellationToken)
            : NotInMapCard.Build(l);
    }
}

/// <summary>Runs a booking verb for a caller in the map, within the invoke budget; people outside the map get the not-in-map card.</summary>
internal sealed class BookingActionRunner(InvokeBudget budget, IOptions<BookingOptions> options)
{
    public async ValueTask<CardActionOutcome> RunAsync(CardActionTurn turn, Func<BookingService, PersonMap, Language, CancellationToken, Task<AdaptiveCard>> work)
    {
        var l = Languages.From(turn.Caller.Locale);
        return await budget.RunAsync(turn, options.Value.InvokeBudget, BookingCard.Working(turn.Get(BookingFields.Booking), l), async (services, cancellationToken) =>
        {
            var map = await services.GetRequiredService<MapDirectory>().LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken);
            return map is null ? NotInMapCard.Build(l) : await work(services.GetRequiredService<BookingService>(), map, l, cancellationToken);
        });
    }

    public static long At(CardActionTurn turn) => long.TryParse(turn.Get(BookingFields.At), NumberStyles.Integer, CultureInfo.InvariantCulture, out var at) ? at : -1;

    public int Minutes(CardActionTurn turn) =>
        int.TryParse(turn.Get(BookingFields.Minutes), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) && minutes is 15 or 30 or 45 or 60
            ? minutes
            : options.Value.DefaultMinutes;
}

internal sealed class BookingProposeAction(BookingActionRunner runner) : ICardAction
{
    public string Verb => BookingVerbs.Propose;

    public ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        runner.RunAsync(turn, (service, map, l, ct) => turn.Get(BookingFields.Booking) is { } bookingId
            ? service.ProposeAgainAsync(map, bookingId, runner.Minutes(turn), turn.CardHandle, l, ct)
            : service.ProposeAsync(map, turn.Get(BookingFields.With) ?? string.Empty, runner.Minutes(turn), turn.Get(BookingFields.Source) ?? BookingSource.Command, turn.CardHandle, l, ct));
}

internal sealed class BookingPickAction(BookingActionRunner runner) : ICardAction
{
    public string Verb => BookingVerbs.Pick;

    public ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        runner.RunAsync(turn, (service, map, l, ct) => service.PickAsync(map.Person, turn.Get(BookingFields.Booking) ?? string.Empty, BookingActionRunner.At(turn), turn.CardHandle, l, ct));
}

internal sealed class BookingRescheduleAction(BookingActionRunner runner) : ICardAction
{
    public string Verb => BookingVerbs.Reschedule;

    public ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        runner.RunAsync(turn, (service, map, l, ct) => service.RescheduleAsync(map.Person, turn.Get(BookingFields.Booking) ?? string.Empty, l, ct));
}

internal sealed class BookingMoveAction(BookingActionRunner runner) : ICardAction
{
    public string Verb => BookingVerbs.Move;

    public ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        runner.RunAsync(turn, (service, map, l, ct) => service.MoveAsync(map.Person, turn.Get(BookingFields.Booking) ?? string.Empty, BookingActionRunner.At(turn), l, ct));
}

internal sealed class BookingCancelAction(BookingActionRunner runner) : ICardAction
{
    public string Verb => BookingVerbs.Cancel;

    public ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        runner.RunAsync(turn, (service, map, l, ct) => service.CancelAsync(map.Person, turn.Get(BookingFields.Booking) ?? string.Empty, l, ct));
}

internal sealed class BookingStatusAction(BookingActionRunner runner) : ICardAction
{
    public string Verb => BookingVerbs.Status;

    public ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        runner.RunAsync(turn, (service, map, l, ct) => service.StatusAsync(map.Person, turn.Get(BookingFields.Booking) ?? string.Empty, l, ct));
}

/// <summary>Tells a person that a booking they are in was made, moved or cancelled.</summary>
internal sealed class BookingUpdateRenderer(BookingService service) : IOutboxRenderer
{
    public string Kind => BookingService.UpdateKind;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.UpdateCardAsync(reference, personId, cancellationToken);
}
