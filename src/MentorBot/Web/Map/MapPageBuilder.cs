using MentorBot.Features.Map;

namespace MentorBot.Web.Map;

/// <summary>The map page from the map alone (pure): filtered, searched, and with only the pairings the reader may see.</summary>
internal static class MapPageBuilder
{
    /// <summary>More people than this are listed, not drawn: a graph of hundreds of boxes helps nobody, least of all on a phone.</summary>
    public const int MostDrawn = 80;

    public const int MostListed = 60;

    public static MapPageModel Build(TabReader reader, MapFilter asked)
    {
        var map = reader.Map;
        var me = reader.Person;
        // With nothing chosen the page opens on the reader's own unit; "all" is an explicit empty unit.
        var filter = asked with { Unit = asked.Unit ?? (asked.Query is { Length: > 0 } ? string.Empty : me.UnitId ?? string.Empty) };
        var visibility = MapVisibility.For(me, map);
        var unitNames = map.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var laneNames = map.Lanes.ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
        var pairings = reader.Pairings.ToList();
        var load = pairings.GroupBy(m => m.MentorId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        MapNode Node(Person p) => new(
            p.Id, p.Name, p.Level, p.UnitId is { } u && unitNames.TryGetValue(u, out var un) ? un : reader.Pick("No unit", "Sin unidad"),
            [.. p.Teaches.Select(t => laneNames.GetValueOrDefault(t, t))], p.MentorCapacity, load.GetValueOrDefault(p.Id), p.Id == me.Id);

        var inLane = filter.Lane is { Length: > 0 } chosen
            ? pairings.Where(m => m.Lanes.Contains(chosen, StringComparer.Ordinal)).SelectMany(m => new[] { m.MentorId, m.MenteeId }).ToHashSet(StringComparer.Ordinal)
            : null;
        var matching = map.People.Where(p => Matches(p, filter, inLane)).ToList();
        var tooMany = matching.Count > MostDrawn;
        var shown = matching.OrderByDescending(p => p.Level).ThenBy(p => p.Name, StringComparer.CurrentCulture).Take(tooMany ? MostListed : MostDrawn).ToList();
        var shownIds = shown.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        bool InLane(Mentorship m) => filter.Lane is not { Length: > 0 } lane || m.Lanes.Contains(lane, StringComparer.Ordinal) || m.Kind != MentorshipKind.Lane;

        // Most pairings cross units: the mentors and mentees of the people kept are drawn too (set apart), as far as the
        // reader may see those pairings and the drawing stays readable.
        var partnerIds = tooMany ? [] : pairings.Where(m => InLane(m) && shownIds.Contains(m.MentorId) != shownIds.Contains(m.MenteeId) && visibility.MaySee(m))
            .Select(m => shownIds.Contains(m.MentorId) ? m.MenteeId : m.MentorId).Distinct(StringComparer.Ordinal).Take(Math.Max(0, MostDrawn - shown.Count)).ToList();
        var people = map.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var partners = partnerIds.Where(people.ContainsKey).Select(id => Node(people[id]) with { Outside = true }).ToList();
        var drawn = shownIds.Concat(partners.Select(p => p.Id)).ToHashSet(StringComparer.Ordinal);
        var between = pairings.Where(m => drawn.Contains(m.MentorId) && drawn.Contains(m.MenteeId) && (shownIds.Contains(m.MentorId) || shownIds.Contains(m.MenteeId)) && InLane(m)).ToList();
        var edges = between.Where(visibility.MaySee).Select(m => new MapEdge(m.MentorId, m.MenteeId, m.Kind, Lanes(m, laneNames))).ToList();

        var coverage = map.Lanes.Select(l =>
        {
            var mentors = map.People.Where(p => p.Teaches.Contains(l.Id, StringComparer.Ordinal)).ToList();
            return new LaneCoverage(l.Name, mentors.Count, mentors.Sum(p => Math.Max(0, p.MentorCapacity - load.GetValueOrDefault(p.Id))),
                pairings.Count(m => m.Lanes.Contains(l.Id, StringComparer.Ordinal)));
        }).ToList();

        var names = map.People.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var circles = map.Circles
            .Where(c => filter.Lane is not { Length: > 0 } lane || c.LaneId == lane)
            .Select(c => new CircleLine(c.Name, c.LaneId is { } l ? laneNames.GetValueOrDefault(l, l) : null, names.GetValueOrDefault(c.FacilitatorId, c.FacilitatorId), c.MemberIds.Count,
                visibility.MaySeeMembers(c) ? [.. c.MemberIds.Select(id => names.GetValueOrDefault(id, id)).Order(StringComparer.CurrentCulture)] : null))
            .ToList();

        PersonPanel? selected = null;
        if (filter.Person is { Length: > 0 } personId && map.People.FirstOrDefault(p => p.Id == personId) is { } person)
        {
            var theirs = pairings.Where(m => m.MentorId == person.Id || m.MenteeId == person.Id).ToList();
            var lines = theirs.Where(visibility.MaySee).Select(m => m.MentorId == person.Id
                    ? new PairingLine(m.MenteeId, names.GetValueOrDefault(m.MenteeId, m.MenteeId), Relationships.MenteeShort(m.Kind, reader.Language), Lanes(m, laneNames), m.Status == MentorshipStatus.Paused)
                    : new PairingLine(m.MentorId, names.GetValueOrDefault(m.MentorId, m.MentorId), Relationships.MentorShort(m.Kind, reader.Language), Lanes(m, laneNames), m.Status == MentorshipStatus.Paused))
                .OrderBy(l => l.Relation, StringComparer.CurrentCulture).ThenBy(l => l.OtherName, StringComparer.CurrentCulture).ToList();
            var theirCircles = map.Circles.Where(c => (c.FacilitatorId == person.Id || c.MemberIds.Contains(person.Id)) && visibility.MaySeeMembers(c)).Select(c => c.Name).ToList();
            selected = new PersonPanel(Node(person), lines, theirs.Count - lines.Count, theirCircles);
        }

        return new MapPageModel(
            filter,
            [.. map.Units.Select(u => (u.Id, u.Name)).OrderBy(u => u.Name, StringComparer.CurrentCulture)],
            [.. map.Lanes.Select(l => (l.Id, l.Name))],
            matching.Count,
            [.. shown.Select(Node)],
            partners,
            edges,
            between.Count - edges.Count,
            tooMany,
            coverage,
            circles,
            selected);
    }

    private static bool Matches(Person p, MapFilter filter, HashSet<string>? inLane) =>
        (filter.Unit is not { Length: > 0 } unit || p.UnitId == unit)
        && (filter.Query is not { Length: > 0 } query || p.Name.Contains(query.Trim(), StringComparison.CurrentCultureIgnoreCase))
        && (filter.Lane is not { Length: > 0 } lane || p.Teaches.Contains(lane, StringComparer.Ordinal) || p.NeedsLanes.Contains(lane, StringComparer.Ordinal)
            || inLane?.Contains(p.Id) == true);

    private static string Lanes(Mentorship m, IReadOnlyDictionary<string, string> laneNames) =>
        string.Join(", ", m.Lanes.Select(l => laneNames.GetValueOrDefault(l, l)));
}
