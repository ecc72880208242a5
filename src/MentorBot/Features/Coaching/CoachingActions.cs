using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Coaching;

internal sealed class CoachMeCommand(CoachingService service, MapDirectory directory) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("coach me", "A short coaching prompt for your next shift; add a lane for one on that, e.g. coach me documentation.", CommandAudience.Everyone, "coach me documentation",
            "Una breve propuesta para tu próximo turno; añade un área para una concreta, p. ej. coach me documentation.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken) is { } map
            ? await service.OnDemandAsync(map, arguments, cancellationToken)
            : NotInMapCard.Build(Languages.From(turn.Caller.Locale));
}

internal sealed class CoachingReportCommand(CoachingStore store, CallerProfiles profiles) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("coaching report", "Programme admins: how each coaching prompt is rated (counts only).", CommandAudience.Admin,
            SpanishDescription: "Administración del programa: cómo se valora cada propuesta de coaching (solo totales).");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        CoachingReportCard.Build(await store.FeedbackAsync(cancellationToken), (await profiles.ResolveAsync(turn.Caller, cancellationToken)).Language);
}

internal sealed class CoachingUsefulAction(CoachingService service) : ICardAction
{
    public string Verb => CoachingVerbs.Useful;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.ActAsync(turn, Verb, cancellationToken);
}

internal sealed class CoachingNotUsefulAction(CoachingService service) : ICardAction
{
    public string Verb => CoachingVerbs.NotUseful;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.ActAsync(turn, Verb, cancellationToken);
}

internal sealed class CoachingTryAction(CoachingService service) : ICardAction
{
    public string Verb => CoachingVerbs.TryIt;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.ActAsync(turn, Verb, cancellationToken);
}

internal sealed class CoachingTalkAction(CoachingService service) : ICardAction
{
    public string Verb => CoachingVerbs.Talk;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.ActAsync(turn, Verb, cancellationToken);
}

internal sealed class CoachingPromptRenderer(CoachingService service) : IOutboxRenderer
{
    public string Kind => CoachingKinds.AfterCheckIn;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.AfterCheckInAsync(reference, personId, cancellationToken);
}

internal sealed class CoachingReminderRenderer(CoachingService service) : IOutboxRenderer
{
    public string Kind => CoachingKinds.Reminder;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.ReminderAsync(reference, personId, cancellationToken);
}

internal sealed class CoachingTalkRenderer(CoachingService service) : IOutboxRenderer
{
    public string Kind => CoachingKinds.TalkRequest;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.TalkRequestAsync(reference, personId, cancellationToken);
}
