using Dapper;
using MentorBot.Features.Calibration;
using MentorBot.Features.Map;
using MentorBot.Persistence;

namespace MentorBot.Features.Reviews;

/// <summary>What a programme admin reviews each quarter.</summary>
internal sealed record MapReview(
    IReadOnlyList<MentorLoad> MentorsAtCapacity,
    int MentorsWithRoom,
    IReadOnlyList<string> LanesWithoutMentors,
    IReadOnlyList<string> LanesWithoutFreeMentors,
    IReadOnlyList<LowCalibration> LowCalibrations,
    int Unreachable);

internal sealed record LowCalibration(string Mentor, string Mentee, string Role, int Score);

/// <summary>Builds the map review from the current map, the calibration answers and who MentorBot can reach.</summary>
internal sealed class MapReviewQuery(MapStore map, MapStatusQuery status, Database database)
{
    public async Task<MapReview> LoadAsync(CancellationToken cancellationToken)
    {
        var current = await map.LoadAsync(cancellationToken);
        var names = current.People.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var load = current.Mentorships.Where(m => m.HoldsCapacity).GroupBy(m => m.MentorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var mentors = current.People.Where(p => p.MentorCapacity > 0 || load.ContainsKey(p.Id)).ToList();
        var full = mentors.Where(p => load.GetValueOrDefault(p.Id) >= p.MentorCapacity).ToHashSet();
        var atCapacity = full.Select(p => new MentorLoad(p.Name, p.MentorCapacity, load.GetValueOrDefault(p.Id)))
            .OrderByDescending(m => m.Load - m.Capacity).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        var teachers = current.Lanes.ToDictionary(l => l.Id, l => current.People.Where(p => p.Teaches.Contains(l.Id, StringComparer.Ordinal)).ToList(), StringComparer.Ordinal);
        var none = current.Lanes.Where(l => teachers[l.Id].Count == 0).Select(l => l.Name).ToList();
        var noFree = current.Lanes.Where(l => teachers[l.Id].Count > 0 && teachers[l.Id].All(full.Contains)).Select(l => l.Name).ToList();

        await using var connection = await database.OpenAsync(cancellationToken);
        var low = (await connection.QueryAsync<(string MentorshipId, string Role, long Score)>(new CommandDefinition(
            "SELECT mentorship_id, role, score FROM calibrations WHERE score IS NOT NULL AND score <= @low ORDER BY answered_at_ms DESC",
            new { low = CalibrationService.LowScore }, cancellationToken: cancellationToken))).ToList();
        var pairings = current.Mentorships.Where(m => m.Status != MentorshipStatus.Ended).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var lowCalibrations = low.Where(r => pairings.ContainsKey(r.MentorshipId))
            .Select(r => new LowCalibration(names.GetValueOrDefault(pairings[r.MentorshipId].MentorId) ?? "?", names.GetValueOrDefault(pairings[r.MentorshipId].MenteeId) ?? "?", r.Role, (int)r.Score)).ToList();

        var unreachable = (await status.LoadAsync(cancellationToken)).Unreachable.Count;
        return new MapReview(atCapacity, mentors.Count - full.Count, none, noFree, lowCalibrations, unreachable);
    }
}
