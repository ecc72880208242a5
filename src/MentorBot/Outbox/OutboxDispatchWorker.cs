using System.Data.Common;

namespace MentorBot.Outbox;

/// <summary>
/// The outbound queue's worker: every <see cref="OutboxOptions.PollInterval"/>, dispatch what is due. It runs beside
/// Hangfire, not in it: a send is paced to the millisecond by the per-tenant limiter and claimed row by row with a lease,
/// so several instances share the work without a job per item (a Hangfire job per send would add several storage
/// writes to each of them, and queue behind the recurring jobs). Inside one process the gate lets one dispatch loop run
/// (the CLI's <c>dispatch</c> may run one too). While the database is unavailable it logs it and backs off (1 s,
/// doubling to 10 s) instead of failing every round.
/// </summary>
internal sealed partial class OutboxDispatchWorker(IServiceScopeFactory scopes, OutboxDispatchGate gate, Microsoft.Extensions.Options.IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDispatchWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first round waits one interval too, so that start-up (migrations, the map seed) finishes first.
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await DispatchOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: everything due now, unless another round in this process is under way or the store is backing off.</summary>
    public async Task DispatchOnceAsync(CancellationToken cancellationToken)
    {
        if (!await gate.Semaphore.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            if (time.GetUtcNow() < gate.NotBefore)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(10_000, cancellationToken);
            if (gate.Failures > 0)
            {
                Log.StoreBack(logger, gate.Failures);
                gate.Failures = 0;
            }
        }
        catch (DbException ex)
        {
            gate.Failures++;
            var wait = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, gate.Failures - 1)));
            gate.NotBefore = time.GetUtcNow() + wait;
            Log.StoreUnavailable(logger, wait.TotalSeconds, ex);
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "Outbox dispatch: the database is unavailable; trying again in {Seconds} s.")]
        public static partial void StoreUnavailable(ILogger logger, double seconds, Exception exception);

        [LoggerMessage(EventId = 5112, Level = LogLevel.Information, Message = "Outbox dispatch: the database is back after {Failures} failed rounds.")]
        public static partial void StoreBack(ILogger logger, int failures);
    }
}

/// <summary>
/// One dispatch loop per process: the rate limiter paces it, and a second loop would only compete for tokens. It also
/// holds the loop's backoff after a round the database refused (read and written only while the semaphore is held).
/// </summary>
internal sealed class OutboxDispatchGate : IDisposable
{
    public SemaphoreSlim Semaphore { get; } = new(1, 1);

    public int Failures { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    public void Dispose() => Semaphore.Dispose();
}
