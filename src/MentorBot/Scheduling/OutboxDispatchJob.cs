using System.Data.Common;
using Quartz;

namespace MentorBot.Scheduling;

/// <summary>
/// The metronome of proactive sending: every few seconds, dispatch what is due. Concurrent firings are allowed so that,
/// on a PostgreSQL cluster, every instance sends at once (claims keep them apart); inside one process the gate lets a
/// single dispatch loop run and an overlapping firing returns at once. While the database is unavailable the job logs
/// it and backs off (1 s, doubling to 10 s) instead of failing every firing.
/// </summary>
internal sealed partial class OutboxDispatchJob(OutboxDispatcher dispatcher, OutboxDispatchGate gate, TimeProvider time, ILogger<OutboxDispatchJob> logger) : IJob
{
    public static JobKey Key { get; } = new("outbox-dispatch", "sending");

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
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

            await dispatcher.DispatchAsync(10_000, cancellationToken);
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
