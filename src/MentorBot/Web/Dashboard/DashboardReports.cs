using System.Collections.Concurrent;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using Microsoft.Extensions.Options;

namespace MentorBot.Web.Dashboard;

/// <summary>
/// The dashboard's figures: the digest's own <see cref="DigestService.ReportAsync"/>, so the card and the page cannot
/// disagree. A computed report is served for <see cref="TabOptions.DashboardFreshFor"/>; after that the next reader gets
/// it at once while one refresh runs in the background. A report is kept per reader and scope, and never outlives the
/// map it was authorised against: when the map changes, it is computed again.
/// </summary>
internal sealed class DashboardReports(DigestService digest, IOptions<TabOptions> options, TimeProvider time)
{
    private const int MostKept = 500;
    private readonly ConcurrentDictionary<(string Reader, string Scope), Entry> _reports = new();

    public async Task<DigestReport?> GetAsync(Person reader, MentorshipMap map, string scope, CancellationToken cancellationToken)
    {
        var key = (reader.Id, scope);
        var now = time.GetUtcNow();
        if (_reports.TryGetValue(key, out var entry) && ReferenceEquals(entry.Map, map) && entry.Report.IsCompletedSuccessfully)
        {
            if (now - entry.ComputedAt > options.Value.DashboardFreshFor && Interlocked.Exchange(ref entry.Refreshing, 1) == 0)
            {
                _ = RefreshAsync(key, reader, map, scope);
            }

            return await entry.Report;
        }

        var fresh = new Entry(map, ComputeAsync(reader, scope, CancellationToken.None), now);
        _reports[key] = fresh;
        if (_reports.Count > MostKept)
        {
            foreach (var stale in _reports.Where(r => now - r.Value.ComputedAt > TimeSpan.FromMinutes(10)).Select(r => r.Key).ToList())
            {
                _reports.TryRemove(stale, out _);
            }
        }

        try
        {
            return await fresh.Report.WaitAsync(cancellationToken);
        }
        catch (Exception) when (fresh.Report.IsFaulted || fresh.Report.IsCanceled)
        {
            // A failed computation is not kept: the next reader computes again. (A reader who gave up waiting leaves it running.)
            _reports.TryRemove(new KeyValuePair<(string, string), Entry>(key, fresh));
            throw;
        }
    }

    private async Task RefreshAsync((string, string) key, Person reader, MentorshipMap map, string scope)
    {
        var started = time.GetUtcNow();
        try
        {
            var report = await ComputeAsync(reader, scope, CancellationToken.None);
            _reports[key] = new Entry(map, Task.FromResult(report), started);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            // The reader keeps the last report; the next request after the fresh period tries again.
            if (_reports.TryGetValue(key, out var entry))
            {
                Interlocked.Exchange(ref entry.Refreshing, 0);
            }
        }
    }

    private Task<DigestReport?> ComputeAsync(Person reader, string scope, CancellationToken cancellationToken) =>
        digest.ReportAsync(reader, scope, cancellationToken);

    private sealed class Entry(MentorshipMap map, Task<DigestReport?> report, DateTimeOffset computedAt)
    {
        public int Refreshing;

        public MentorshipMap Map { get; } = map;

        public Task<DigestReport?> Report { get; } = report;

        public DateTimeOffset ComputedAt { get; } = computedAt;
    }
}
