using Quartz;

namespace MentorBot.Scheduling;

/// <summary>
/// The metronome of proactive sending: every few seconds, dispatch what is due. Concurrent firings are allowed so that,
/// on a PostgreSQL cluster, every instance sends at once (claims keep them apart); inside one process the gate lets a
/// single dispatch loop run and an overlapping firing returns at once.
/// </summary>
internal sealed class OutboxDispatchJob(OutboxDispatcher dispatcher, OutboxDispatchGate gate) : IJob
{
    public static JobKey Key { get; } = new("outbox-dispatch", "sending");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!await gate.Semaphore.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            await dispatcher.DispatchAsync(10_000, cancellationToken);
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }
}

/// <summary>One dispatch loop per process: the rate limiter paces it, and a second loop would only compete for tokens.</summary>
internal sealed class OutboxDispatchGate : IDisposable
{
    public SemaphoreSlim Semaphore { get; } = new(1, 1);

    public void Dispose() => Semaphore.Dispose();
}
