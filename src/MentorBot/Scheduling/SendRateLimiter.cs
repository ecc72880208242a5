using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MentorBot.Scheduling;

/// <summary>
/// Token buckets per tenant and per conversation, at Teams' documented limits, so MentorBot provokes as few 429s as
/// possible while sending as fast as it may. One instance per process.
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

    private static TokenBucketRateLimiter Bucket(ConcurrentDictionary<string, TokenBucketRateLimiter> buckets, string key, int perSecond) =>
        buckets.GetOrAdd(key, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
}
