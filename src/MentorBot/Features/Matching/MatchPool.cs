using Dapper;
using MentorBot.Features.Coaching;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Matching;

/// <summary>
/// Who a run looks at. Mentees: people below director with no active lane mentor who need a lane (the map's
/// <c>needs</c>, or lanes named in their recent check-in "need" and "stuck" answers), plus every pairing someone asked
/// to change. Mentors: everyone with places and lanes. History: every pairing the map has held.
/// </summary>
internal sealed class MatchPool(MapStore map, MatchingStore store, Database database, IOptions<MatchingOptions> options, TimeProvider time)
{
    public async Task<(MatchRequest Request, IReadOnlyDictionary<string, string> Replaces)> BuildAsync(UnitPreference units, CancellationToken cancellationToken)
    {
        var current = await map.LoadAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var open = current.Mentorships.Where(m => m.Status != MentorshipStatus.Ended).ToList();
        var rematches = (await store.OpenRematchesAsync(cancellationToken)).Where(r => open.Any(m => m.Id == r.MentorshipId)).ToList();
        var replaces = rematches.GroupBy(r => r.MenteeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().MentorshipId, StringComparer.Ordinal);
        var named = await NamedLanesAsync(current.Lanes, cancellationToken);

        var mentees = new List<MenteeRequest>();
        foreach (var person in current.People.Where(p => p.Level < Level.Director))
        {
            var hasLaneMentor = open.Any(m => m.MenteeId == person.Id && m.Kind == MentorshipKind.Lane);
            var needs = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var lane in person.NeedsLanes)
            {
                needs[lane] = 2;
            }

            foreach (var lane in named.GetValueOrDefault(person.Id) ?? [])
            {
                needs[lane] = needs.GetValueOrDefault(lane) + 1;
            }

            if (replaces.TryGetValue(person.Id, out var replaced))
            {
                foreach (var lane in open.First(m => m.Id == replaced).Lanes)
                {
                    needs[lane] = needs.GetValueOrDefault(lane) + 2;
                }
            }
            else if (hasLaneMentor)
            {
                continue;
            }

            if (needs.Count > 0)
            {
                mentees.Add(new MenteeRequest(person, [.. needs.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => new LaneNeed(n.Key, n.Value))]));
            }
        }

        var load = open.GroupBy(m => m.MentorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var mentors = current.People.Where(p => p.MentorCapacity > 0 && p.Teaches.Count > 0)
            .Select(p => new MentorOffer(p, load.GetValueOrDefault(p.Id))).ToList();
        var history = PairingHistory.Split(await store.PastPairingsAsync(cancellationToken), today, options.Value.AvoidRepeatMonths);
        return (new MatchRequest(mentees, mentors, history, new MatchOptions(today, MentorshipKind.Lane, units), current.Lanes), replaces);
    }

    /// <summary>Lanes each person named in "need" or "stuck" within the lookback. Read here, never logged or stored elsewhere.</summary>
    private async Task<Dictionary<string, IReadOnlyList<string>>> NamedLanesAsync(IReadOnlyList<Lane> lanes, CancellationToken cancellationToken)
    {
        var since = (time.GetUtcNow() - options.Value.NeedsLookback).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        var answers = await connection.QueryAsync<(string PersonId, string? Need, string? Stuck)>(new CommandDefinition(
            "SELECT person_id, need, stuck FROM checkin_answers WHERE submitted_at_ms >= @since",
            new { since },
            cancellationToken: cancellationToken));
        return answers.GroupBy(a => a.PersonId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => LaneMentions.Find(g.SelectMany(a => new[] { a.Need, a.Stuck }), lanes), StringComparer.Ordinal);
    }
}
