using Quartz;

namespace MentorBot.Scheduling;

/// <summary>The metronome of proactive sending: every few seconds, dispatch what is due.</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxDispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public static JobKey Key { get; } = new("outbox-dispatch", "sending");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.DispatchAsync(10_000, cancellationToken);
}
