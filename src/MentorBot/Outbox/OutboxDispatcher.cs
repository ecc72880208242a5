using System.Data.Common;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using MentorBot.Teams;
using Microsoft.Extensions.Options;

namespace MentorBot.Outbox;

/// <summary>
/// Sends what is due in the outbox, each item on its own: a failure never stops the batch. Throttling puts the item
/// back for Retry-After (no global freeze); gone recipients are marked and shown to admins in <c>map status</c>;
/// people MentorBot cannot reach yet wait until they can be.
/// </summary>
internal sealed partial class OutboxDispatcher(
    OutboxStore store,
    IEnumerable<IOutboxRenderer> renderers,
    MapDirectory directory,
    ConversationReferenceStore conversations,
    TeamsMessenger messenger,
    SendRateLimiter limiter,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    public async Task<DispatchSummary> DispatchAsync(int maxItems, CancellationToken cancellationToken)
    {
        var summary = new DispatchSummary();
        var settings = options.Value;

        // A claimed batch must be sent well within its lease: at the tenant rate, half the lease's worth at most.
        // Otherwise items still waiting here could outlive their lease and be taken over (and sent) by another instance.
        var perClaim = Math.Max(1, (int)(settings.TenantPerSecond * settings.ClaimLease.TotalSeconds / 2));
        // Sent marks are written in groups: a send the connector accepted waits for its mark as before, and the marks of
        // the sends that finish together go out in one statement. Not cancelled with the dispatch: what the connector
        // accepted is recorded even while shutting down.
        var marks = new GroupCommit<string>(ids => store.MarkSentAsync([.. ids], CancellationToken.None));
        var loader = new OutboxBatchLoader(renderers, directory, conversations);
        while (summary.Handled < maxItems)
        {
            var batch = await store.ClaimAsync(Math.Min(Math.Min(settings.BatchSize, perClaim), maxItems - summary.Handled), cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var prepared = await LoadBatchAsync(loader, batch, cancellationToken);
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (item, ct) =>
            {
                try
                {
                    summary.Count(await SendOneAsync(item, prepared.GetValueOrDefault(item.Id) ?? await loader.LoadOneAsync(item, ct), settings, marks, ct));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Nothing was sent (an accepted send is recorded in SendOneAsync, whatever it takes): put it back,
                    // due at once if only the database was missing (it is back when the write succeeds).
                    var storeDown = ex is DbException;
                    if (storeDown)
                    {
                        Log.StoreUnavailable(logger, item.Kind, ex);
                    }
                    else
                    {
                        Log.ItemFailed(logger, item.Kind, ex);
                    }

                    await RequeueWithinLeaseAsync(item, "error: " + ex.GetType().Name, storeDown ? TimeSpan.Zero : TimeSpan.FromMinutes(1), ct);
                    summary.Count(DispatchResult.Retrying);
                }
            });
        }

        if (summary.Handled > 0)
        {
            Log.Dispatched(logger, summary.Sent, summary.Retrying, summary.Gone, summary.Dropped);
        }

        return summary;
    }

    /// <summary>What the batch needs, read for all of it at once; on a failure nothing, and each item loads on its own.</summary>
    private async Task<IReadOnlyDictionary<string, PreparedSend>> LoadBatchAsync(OutboxBatchLoader loader, IReadOnlyList<OutboxItem> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await loader.LoadAsync(batch, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.BatchLoadFailed(logger, batch.Count, ex);
            return new Dictionary<string, PreparedSend>(StringComparer.Ordinal);
        }
    }

    private async Task<DispatchResult> SendOneAsync(OutboxItem item, PreparedSend prepared, OutboxOptions settings, GroupCommit<string> marks, CancellationToken cancellationToken)
    {
        var (card, person, conversation, reply) = prepared;
        if (reply is null && (card is null || person?.AadObjectId is null))
        {
            await store.MarkDroppedAsync(item.Id, card is null ? "nothing to send any more" : "person left the map", cancellationToken);
            return DispatchResult.Dropped;
        }

        if (reply is not null && conversation is null)
        {
            await store.MarkDroppedAsync(item.Id, "the conversation it answers is unknown", cancellationToken);
            return DispatchResult.Dropped;
        }

        if (conversation is null || !conversation.IsReachable)
        {
            await store.RequeueAsync(item.Id, OutboxStore.WaitingForConversation, time.GetUtcNow() + settings.WaitForConversation, cancellationToken);
            return DispatchResult.Waiting;
        }

        // Every attempt waits for the rate limiter, retries too: a retry after a 429 that skipped it would provoke more.
        // After the wait, an attempt goes out only while the claim has a good part of its lease left: past that, another
        // instance could take the item over while this send is still in flight (and send it too). It is left as it is,
        // claimed, and is due again when the lease is over.
        async Task PaceAsync(CancellationToken ct)
        {
            await limiter.WaitAsync(conversation.TenantId, conversation.ConversationId, ct);
            if (time.GetUtcNow() > item.LeaseUntil - settings.ClaimLease / 2)
            {
                throw new LeaseRunningOutException();
            }
        }

        SendOutcome outcome;
        try
        {
            outcome = reply is not null
                ? await messenger.SendPreparedAsync(conversation.Reference, reply, PaceAsync, cancellationToken)
                : await messenger.SendAsync(conversation.Reference, card!, PaceAsync, cancellationToken);
        }
        catch (LeaseRunningOutException)
        {
            Log.LeaseRunningOut(logger, item.Kind);
            return DispatchResult.Retrying;
        }

        switch (outcome)
        {
            case SendOutcome.Sent:
                await RecordSentAsync(item, marks, cancellationToken);
                return DispatchResult.Sent;
            case SendOutcome.Throttled throttled:
                await store.RequeueAsync(item.Id, "throttled", time.GetUtcNow() + throttled.RetryAfter, cancellationToken);
                return DispatchResult.Retrying;
            case SendOutcome.RecipientGone gone:
                // The person blocked the bot or the conversation is gone: say so on the conversation, so later items wait
                // for them to come back (any message from them reactivates it) and admins see them as unreachable.
                await store.MarkGoneAsync(item.Id, gone.Reason, cancellationToken);
                await conversations.MarkAsync(conversation.ConversationId, gone.Reason.Contains("Blocked", StringComparison.OrdinalIgnoreCase) || gone.Reason == "forbidden" ? ReachStatus.Blocked : ReachStatus.Gone, gone.Reason, cancellationToken);
                return DispatchResult.Gone;
            case SendOutcome.Unavailable unavailable:
                // Nothing reached Teams (no token, or no connector): an outage must not use up the item's attempts.
                await store.RequeueUnattemptedAsync(item.Id, unavailable.Reason, time.GetUtcNow() + unavailable.RetryAfter, cancellationToken);
                return DispatchResult.Retrying;
            case SendOutcome.Failed failed when item.Attempts < settings.MaxAttempts:
                await store.RequeueAsync(item.Id, failed.Reason, time.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, item.Attempts) * 15)), cancellationToken);
                return DispatchResult.Retrying;
            case SendOutcome.Failed failed:
                await store.MarkFailedAsync(item.Id, failed.Reason, cancellationToken);
                return DispatchResult.Failed;
            default:
                throw new InvalidOperationException("Unknown send outcome.");
        }
    }

    /// <summary>
    /// Teams has the message, so it must be recorded as sent: an item left "sending" is taken again when its lease runs
    /// out, and sent twice. While the database is unavailable the acknowledgement is kept here and the write retried with
    /// backoff until it lands (or the process stops). Inside one process nothing can take the item meanwhile (the batch
    /// is still running); another instance could only once the lease is over, hence the warning.
    /// </summary>
    private async Task RecordSentAsync(OutboxItem item, GroupCommit<string> marks, CancellationToken cancellationToken)
    {
        var wait = FirstRetry;
        var warnedLease = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await marks.WriteAsync(item.Id);
                if (attempt > 1)
                {
                    Log.SentRecordedLate(logger, item.Kind, attempt);
                }

                return;
            }
            catch (DbException ex)
            {
                if (attempt == 1)
                {
                    Log.SentNotRecorded(logger, item.Kind, ex);
                }

                if (!warnedLease && time.GetUtcNow() >= item.LeaseUntil)
                {
                    warnedLease = true;
                    Log.SentLeaseOver(logger, item.Kind);
                }
            }

            await Task.Delay(wait, time, cancellationToken);
            wait = Next(wait);
        }
    }

    /// <summary>
    /// Puts an unsent item back in the queue, retrying while the database is unavailable. Once its lease is over there is
    /// nothing left to do: the item is due again as it stands ("sending" with an expired lease).
    /// </summary>
    private async Task RequeueWithinLeaseAsync(OutboxItem item, string reason, TimeSpan delay, CancellationToken cancellationToken)
    {
        var wait = FirstRetry;
        while (true)
        {
            try
            {
                await store.RequeueAsync(item.Id, reason, time.GetUtcNow() + delay, cancellationToken);
                return;
            }
            catch (DbException) when (time.GetUtcNow() + wait < item.LeaseUntil)
            {
                await Task.Delay(wait, time, cancellationToken);
                wait = Next(wait);
            }
            catch (DbException ex)
            {
                Log.LeftForLease(logger, item.Kind, ex.GetType().Name);
                return;
            }
        }
    }

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);

    private static TimeSpan Next(TimeSpan wait) => TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));

    private static partial class Log
    {
        [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Outbox: {Sent} sent, {Retrying} to retry, {Gone} gone, {Dropped} dropped.")]
        public static partial void Dispatched(ILogger logger, int sent, int retrying, int gone, int dropped);

        [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Sending a {Kind} item failed; it goes back in the queue.")]
        public static partial void ItemFailed(ILogger logger, string kind, Exception exception);

        [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "The database is unavailable: a {Kind} item was not sent and goes back in the queue once it is back.")]
        public static partial void StoreUnavailable(ILogger logger, string kind, Exception exception);

        [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "A {Kind} item was sent but the database is unavailable; recording it as sent until the database is back.")]
        public static partial void SentNotRecorded(ILogger logger, string kind, Exception exception);

        [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "A {Kind} item sent during a database outage is recorded as sent (attempt {Attempt}).")]
        public static partial void SentRecordedLate(ILogger logger, string kind, int attempt);

        [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "A sent {Kind} item is still unrecorded after its claim lease ran out; another instance may send it again.")]
        public static partial void SentLeaseOver(ILogger logger, string kind);

        [LoggerMessage(EventId = 5107, Level = LogLevel.Warning, Message = "An unsent {Kind} item could not be put back ({Error}); it is due again when its claim lease runs out.")]
        public static partial void LeftForLease(ILogger logger, string kind, string error);

        [LoggerMessage(EventId = 5108, Level = LogLevel.Information, Message = "A {Kind} item was not sent: its claim has less than half its lease left. It is due again when the lease is over.")]
        public static partial void LeaseRunningOut(ILogger logger, string kind);

        [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "Reading a batch of {Count} outbox items at once failed; each is read on its own.")]
        public static partial void BatchLoadFailed(ILogger logger, int count, Exception exception);
    }
}

internal enum DispatchResult
{
    Sent,
    Retrying,
    Waiting,
    Gone,
    Dropped,
    Failed,
}

/// <summary>Counts of one dispatch run; safe to update from parallel sends.</summary>
internal sealed class DispatchSummary
{
    private readonly int[] _counts = new int[Enum.GetValues<DispatchResult>().Length];

    public int Handled => _counts.Sum();

    public int Sent => _counts[(int)DispatchResult.Sent];

    public int Retrying => _counts[(int)DispatchResult.Retrying] + _counts[(int)DispatchResult.Waiting];

    public int Gone => _counts[(int)DispatchResult.Gone];

    public int Dropped => _counts[(int)DispatchResult.Dropped] + _counts[(int)DispatchResult.Failed];

    public void Count(DispatchResult result) => Interlocked.Increment(ref _counts[(int)result]);
}

/// <summary>A claimed item's lease is too close to its end for a send to start.</summary>
internal sealed class LeaseRunningOutException() : Exception("The claim's lease is running out.");
