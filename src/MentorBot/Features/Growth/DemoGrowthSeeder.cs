using Dapper;
using MentorBot.Features.Map;
using MentorBot.Hosting;
using MentorBot.Persistence;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Growth;

/// <summary>
/// Made-up validations for the demo map (<c>Demo:SeedHistory</c>, Development only), so outcomes have something to
/// show: people who started within the last two years had their onboarding competencies validated over their first
/// weeks, and the new hires (other than the playground's users) have started on theirs. Deterministic.
/// </summary>
internal sealed partial class DemoGrowthSeeder(
    IOptions<DemoOptions> demo, MapStore maps, Database database, TimeProvider time, ILogger<DemoGrowthSeeder> logger) : IHostedService
{
    private static readonly string[] PlaygroundUsers = ["alex-wilber", "megan-bowen", "adele-vance", "isaiah-langer", "patti-fernandez", "lynne-robbins"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.SeedHistory)
        {
            return;
        }

        var map = await maps.LoadAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using (var reading = await database.OpenAsync(cancellationToken))
        {
            if (await reading.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM competency_events WHERE id LIKE 'demo:%'", cancellationToken: cancellationToken)) > 0)
            {
                return;
            }
        }

        List<(string Id, string? Unit, string? Step, string? Start, string? Shift, string? Left)> people;
        await using (var reading = await database.OpenAsync(cancellationToken))
        {
            people = [.. await reading.QueryAsync<(string, string?, string?, string?, string?, string?)>(new CommandDefinition(
                "SELECT id, unit_id, step_id, start_date, first_shift, left_on FROM map_people WHERE step_id IS NOT NULL AND start_date >= @since ORDER BY id",
                new { since = MapValues.DateText(today.AddDays(-730)) }, cancellationToken: cancellationToken))];
        }

        var validators = map.People.Where(p => p.Level == Level.Lead && p.UnitId is not null).GroupBy(p => p.UnitId!).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Id, StringComparer.Ordinal).First().Id, StringComparer.Ordinal);
        var events = new List<object>();
        var independence = new List<object>();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (id, unit, stepId, startText, shiftText, leftText) in people)
        {
            if (PlaygroundUsers.Contains(id) || map.Ladder.Step(stepId) is not { Onboarding.Count: > 0 } step || !MapValues.TryDate(shiftText ?? startText, out var first))
            {
                continue;
            }

            var limit = MapValues.TryDate(leftText, out var left) ? left : today;
            var validator = unit is not null && validators.TryGetValue(unit, out var v) ? v : "demo";
            var seed = id.Aggregate(17, (h, c) => unchecked((h * 31) + c));
            var last = DateOnly.MinValue;
            var all = true;
            foreach (var (competency, phase, i) in step.Onboarding.OrderBy(o => o.Value).ThenBy(o => o.Key, StringComparer.Ordinal).Select((o, i) => (o.Key, o.Value, i)))
            {
                var on = first.AddDays(((int)phase * 22) + 6 + (Math.Abs(seed + (i * 7)) % 18));
                if (on >= limit)
                {
                    all = false;
                    continue;
                }

                last = on > last ? on : last;
                events.Add(new { Id = $"demo:{id}:{competency}", Person = id, Competency = competency, On = MapValues.DateText(on), Validator = validator, Now = now });
            }

            if (all)
            {
                independence.Add(new { Person = id, Step = step.Id, On = MapValues.DateText(last), Now = now });
            }
        }

        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO competency_events (id, person_id, competency_id, kind, at_ms, actor_id, observed_on, method, rating, note)
                VALUES (@Id, @Person, @Competency, 'validated', @Now, @Validator, @On, 'observation', NULL, NULL)
                """,
                events, transaction);
            await connection.ExecuteAsync(
                """
                INSERT INTO competency_status (person_id, competency_id, status, observed_on, method, validator_id, self_rating, updated_at_ms)
                VALUES (@Person, @Competency, 'validated', @On, 'observation', @Validator, NULL, @Now)
                """,
                events, transaction);
            await connection.ExecuteAsync(
                "INSERT INTO independence (person_id, step_id, independent_on, at_ms) VALUES (@Person, @Step, @On, @Now)", independence, transaction);
            return 0;
        }, cancellationToken);
        Log.Seeded(logger, events.Count, independence.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 8207, Level = LogLevel.Information, Message = "Seeded demo validations: {Validations} validations, {Independent} people independent.")]
        public static partial void Seeded(ILogger logger, int validations, int independent);
    }
}
