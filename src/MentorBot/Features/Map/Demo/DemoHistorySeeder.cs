using Dapper;
using MentorBot.Persistence;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Map.Demo;

/// <summary>
/// With the demo map, five weeks of past check-ins for every active lane pairing: mostly answered, confidence slowly
/// rising, now and then a lane named in "need" or a request for time with the mentor. Only into an empty check-in
/// history, and only closed periods, so nothing is reminded or sent. Deterministic: the same map gives the same history.
/// </summary>
internal sealed partial class DemoHistorySeeder(
    IOptions<MapOptions> options,
    MapStore map,
    Database database,
    TimeProvider time,
    ILogger<DemoHistorySeeder> logger) : IHostedService
{
    private const int Weeks = 5;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoMap || !options.Value.SeedDemoHistory)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM checkin_periods") > 0)
        {
            return;
        }

        var current = await map.LoadAsync(cancellationToken);
        var laneNames = current.Lanes.ToDictionary(l => l.Id, l => l.Name.ToLowerInvariant(), StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var periods = new List<object>();
        var answers = new List<object>();
        foreach (var (pairing, index) in current.Mentorships.Where(m => m.Status == MentorshipStatus.Active && m.Kind == MentorshipKind.Lane).Select((m, i) => (m, i)))
        {
            for (var week = Weeks; week >= 1; week--)
            {
                var opens = now.AddDays(-7 * week);
                var roll = Roll(pairing.Id, week);
                var answered = roll % 100 < 82;
                var id = $"demo-history:{pairing.Id}:{week}";
                periods.Add(new { id, person = pairing.MenteeId, mentorship = pairing.Id, mentor = pairing.MentorId, opens = opens.ToUnixTimeMilliseconds(), closes = opens.AddDays(6).ToUnixTimeMilliseconds(), status = answered ? "answered" : "missed" });
                if (!answered)
                {
                    continue;
                }

                var lane = pairing.Lanes.Count == 0 ? null : laneNames.GetValueOrDefault(pairing.Lanes[roll % pairing.Lanes.Count]);
                answers.Add(new
                {
                    id,
                    person = pairing.MenteeId,
                    learned = "A demo answer: something learned on shift this week.",
                    need = roll % 3 == 0 && lane is not null ? $"More practice with {lane}." : null,
                    stuck = roll % 7 == 0 && lane is not null ? $"Still unsure about parts of {lane}." : null,
                    confidence = Math.Clamp(2 + ((Weeks - week + (index % 3) + (roll % 2)) / 2), 1, 5),
                    load = 2 + (roll % 3),
                    wants = roll % 5 == 0 ? 1 : 0,
                    at = opens.AddHours(6).ToUnixTimeMilliseconds(),
                });
            }
        }

        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO checkin_periods (id, person_id, mentorship_id, mentor_id, opens_at_ms, closes_at_ms, status, reminder_sent_at_ms, created_at_ms)
            VALUES (@id, @person, @mentorship, @mentor, @opens, @closes, @status, NULL, @opens)
            """,
            periods,
            transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO checkin_answers (period_id, person_id, learned, learned_shared, need, need_shared, stuck, stuck_shared, confidence, load, scores_shared, wants_time, submitted_at_ms, updated_at_ms, revision)
            VALUES (@id, @person, @learned, 1, @need, 1, @stuck, 1, @confidence, @load, 1, @wants, @at, @at, 1)
            """,
            answers,
            transaction);
        await transaction.CommitAsync(cancellationToken);
        Log.Seeded(logger, periods.Count, answers.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A stable pseudo-random number per pairing and week (string hash codes are randomised per process).</summary>
    private static int Roll(string pairingId, int week)
    {
        var hash = 17;
        foreach (var c in pairingId)
        {
            hash = unchecked((hash * 31) + c);
        }

        return Math.Abs(unchecked((hash * 31) + (week * 7919))) % 1000;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Loaded five weeks of demo check-in history: {Periods} check-ins, {Answers} answered.")]
        public static partial void Seeded(ILogger logger, int periods, int answers);
    }
}
