using MentorBot.Features.Digest;

namespace MentorBot.Web.Dashboard;

/// <summary>
/// The dashboard's report as JSON. A figure is <c>{ state, value, of }</c>; a hidden one carries its state and no value,
/// because the report it comes from has none.
/// </summary>
internal static class DashboardJson
{
    public static object From(DigestReport r) => new
    {
        scope = r.Header.ScopeKey,
        scopeName = r.Header.ScopeName,
        asOf = r.Header.AsOf,
        minGroupSize = r.MinGroupSize,
        people = r.People,
        weeks = r.Weeks.Select(w => new { starts = w.Starts, participation = Figure(w.Participation), confidence = Figure(w.Confidence), load = Figure(w.Load) }),
        askedTime = Figure(r.AskedTime),
        sessions = Figure(r.Sessions),
        lanes = r.Lanes.Select(l => new { lane = l.Lane, thisWeek = Figure(l.ThisWeek), before = Figure(l.Before) }),
        mentors = r.Mentors,
        mentorsAtCapacity = r.MentorsAtCapacity,
        newHires = r.NewHires.Select(p => new { phase = p.Phase.ToString(), people = p.People }),
        unreachable = r.Unreachable,
        units = r.Units.Select(u => new { unit = u.Unit, participation = Figure(u.Participation), confidence = Figure(u.Confidence), load = Figure(u.Load), askedTime = Figure(u.AskedTime) }),
        outcomes = r.Outcomes is { } o
            ? Features.Outcomes.OutcomeService.Cells(o).ToDictionary(c => c.Figure, c => Figure(c.Cell))
            : null,
    };

    private static object Figure(Cell cell) => cell.IsShown
        ? new { state = "shown", value = (double?)cell.Value, of = (int?)cell.Of }
        : new { state = cell.State.ToString().ToLowerInvariant(), value = (double?)null, of = (int?)null };
}
