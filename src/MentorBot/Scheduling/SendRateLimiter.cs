using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MentorBot.Scheduling;

/// <summary>
/// Paces sends per tenant and per conversation just under Teams' documented limits, so MentorBot provokes almost no
/// 429s while sending nearly as fast as it may. The buckets refill one token at a time at an even pace (a bucket that
/// refills a whole second's tokens at once sends in bursts, and Teams counts over any sliding second). One instance per
/// process; several instances share the tenant's limit, and Retry-After handles the rest.
/// </summary>
internal sealed class SendRateLimiter(IOptions<OutboxOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _tenants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _conversations = new(StringComparer.Ordinal);

    public async Task WaitAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        using var tenant = await Bucket(_tenants, tenantId, options.Value.TenantPerSecond).AcquireAsync(1, cancellationToken);
        using var conversation = await Bucket(_conversations, conversationId, options.Value.ConversationPerSecond).AcquireAsync(1, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var limiter in _tenants.Values.Concat(_conversations.Values))
        {
            limiter.Dispose();
        }
    }

    /// <summary>The share of the documented limit MentorBot uses, leaving room for clock and network jitter.</summary>
    internal const double Headroom = 0.97;

    private static TokenBucketRateLimiter Bucket(ConcurrentDictionary<string, TokenBucketRateLimiter> buckets, string key, int perSecond) =>
        buckets.GetOrAdd(key, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / (perSecond * Headroom)),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
}
