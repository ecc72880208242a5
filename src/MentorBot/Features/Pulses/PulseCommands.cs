using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Pulses;

internal sealed class PulseCreateCommand(PulseAdmin admin) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("pulse create", "Create an anonymous pulse survey: one to five questions, who is asked, once or every month or quarter.", CommandAudience.Admin,
            SpanishDescription: "Crea una encuesta de pulso anónima: de una a cinco preguntas, a quién, una vez o cada mes o trimestre.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await admin.AdminAsync(turn.Caller, cancellationToken) is { } person
            ? await admin.CreateFormAsync(person, cancellationToken)
            : NotInMapCard.Build(Languages.From(turn.Caller.Locale));
}

internal sealed class PulseResultsCommand(PulseAdmin admin) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("pulse results", "A pulse's results (shown only once enough people answered), with the trend since the last run; no id lists the pulses.", CommandAudience.Admin,
            "pulse results safe-to-ask", "Los resultados de un pulso (solo cuando respondieron suficientes personas) y su tendencia; sin id, la lista de pulsos.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await admin.AdminAsync(turn.Caller, cancellationToken) is { } person
            ? await admin.ResultsAsync(person, arguments, cancellationToken)
            : NotInMapCard.Build(Languages.From(turn.Caller.Locale));
}

internal sealed class PulseAnswerAction(PulseService service) : ICardAction
{
    public string Verb => PulseVerbs.Answer;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.AnswerAsync(turn, cancellationToken);
}

internal sealed class PulseCreateAction(PulseAdmin admin) : ICardAction
{
    public string Verb => PulseVerbs.Create;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await admin.CreateAsync(turn, cancellationToken);
}

internal sealed class PulseResultsAction(PulseAdmin admin) : ICardAction
{
    public string Verb => PulseVerbs.Results;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await admin.ResultsActionAsync(turn, cancellationToken);
}

internal sealed class PulseInviteRenderer(PulseService service) : IOutboxRenderer
{
    public string Kind => PulseKinds.Invite;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.FormAsync(reference, personId, false, cancellationToken);
}

internal sealed class PulseReminderRenderer(PulseService service) : IOutboxRenderer
{
    public string Kind => PulseKinds.Reminder;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.FormAsync(reference, personId, true, cancellationToken);
}

internal sealed class PulseResultsRenderer(PulseAdmin admin) : IOutboxRenderer
{
    public string Kind => PulseKinds.Results;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => admin.RenderResultsAsync(reference, personId, cancellationToken);
}
