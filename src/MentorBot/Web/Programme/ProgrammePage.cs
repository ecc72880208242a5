using MentorBot.Features.Map;
using MentorBot.Features.Outcomes;
using MentorBot.Features.Pulses;

namespace MentorBot.Web.Programme;

/// <summary>An active pulse and its latest run; <see cref="Results"/> under the pulse's own rules (nothing below its minimum).</summary>
internal sealed record PulseLine(string Id, string Title, int? Seq, int Responded, int Invited, DateTimeOffset? ClosesAt, PulseResultsView? Results = null);

internal sealed record PilotLine(string Name, string Unit, DateOnly StartsOn, DateOnly EndsOn, bool Ended, bool Reported);

/// <summary>The admins' page: the map's status (as <c>map status</c>), lanes nobody mentors, pulses and the latest pilot.</summary>
internal sealed record ProgrammePageModel(
    MapStatus Status,
    IReadOnlyList<string> LanesWithoutMentors,
    IReadOnlyList<string> LanesFull,
    IReadOnlyList<PulseLine> Pulses,
    PilotLine? Pilot,
    string JobDashboard);

internal sealed class ProgrammePage(MapStatusQuery status, PulseStore pulses, PulseBallotBox ballots, PilotStore pilots, Microsoft.Extensions.Options.IOptions<PulseOptions> pulseOptions, TimeProvider time)
{
    public async Task<ProgrammePageModel> BuildAsync(TabReader reader, CancellationToken cancellationToken)
    {
        var map = reader.Map;
        var load = reader.Pairings.GroupBy(m => m.MentorId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var mentors = map.Lanes.ToDictionary(l => l.Id, l => map.People.Where(p => p.Teaches.Contains(l.Id, StringComparer.Ordinal)).ToList(), StringComparer.Ordinal);
        var lines = new List<PulseLine>();
        foreach (var pulse in await pulses.ActiveAsync(cancellationToken))
        {
            var runs = (await pulses.RunsAsync(pulse.Id, cancellationToken)).Where(r => r.OpensAt <= time.GetUtcNow()).ToList();
            if (runs.Count == 0)
            {
                lines.Add(new PulseLine(pulse.Id, pulse.Title, null, 0, 0, null));
                continue;
            }

            var (run, previous) = (runs[0], runs.Skip(1).FirstOrDefault());
            var current = await TallyAsync(run, cancellationToken);
            var results = PulseResults.Compute(pulse.Title, current, previous is null ? null : await TallyAsync(previous, cancellationToken),
                pulseOptions.Value.MinResponses, pulseOptions.Value.MinResponsesForComments);
            lines.Add(new PulseLine(pulse.Id, pulse.Title, run.Seq, current.Responded, run.Invited, run.ClosesAt, results));
        }

        var pilot = await pilots.LatestAsync(null, cancellationToken);
        var today = reader.Today;
        return new ProgrammePageModel(
            await status.LoadAsync(cancellationToken),
            [.. map.Lanes.Where(l => mentors[l.Id].Count == 0).Select(l => l.Name)],
            [.. map.Lanes.Where(l => mentors[l.Id].Count > 0 && mentors[l.Id].All(p => load.GetValueOrDefault(p.Id) >= p.MentorCapacity)).Select(l => l.Name)],
            lines,
            pilot is null ? null : new PilotLine(pilot.Name, map.Units.FirstOrDefault(u => u.Id == pilot.UnitId)?.Name ?? pilot.UnitId, pilot.StartsOn, pilot.EndsOn, today >= pilot.EndsOn, pilot.Reported),
            Scheduling.JobDashboard.Path);
    }

    private async Task<RunTally> TallyAsync(PulseRun run, CancellationToken cancellationToken) => new(
        run, await ballots.RespondedCountAsync(run.Id, cancellationToken), await ballots.CountsAsync(run.Id, cancellationToken), await ballots.CommentsAsync(run.Id, cancellationToken));
}
