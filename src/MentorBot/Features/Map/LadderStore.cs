using System.Data.Common;
using Dapper;

namespace MentorBot.Features.Map;

/// <summary>The ladder's tables: replaced whole by each import (it is configuration), read back for the map.</summary>
internal static class LadderStore
{
    /// <summary>Replaces the ladder; true when it differs from the one stored.</summary>
    public static async Task<bool> ReplaceAsync(DbConnection c, DbTransaction t, Ladder ladder, CancellationToken cancellationToken)
    {
        if (Signature(await LoadAsync(c, cancellationToken, t)) == Signature(ladder))
        {
            return false;
        }

        await c.ExecuteAsync(new CommandDefinition("DELETE FROM map_competencies", transaction: t, cancellationToken: cancellationToken));
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM map_ladder_steps", transaction: t, cancellationToken: cancellationToken));
        var tracks = ladder.Tracks.ToDictionary(tr => tr.Id, tr => tr.Name, StringComparer.Ordinal);
        await c.ExecuteAsync(
            "INSERT INTO map_ladder_steps (id, track_id, track, name, level, position) VALUES (@Id, @TrackId, @Track, @Name, @Level, @Position)",
            ladder.Steps.Select(s => new { s.Id, s.TrackId, Track = tracks[s.TrackId], s.Name, Level = s.Level?.ToString().ToLowerInvariant(), Position = (long)s.Position }),
            t);
        await c.ExecuteAsync(
            """
            INSERT INTO map_competencies (id, name, lane_id, step_id, methods, validators, onboarding, position)
            VALUES (@Id, @Name, @LaneId, @StepId, @Methods, @Validators, @Onboarding, @Position)
            """,
            ladder.Steps.SelectMany(s => s.Competencies.Select((x, i) => new
            {
                x.Id, x.Name, x.LaneId, x.StepId,
                Methods = MapRows.Join(x.Methods.Select(LadderNames.Name)),
                Validators = MapRows.Join(x.Validators.Select(LadderNames.Name)),
                Onboarding = s.Onboarding.TryGetValue(x.Id, out var phase) ? LadderNames.Name(phase) : null,
                Position = (long)i,
            })),
            t);
        return true;
    }

    /// <summary>Everything an import stores about the ladder, as one string to compare.</summary>
    internal static string Signature(Ladder ladder) => string.Join('\n', ladder.Tracks.SelectMany(t => t.Steps.Select(s =>
        $"{t.Id}|{t.Name}|{s.Id}|{s.Name}|{s.Level}|{s.Position}|" + string.Join(';', s.Competencies.Select(x =>
            $"{x.Id},{x.Name},{x.LaneId},{string.Join(' ', x.Methods)},{string.Join(' ', x.Validators)},{(s.Onboarding.TryGetValue(x.Id, out var p) ? p : OnboardingPhase.None)}")))));

    public static async Task<Ladder> LoadAsync(DbConnection c, CancellationToken cancellationToken, DbTransaction? t = null)
    {
        var steps = (await c.QueryAsync<(string Id, string TrackId, string Track, string Name, string? Level, long Position)>(new CommandDefinition(
            "SELECT id, track_id, track, name, level, position FROM map_ladder_steps ORDER BY track_id, position", transaction: t, cancellationToken: cancellationToken))).ToList();
        var competencies = (await c.QueryAsync<(string Id, string Name, string LaneId, string StepId, string Methods, string Validators, string? Onboarding, long Position)>(new CommandDefinition(
            "SELECT id, name, lane_id, step_id, methods, validators, onboarding, position FROM map_competencies ORDER BY step_id, position", transaction: t, cancellationToken: cancellationToken)))
            .ToLookup(x => x.StepId, StringComparer.Ordinal);
        var tracks = steps.GroupBy(s => (s.TrackId, s.Track)).Select(g => new LadderTrack(g.Key.TrackId, g.Key.Track, [.. g.Select(s =>
        {
            var own = competencies[s.Id].ToList();
            return new LadderStep(
                s.Id, s.TrackId, s.Name, MapValues.TryLevel(s.Level, out var level) ? level : null, (int)s.Position,
                [.. own.Select(x => new Competency(
                    x.Id, x.Name, x.LaneId, x.StepId,
                    [.. MapRows.Split(x.Methods).Select(m => LadderNames.TryMethod(m, out var method) ? method : ValidationMethod.Observation)],
                    [.. MapRows.Split(x.Validators).Select(v => LadderNames.TryValidator(v, out var role) ? role : ValidatorRole.Mentors)]))],
                own.Where(x => LadderNames.TryPhase(x.Onboarding, out _)).ToDictionary(x => x.Id, x => LadderNames.TryPhase(x.Onboarding, out var p) ? p : OnboardingPhase.Observe, StringComparer.Ordinal));
        })]));
        return new Ladder([.. tracks]);
    }
}
