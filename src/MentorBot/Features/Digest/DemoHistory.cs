using Dapper;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Map;
using MentorBot.Hosting;
using MentorBot.Persistence;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Digest;

/// <summary>
/// Five weeks of made-up check-ins for the demo map (<c>Demo:SeedHistory</c>, Development only), so a leader's digest
/// has a trend to show. Pure and deterministic: the same map and instant give the same history. Every period is
/// already closed, so none of them stands in the way of a real check-in.
/// </summary>
internal static class DemoHistory
{
    public const string IdPrefix = "demo:";

    private static readonly string[] Needs = ["More practice with {0} before I do it alone", "Someone to watch me with {0} once more", "A checklist for {0}"];
    private static readonly string[] Stuck = ["Still unsure about {0} on busy shifts", "{0} when the ward is short-staffed", "Getting {0} right at handover"];

    public static IReadOnlyList<(CheckInPeriod Period, CheckInAnswer? Answer)> Build(MentorshipMap map, DateTimeOffset now)
    {
        var lanes = map.Lanes.ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
        var people = map.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var history = new List<(CheckInPeriod, CheckInAnswer?)>();
        foreach (var pairings in map.Mentorships.Where(m => m.Status != MentorshipStatus.Ended).GroupBy(m => m.MenteeId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var primary = pairings.OrderBy(m => m.Kind == MentorshipKind.Lane ? 0 : 1).ThenBy(m => m.Id, StringComparer.Ordinal).First();
            var newHire = people.TryGetValue(pairings.Key, out var person) && person.StartDate is { } start && DateOnly.FromDateTime(now.UtcDateTime).DayNumber - start.DayNumber < 91;
            for (var week = 0; week < DigestWindow.Weeks; week++)
            {
                var opens = now - TimeSpan.FromDays((7 * week) + 6);
                var opensDate = DateOnly.FromDateTime(opens.UtcDateTime);
                if (opensDate < primary.StartDate)
                {
                    continue;
                }

                var roll = Roll(pairings.Key, week);
                var answered = roll % 5 != 0;
                var period = new CheckInPeriod(
                    $"{IdPrefix}{primary.Id}:{MapValues.DateText(opensDate)}", pairings.Key, primary.Id, primary.MentorId, opens, opens + TimeSpan.FromDays(5),
                    answered ? PeriodStatus.Answered : PeriodStatus.Missed);
                history.Add((period, answered ? Answer(period, primary, lanes, roll, newHire, week) : null));
            }
        }

        return history;
    }

    private static CheckInAnswer Answer(CheckInPeriod period, Mentorship pairing, Dictionary<string, string> lanes, uint roll, bool newHire, int week)
    {
        var lane = pairing.Lanes.Count == 0 ? null : lanes.GetValueOrDefault(pairing.Lanes[(int)(roll % (uint)pairing.Lanes.Count)]);
        var confidence = Math.Clamp((newHire ? 2 : 3) + (int)(roll / 7 % 3) - 1 + (week == 0 ? 1 : 0), 1, 5);
        var load = Math.Clamp(3 + (int)(roll / 11 % 3) - 1, 1, 5);
        var need = lane is null || roll % 3 == 0 ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, Needs[roll / 13 % (uint)Needs.Length], lane.ToLowerInvariant());
        var stuck = lane is null || roll % 4 != 1 ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, Stuck[roll / 17 % (uint)Stuck.Length], lane);
        return new CheckInAnswer(
            period.Id, period.PersonId, "Watched a colleague handle a tricky handover.", true, need, roll % 10 != 3, stuck, roll % 10 != 7,
            confidence, load, roll % 10 != 5, roll % 4 == 2, period.OpensAt + TimeSpan.FromHours(20), 1);
    }

    /// <summary>A stable pseudo-random number per person and week (FNV-1a): string hash codes change between runs.</summary>
    private static uint Roll(string personId, int week)
    {
        var hash = 2166136261u;
        foreach (var c in $"{personId}|{week}")
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

/// <summary>Writes <see cref="DemoHistory"/> at start when <c>Demo:SeedHistory</c> is on and no demo history exists yet.</summary>
internal sealed partial class DemoHistorySeeder(
    IOptions<DemoOptions> demo,
    MapStore map,
    Database database,
    TimeProvider time,
    ILogger<DemoHistorySeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.SeedHistory)
        {
            return;
        }

        await using (var reading = await database.OpenAsync(cancellationToken))
        {
            if (await reading.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM checkin_periods WHERE id LIKE @prefix", new { prefix = DemoHistory.IdPrefix + "%" }, cancellationToken: cancellationToken)) > 0)
            {
                return;
            }
        }

        var now = time.GetUtcNow();
        var history = DemoHistory.Build(await map.LoadAsync(cancellationToken), now);
        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO checkin_periods (id, person_id, mentorship_id, mentor_id, opens_at_ms, closes_at_ms, status, created_at_ms)
                VALUES (@Id, @PersonId, @MentorshipId, @MentorId, @OpensAt, @ClosesAt, @Status, @OpensAt)
                """,
                history.Select(h => new { h.Period.Id, h.Period.PersonId, h.Period.MentorshipId, h.Period.MentorId, OpensAt = h.Period.OpensAt.ToUnixTimeMilliseconds(), ClosesAt = h.Period.ClosesAt.ToUnixTimeMilliseconds(), h.Period.Status }),
                transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO checkin_answers (period_id, person_id, learned, learned_shared, need, need_shared, stuck, stuck_shared,
                    confidence, load, scores_shared, wants_time, submitted_at_ms, updated_at_ms, revision)
                VALUES (@PeriodId, @PersonId, @Learned, 1, @Need, @NeedShared, @Stuck, @StuckShared, @Confidence, @Load, @ScoresShared, @WantsTime, @At, @At, 1)
                """,
                history.Where(h => h.Answer is not null).Select(h => h.Answer!).Select(a => new
                {
                    a.PeriodId, a.PersonId, a.Learned, a.Need, NeedShared = a.NeedShared ? 1 : 0, a.Stuck, StuckShared = a.StuckShared ? 1 : 0,
                    a.Confidence, a.Load, ScoresShared = a.ScoresShared ? 1 : 0, WantsTime = a.WantsTime ? 1 : 0, At = a.SubmittedAt.ToUnixTimeMilliseconds(),
                }),
                transaction, cancellationToken: cancellationToken));
            return history.Count;
        }, cancellationToken);
        Log.Seeded(logger, history.Count, history.Count(h => h.Answer is not null));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 7621, Level = LogLevel.Information, Message = "Seeded a demo check-in history: {Periods} check-ins, {Answered} answered.")]
        public static partial void Seeded(ILogger logger, int periods, int answered);
    }
}
