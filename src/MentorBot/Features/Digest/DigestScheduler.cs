using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Features.TeamsApp;
using MentorBot.Outbox;
using MentorBot.Web;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Digest;

/// <summary>
/// Queues each leader's weekly digest when their slot comes (their weekday and local time, in their own zone),
/// through the send queue. The queue item is keyed by the ISO week, so a rerun, a restart or a second instance never
/// queues a week twice; the card itself is computed when it is sent.
/// </summary>
internal sealed partial class DigestScheduler(
    DigestSettingsStore settings,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestScheduler> logger)
{
    public const string Kind = "leader-digest";

    public async Task<int> RunAsync(MentorshipMap current, CancellationToken cancellationToken)
    {
        var leaders = current.LeaderScopes.Select(s => s.LeaderId).Distinct(StringComparer.Ordinal).ToList();
        if (leaders.Count == 0)
        {
            return 0;
        }

        var known = await settings.LoadAllAsync(cancellationToken);
        if (leaders.Any(id => !known.ContainsKey(id)))
        {
            await settings.RegisterAsync(leaders.Where(id => !known.ContainsKey(id)), cancellationToken);
            known = await settings.LoadAllAsync(cancellationToken);
        }

        var now = time.GetUtcNow();
        var people = current.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var queued = 0;
        foreach (var id in leaders)
        {
            if (!people.TryGetValue(id, out var leader) || !known.TryGetValue(id, out var mine))
            {
                continue;
            }

            var slot = DigestSlots.Due(now, leader.TimeZone, mine.Day ?? options.Value.Day, mine.Time ?? options.Value.Time, mine.Since);
            if (slot is not { } due || mine.LastWeek == due.Week)
            {
                continue;
            }

            if (await settings.MarkQueuedAsync(id, due.Week, new OutboxEntry(Kind, due.Week, id), cancellationToken))
            {
                queued++;
            }
        }

        if (queued > 0)
        {
            Log.Queued(logger, queued);
        }

        return queued;
    }

    /// <summary>When this leader's digest comes, by their own choice or the programme's.</summary>
    public async Task<DigestSchedule> ScheduleOfAsync(Person leader, CancellationToken cancellationToken)
    {
        var mine = await settings.FindAsync(leader.Id, cancellationToken);
        var day = mine?.Day ?? options.Value.Day;
        var at = mine?.Time ?? options.Value.Time;
        return new DigestSchedule(day, at, leader.TimeZone, DigestSlots.Next(time.GetUtcNow(), leader.TimeZone, day, at));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7611, Level = LogLevel.Information, Message = "Digest: {Count} weekly digests queued.")]
        public static partial void Queued(ILogger logger, int count);
    }
}

/// <summary>Renders a leader's weekly digest at send time, from current data; nothing when they are no longer a leader.</summary>
internal sealed class LeaderDigestRenderer(MapDirectory directory, DigestService digests, IOptions<TeamsAppOptions> teamsApp) : IOutboxRenderer
{
    public string Kind => DigestScheduler.Kind;

    public async Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) =>
        await directory.FindByIdAsync(personId, cancellationToken) is { } leader && await digests.ReportAsync(leader, DigestService.Mine, cancellationToken) is { } report
            ? DigestCard.Build(report, Languages.From(leader.Locale), TabLinks.Dashboard(teamsApp.Value.Id, report.Header.ScopeKey))
            : null;
}
