using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using MentorBot.Outbox;
using MentorBot.Teams.Wire;

namespace MentorBot.Teams;

/// <summary>
/// Handles one authenticated activity: de-duplicates it, refreshes the conversation reference, routes it to the
/// features as a typed turn and answers on the wire.
/// </summary>
internal sealed partial class ActivityProcessor(
    ConversationDispatcher dispatcher,
    TeamsMessenger messenger,
    ConversationReferenceStore conversations,
    ProcessedActivityStore processed,
    OutboxStore outbox,
    MapDirectory directory,
    ILogger<ActivityProcessor> logger)
{
    private static string SomethingWentWrong(Activity activity) => Languages.From(activity.Locale).Pick(
        "Something went wrong on my side and nothing was saved. Please try again in a minute.",
        "Algo ha fallado por mi parte y no se ha guardado nada. Vuelve a intentarlo en un minuto.");

    private static string OutOfDate(Activity activity) => Languages.From(activity.Locale).Pick(
        "That card is out of date. Type help to start again.",
        "Esa tarjeta está desactualizada. Escribe help para empezar de nuevo.");

    public async Task<InboundResult> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return new InboundResult.BadRequest("the activity has no type");
        }

        var reference = TurnTranslator.ReferenceOf(activity);
        var activityKey = reference is not null && !string.IsNullOrEmpty(activity.Id) ? $"{reference.ConversationId}|{activity.Id}" : null;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityType"] = activity.Type,
            ["TenantId"] = reference?.TenantId,
            ["ConversationId"] = reference?.ConversationId,
        });

        try
        {
            if (activityKey is not null && !await processed.TryClaimAsync(activityKey, cancellationToken))
            {
                Log.Duplicate(logger);
                return await ReplayAsync(activity, activityKey, cancellationToken);
            }

            if (reference is not null && !IsRemoval(activity))
            {
                await conversations.UpsertAsync(reference, cancellationToken);
            }
        }
        catch (DbException ex)
        {
            Log.StoreUnavailable(logger, ex);
            return new InboundResult.Unavailable("the store is unavailable");
        }

        try
        {
            var result = await RouteAsync(activity, reference, activityKey, cancellationToken);
            if (activityKey is not null && result is InboundResult.InvokeAnswer answer)
            {
                // Written once: kept for a retry, and sent.
                await processed.SaveResponseAsync(activityKey, answer.Json, cancellationToken);
                return answer;
            }

            if (activityKey is not null && result is InboundResult.Unavailable)
            {
                // Neither delivered nor kept: Teams sends the activity again, and it must be processed then.
                await TryReleaseAsync(activityKey);
            }

            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.HandlerFailed(logger, ex);
            if (activityKey is not null)
            {
                await TryReleaseAsync(activityKey);
            }

            if (IsCardAction(activity))
            {
                return Answer(new CardActionOutcome.ShowMessage(SomethingWentWrong(activity)));
            }

            if (activity.Type == ActivityTypes.Message && reference is not null)
            {
                await TryApologiseAsync(reference, SomethingWentWrong(activity));
            }

            return InboundResult.Ok;
        }
    }

    private async Task<InboundResult> RouteAsync(Activity activity, ConversationReference? reference, string? activityKey, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return await OnMessageAsync(activity, reference, activityKey, cancellationToken);
            case ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardActionInvoke:
                return await OnExecuteAsync(activity, cancellationToken);
            case ActivityTypes.Invoke:
                Log.UnknownInvoke(logger, activity.Name ?? "(none)");
                return new InboundResult.NotImplemented($"invoke '{activity.Name}' is not supported");
            case ActivityTypes.ConversationUpdate when reference is not null && BotWasAdded(activity):
            case ActivityTypes.InstallationUpdate when reference is not null && activity.Action is "add" or "add-upgrade":
                return await WelcomeAsync(activity, reference!, activityKey, cancellationToken);
            case ActivityTypes.InstallationUpdate when reference is not null && IsRemoval(activity):
                await conversations.MarkAsync(reference.ConversationId, ReachStatus.Uninstalled, "the app was removed", cancellationToken);
                Log.Uninstalled(logger);
                return InboundResult.Ok;
            default:
                Log.Ignored(logger);
                return InboundResult.Ok;
        }
    }

    private async Task<InboundResult> OnMessageAsync(Activity activity, ConversationReference? reference, string? activityKey, CancellationToken cancellationToken)
    {
        var caller = TurnTranslator.CallerOf(activity);
        if (caller is null || reference is null)
        {
            return new InboundResult.BadRequest("the message does not say who sent it or where to answer");
        }

        var reply = new Reply(reference, activityKey, caller);
        if (activity.Value is { ValueKind: JsonValueKind.Object })
        {
            var submit = TurnTranslator.ReadSubmit(activity.Value);
            var outcome = submit is { } s
                ? await dispatcher.HandleCardActionAsync(new CardActionTurn(caller, s.Verb, s.Data), cancellationToken)
                : new CardActionOutcome.ShowMessage(OutOfDate(activity));
            return await DeliverSubmitOutcomeAsync(reply, activity.ReplyToId, outcome, cancellationToken);
        }

        var text = TurnTranslator.CleanText(activity.Text ?? string.Empty);
        var card = await dispatcher.HandleTextAsync(new TextTurn(caller, text), cancellationToken);
        return await SentOrQueuedAsync(reply, await messenger.ReplyAsync(reference, activity.Id, card, cancellationToken), () => TeamsMessenger.Prepare(card), cancellationToken);
    }

    private async Task<InboundResult> OnExecuteAsync(Activity activity, CancellationToken cancellationToken)
    {
        var caller = TurnTranslator.CallerOf(activity);
        if (caller is null)
        {
            return Answer(new CardActionOutcome.ShowMessage(Languages.From(activity.Locale).Pick(
                "I couldn't tell who pressed that button. Please try again from Teams.",
                "No he podido saber quién pulsó ese botón. Vuelve a intentarlo desde Teams.")));
        }

        var execute = TurnTranslator.ReadExecute(activity.Value);
        if (execute is not { } e)
        {
            return Answer(new CardActionOutcome.ShowMessage(OutOfDate(activity)));
        }

        var handle = activity.Conversation?.Id is { } conversation && activity.ReplyToId is { } card ? TeamsCardUpdates.Handle(conversation, card) : null;
        return Answer(await dispatcher.HandleCardActionAsync(new CardActionTurn(caller, e.Verb, e.Data, handle), cancellationToken));
    }

    private async Task<InboundResult> DeliverSubmitOutcomeAsync(Reply reply, string? replyToId, CardActionOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case CardActionOutcome.ReplaceCard replace:
                var updated = replyToId is null ? null : await messenger.UpdateCardAsync(reply.To, replyToId, replace.Card, cancellationToken);
                return updated is SendOutcome.Sent
                    ? InboundResult.Ok
                    : await SentOrQueuedAsync(reply, await messenger.SendAsync(reply.To, replace.Card, cancellationToken), () => TeamsMessenger.Prepare(replace.Card), cancellationToken);
            case CardActionOutcome.ShowMessage message:
                return await SentOrQueuedAsync(reply, await messenger.SendTextAsync(reply.To, message.Text, cancellationToken), () => TeamsMessenger.PrepareText(message.Text), cancellationToken);
            default:
                return InboundResult.Ok;
        }
    }

    private async Task<InboundResult> WelcomeAsync(Activity activity, ConversationReference reference, string? activityKey, CancellationToken cancellationToken)
    {
        if (!await conversations.TryClaimWelcomeAsync(reference.ConversationId, cancellationToken))
        {
            Log.AlreadyWelcomed(logger);
            return InboundResult.Ok;
        }

        var caller = TurnTranslator.CallerOf(activity) ?? new Caller(reference.TenantId, string.Empty, "there", activity.Locale, activity.LocalTimezone);
        var card = await dispatcher.WelcomeAsync(caller, cancellationToken);
        var outcome = await messenger.SendAsync(reference, card, cancellationToken);
        Log.Welcomed(logger, outcome.GetType().Name);
        return await SentOrQueuedAsync(new Reply(reference, activityKey ?? "welcome:" + reference.ConversationId, caller), outcome, () => TeamsMessenger.Prepare(card), cancellationToken);
    }

    /// <summary>
    /// A reply that could not go out now (the bot's token or the connector is unavailable, or Teams throttled it) waits
    /// in the outbox and is sent as soon as it can be, once. If even that fails, the activity is answered 503 and Teams
    /// sends it again. A recipient who is gone gets nothing, as for any send.
    /// </summary>
    private async Task<InboundResult> SentOrQueuedAsync(Reply reply, SendOutcome outcome, Func<string> prepare, CancellationToken cancellationToken)
    {
        if (outcome is SendOutcome.Sent or SendOutcome.RecipientGone)
        {
            return InboundResult.Ok;
        }

        try
        {
            var person = string.IsNullOrEmpty(reply.Caller.AadObjectId) ? null : await directory.FindByAadObjectIdAsync(reply.Caller.AadObjectId, cancellationToken);
            await outbox.EnqueueReplyAsync(reply.Key ?? Guid.NewGuid().ToString("N"), person?.Id ?? "aad:" + reply.Caller.AadObjectId, reply.To.ConversationId, prepare(), cancellationToken);
            Log.ReplyQueued(logger, outcome.GetType().Name);
            return InboundResult.Ok;
        }
        catch (DbException ex)
        {
            Log.StoreUnavailable(logger, ex);
            return new InboundResult.Unavailable("the reply could not be sent or kept; send the activity again");
        }
    }

    /// <summary>Where a turn's reply goes, and what makes it unique (the inbound activity) when it waits in the outbox.</summary>
    private sealed record Reply(ConversationReference To, string? Key, Caller Caller);

    private async Task<InboundResult> ReplayAsync(Activity activity, string activityKey, CancellationToken cancellationToken)
    {
        if (!IsCardAction(activity))
        {
            return InboundResult.Ok;
        }

        var stored = await processed.FindResponseAsync(activityKey, cancellationToken);
        var body = stored is null ? null : JsonSerializer.Deserialize<InvokeResponseBody>(stored, WireJson.Options);
        return body is null
            ? Answer(new CardActionOutcome.ShowMessage(Languages.From(activity.Locale).Pick("Still working on that; it will appear in a moment.", "Sigo con ello; aparecerá en un momento.")))
            : new InboundResult.InvokeAnswer(stored!);
    }

    /// <summary>Best effort: the turn failed already, and an apology that cannot be sent is not worth a 500.</summary>
    private async Task TryApologiseAsync(ConversationReference reference, string apology)
    {
        try
        {
            await messenger.SendTextAsync(reference, apology, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.ApologyFailed(logger, ex.GetType().Name);
        }
    }

    private async Task TryReleaseAsync(string activityKey)
    {
        try
        {
            await processed.ReleaseAsync(activityKey, CancellationToken.None);
        }
        catch (DbException ex)
        {
            Log.StoreUnavailable(logger, ex);
        }
    }

    internal static InboundResult Answer(CardActionOutcome outcome) => new InboundResult.InvokeAnswer(outcome switch
    {
        CardActionOutcome.ReplaceCard replace => InvokeResponseJson.Card(replace.Card),
        CardActionOutcome.ShowMessage message => InvokeResponseJson.Message(message.Text),
        _ => throw new InvalidOperationException($"Unhandled outcome {outcome.GetType().Name}."),
    });

    private static bool IsCardAction(Activity activity) =>
        activity.Type == ActivityTypes.Invoke && activity.Name == ActivityTypes.AdaptiveCardActionInvoke;

    private static bool IsRemoval(Activity activity) =>
        activity.Type == ActivityTypes.InstallationUpdate && activity.Action is "remove" or "remove-upgrade";

    private static bool BotWasAdded(Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id is not null && string.Equals(m.Id, activity.Recipient?.Id, StringComparison.Ordinal)) == true;

    private static partial class Log
    {
        [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Duplicate activity ignored.")]
        public static partial void Duplicate(ILogger logger);

        [LoggerMessage(EventId = 3402, Level = LogLevel.Error, Message = "The store is unavailable; the activity was not processed.")]
        public static partial void StoreUnavailable(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 3403, Level = LogLevel.Error, Message = "Handling the activity failed; its claim was released so a retry is processed.")]
        public static partial void HandlerFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 3404, Level = LogLevel.Information, Message = "Invoke '{Name}' is not supported.")]
        public static partial void UnknownInvoke(ILogger logger, string name);

        [LoggerMessage(EventId = 3405, Level = LogLevel.Information, Message = "The app was uninstalled from a conversation.")]
        public static partial void Uninstalled(ILogger logger);

        [LoggerMessage(EventId = 3406, Level = LogLevel.Debug, Message = "Activity ignored.")]
        public static partial void Ignored(ILogger logger);

        [LoggerMessage(EventId = 3407, Level = LogLevel.Debug, Message = "Conversation already welcomed.")]
        public static partial void AlreadyWelcomed(ILogger logger);

        [LoggerMessage(EventId = 3408, Level = LogLevel.Information, Message = "Welcome card delivered: {Outcome}.")]
        public static partial void Welcomed(ILogger logger, string outcome);

        [LoggerMessage(EventId = 3409, Level = LogLevel.Warning, Message = "The reply could not be sent now ({Outcome}); it waits in the outbox.")]
        public static partial void ReplyQueued(ILogger logger, string outcome);

        [LoggerMessage(EventId = 3410, Level = LogLevel.Warning, Message = "The apology for a failed turn could not be sent ({Error}).")]
        public static partial void ApologyFailed(ILogger logger, string error);
    }
}
