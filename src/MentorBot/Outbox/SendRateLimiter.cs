using Microsoft.Extensions.Options;

namespace MentorBot.Outbox;

/// <summary>
/// Paces sends per tenant and per conversation just under Teams' documented limits, so MentorBot provokes almost no
/// 429s while sending nearly as fast as it may. Each send reserves the next free slot of its tenant and of its
/// conversation together (slots an even interval apart, first come first served) and waits for it: no bursts, since
/// Teams counts over any sliding second, no timer per conversation, and any rate from one a second to the tens of
/// thousands a benchmark asks for. One instance per process; several instances share the tenant's limit, and
/// Retry-After handles the rest. Pacing is real elapsed time, whatever the business clock (a demo clock, say) reads.
/// </summary>
internal sealed class SendRateLimiter
{
    /// <summary>The share of the documented limit MentorBot uses, leaving room for clock and network jitter.</summary>
    internal const double Headroom = 0.97;

    private const int PruneAbove = 4096;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _conversations = new(StringComparer.Ordinal);
    private readonly IOptions<OutboxOptions> _options;
    private readonly TimeProvider _pacing;
    private int _pruneAt = PruneAbove;

    public SendRateLimiter(IOptions<OutboxOptions> options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>For tests: pacing on another clock. Internal, so dependency injection never picks the business clock.</summary>
    internal SendRateLimiter(IOptions<OutboxOptions> options, TimeProvider pacing)
    {
        _options = options;
        _pacing = pacing;
    }

    public Task WaitAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var wait = Reserve(tenantId, conversationId);
        return wait > TimeSpan.Zero ? Task.Delay(wait, _pacing, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Takes the earliest slot free for both the tenant and the conversation, and returns how long until it.</summary>
    private TimeSpan Reserve(string tenantId, string conversationId)
    {
        var settings = _options.Value;
        var now = _pacing.GetTimestamp();
        lock (_gate)
        {
            var slot = Math.Max(now, Math.Max(_tenants.GetValueOrDefault(tenantId), _conversations.GetValueOrDefault(conversationId)));
            _tenants[tenantId] = slot + Interval(settings.TenantPerSecond);
            _conversations[conversationId] = slot + Interval(settings.ConversationPerSecond);
            if (_conversations.Count > _pruneAt)
            {
                // Conversations whose next slot has passed need no memory: a fan-out touches each one once.
                foreach (var (conversation, next) in _conversations)
                {
                    if (next <= now)
                    {
                        _conversations.Remove(conversation);
                    }
                }

                _pruneAt = Math.Max(PruneAbove, _conversations.Count * 2);
            }

            return slot > now ? _pacing.GetElapsedTime(now, slot) : TimeSpan.Zero;
        }
    }

    private long Interval(int perSecond) => (long)(_pacing.TimestampFrequency / (perSecond * Headroom));
}
