using MentorBot.Features.Map;
using MentorBot.Features.Outcomes;
using MentorBot.Features.Pulses;

namespace MentorBot.Web.Programme;

internal sealed record PulseLine(string Id, string Title, int? Seq, int Responded, int Invited, DateTimeOffset? ClosesAt);

internal sealed record PilotLine(string Name, string Unit, DateOnly StartsOn, DateOnly EndsOn, bool Ended, bool Reported);

/// <summary>The admins' page: the map's status (as <c>map status</c>), lanes nobody mentors, pulses and the latest pilot.</summary>
internal sealed record ProgrammePageModel(
    MapStatus Status,
    IReadOnlyList<string> LanesWithoutMentors,
    IReadOnlyList<string> LanesFull,
    IReadOnlyList<PulseLine> Pulses,
    PilotLine? Pilot,
    string JobDashboard);

internal sealed class ProgrammePage(MapStatusQuery status, PulseStore pulses, PulseBallotBox ballots, PilotStore pilots)
{
    public async Task<ProgrammePageModel> BuildAsync(TabReader reader, CancellationToken cancellationToken)
    {
        var map = reader.Map;
        var load = reader.Pairings.GroupBy(m => m.MentorId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var mentors = map.Lanes.ToDictionary(l => l.Id, l => map.People.Where(p => p.Teaches.Contains(l.Id, StringComparer.Ordinal)).ToList(), StringComparer.Ordinal);
        var lines = new List<PulseLine>();
        foreach (var pulse in await pulses.ActiveAsync(cancellationToken))
        {
            var run = (await pulses.RunsAsync(pulse.Id, cancellationToken)).FirstOrDefault();
            lines.Add(run is null
                ? new PulseLine(pulse.Id, pulse.Title, null, 0, 0, null)
                : new PulseLine(pulse.Id, pulse.Title, run.Seq, await ballots.RespondedCountAsync(run.Id, cancellationToken), run.Invited, run.ClosesAt));
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
}
