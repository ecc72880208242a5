using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Concerns;

/// <summary>
/// Acting on a concern: its handlers (the recipient, and backup contacts once it was forwarded to them) acknowledge,
/// reply and resolve; its sender reads the status and writes back. Nobody else can open or act on it. Each change
/// tells the other side through the outbox.
/// </summary>
internal sealed partial class ConcernHandling(
    MapDirectory directory,
    ConcernReader reader,
    ConcernStore store,
    IOptions<ConcernOptions> options,
    ILogger<ConcernHandling> logger)
{
    public Task<CardActionOutcome> AcknowledgeAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        HandleAsync(turn, ConcernVerbs.Acknowledge, (concern, person, ct) => store.AcknowledgeAsync(concern.Id, person.Id, ToSender("acknowledged"), ct), cancellationToken);

    public Task<CardActionOutcome> ResolveAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        HandleAsync(turn, ConcernVerbs.Resolve, (concern, person, ct) => store.ResolveAsync(concern.Id, person.Id, ToSender("resolved"), ct), cancellationToken);

    /// <summary>A reply: from a handler it goes to the sender; from the sender it goes to every handler, without a name when anonymous.</summary>
    public async Task<CardActionOutcome> ReplyAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var (person, concern, isSender, l) = await LoadAsync(turn, cancellationToken);
        if (person is null || concern is null || (!isSender && !concern.IsHandler(person.Id)))
        {
            return Refused(turn.Verb, l);
        }

        var text = turn.Get(ConcernFields.Reply)?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > options.Value.MaxLength)
        {
            return new CardActionOutcome.ShowMessage(string.IsNullOrEmpty(text)
                ? l.Pick("Write your reply in the box first.", "Escribe primero tu respuesta en el cuadro.")
                : l.Pick($"Please keep a reply under {options.Value.MaxLength} characters.", $"Mantén la respuesta por debajo de {options.Value.MaxLength} caracteres."));
        }

        // The other side hears of it in the transaction that stores the reply.
        var updated = await store.ReplyAsync(concern.Id, isSender, person.Id, text, isSender
            ? (changed, _) => changed.Handlers.Select(handler => new OutboxEntry(ConcernKinds.SenderReplied, $"{changed.Id}:{changed.Revision}", handler))
            : ToSender("replied"), cancellationToken) ?? concern;

        return await CurrentAsync(updated, person, isSender, cancellationToken);
    }

    /// <summary>Opens a concern from <c>my concerns</c>, as its sender or one of its handlers sees it.</summary>
    public async Task<CardActionOutcome> ShowAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var (person, concern, isSender, l) = await LoadAsync(turn, cancellationToken);
        return person is null || concern is null || (!isSender && !concern.IsHandler(person.Id))
            ? Refused(turn.Verb, l)
            : await CurrentAsync(concern, person, isSender, cancellationToken);
    }

    private async Task<CardActionOutcome> HandleAsync(
        CardActionTurn turn, string verb, Func<Concern, Person, CancellationToken, Task<Concern?>> change, CancellationToken cancellationToken)
    {
        var (person, concern, _, l) = await LoadAsync(turn, cancellationToken);
        if (person is null || concern is null || !concern.IsHandler(person.Id))
        {
            return Refused(verb, l);
        }

        // Null: nothing changed (a double click, or someone else got there first); the card then shows where it stands.
        if (await change(concern, person, cancellationToken) is { } changed)
        {
            concern = changed;
            Log.Handled(logger, verb);
        }
        else
        {
            concern = await store.FindAsync(concern.Id, cancellationToken) ?? concern;
        }

        return await CurrentAsync(concern, person, false, cancellationToken);
    }

    /// <summary>The sender's card about a change (<paramref name="senderEvent"/>), queued with the change itself.</summary>
    internal static ConcernCards ToSender(string senderEvent) => (concern, sender) =>
        sender is null ? [] : [new OutboxEntry(ConcernKinds.Update, $"{concern.Id}:{concern.Revision}:{senderEvent}", sender)];

    private async Task<CardActionOutcome> CurrentAsync(Concern concern, Person person, bool isSender, CancellationToken cancellationToken)
    {
        var context = await reader.ContextAsync(cancellationToken);
        return new CardActionOutcome.ReplaceCard(isSender
            ? await reader.SenderCardAsync(context, concern, person, ConcernHeadline.Current, cancellationToken)
            : await reader.HandlerCardAsync(context, concern, person, ConcernHeadline.Current, cancellationToken));
    }

    private async Task<(Person? Person, Concern? Concern, bool IsSender, Language Language)> LoadAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var person = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        var l = Languages.From(person?.Locale ?? turn.Caller.Locale);
        var concern = person is not null && turn.Get(ConcernFields.Concern) is { Length: > 0 and <= 64 } id ? await store.FindAsync(id, cancellationToken) : null;
        var isSender = concern is not null && await store.SenderOfAsync(concern.Id, cancellationToken) == person!.Id;
        return (person, concern, isSender, l);
    }

    private CardActionOutcome Refused(string verb, Language l)
    {
        Log.Refused(logger, verb);
        return new CardActionOutcome.ShowMessage(l.Pick(
            "Only the person who raised this concern and the people handling it can open or act on it.",
            "Solo quien planteó esta preocupación y quienes la atienden pueden abrirla o actuar sobre ella."));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7611, Level = LogLevel.Information, Message = "A concern was handled ({Verb}).")]
        public static partial void Handled(ILogger logger, string verb);

        [LoggerMessage(EventId = 7612, Level = LogLevel.Warning, Message = "A {Verb} action on a concern the caller may not act on was refused.")]
        public static partial void Refused(ILogger logger, string verb);
    }
}
