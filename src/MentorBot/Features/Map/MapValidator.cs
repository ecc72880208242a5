using MentorBot.Features.Map.File;

namespace MentorBot.Features.Map;

/// <summary>
/// Checks a whole map file and reports every problem with its JSON path, or returns the validated map.
/// Pure: no clock, no I/O.
/// </summary>
internal static class MapValidator
{
    public const string DefaultTimeZone = "America/Chicago";

    public static (MentorshipMap? Map, IReadOnlyList<MapProblem> Problems) Validate(MapDocument document)
    {
        var problems = new List<MapProblem>();
        void Problem(string location, string message) => problems.Add(new MapProblem(location, message));

        var programmeZone = document.Programme?.TimeZone ?? DefaultTimeZone;
        if (!MapValues.IsTimeZone(programmeZone))
        {
            Problem("$.programme.timeZone", $"'{programmeZone}' is not an IANA time zone such as America/Chicago.");
            programmeZone = DefaultTimeZone;
        }

        // References are checked against what the file declares, so one broken record does not make every
        // mention of it an "unknown" error as well.
        var lanes = ValidateLanes(document.Lanes ?? [], Problem);
        var laneIds = Ids(document.Lanes, l => l.Id);
        var personIds = Ids(document.People, p => p.Id);
        var left = Leavers(document.People ?? [], Problem);

        // Someone who has left can no longer take concerns, facilitate, belong to a circle or lead a scope.
        var here = personIds.Where(id => !left.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        var units = ValidateUnits(document.Units ?? [], here, Problem);
        var unitIds = Ids(document.Units, u => u.Id);
        var ladder = LadderRules.Validate(document.Ladder, laneIds, Problem);
        var stepIds = ladder.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var people = PeopleRules.Validate(document.People ?? [], laneIds, unitIds, programmeZone, Problem, stepIds);
        var byId = people.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var mentorships = MentorshipRules.Validate(document.Mentorships ?? [], byId, personIds, laneIds, Problem);
        ReportPairingsWithLeavers(document.Mentorships ?? [], left, Problem);

        var circles = ValidateCircles(document.Circles ?? [], here, laneIds, Problem);
        var scopes = ValidateScopes(document.LeaderScopes ?? [], here, unitIds, Problem);

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var former = people.Where(p => left.ContainsKey(p.Id)).Select(p => new FormerPerson(p, left[p.Id].On, left[p.Id].Reason)).ToList();
        var map = new MentorshipMap(
            document.Programme?.Name?.Trim() is { Length: > 0 } name ? name : "Mentorship programme", lanes, units,
            [.. people.Where(p => !left.ContainsKey(p.Id))], mentorships, circles, scopes, ladder, former);
        return (map, problems);
    }

    private static Dictionary<string, (DateOnly On, EndReason Reason)> Leavers(List<PersonEntry> entries, Action<string, string> problem)
    {
        var left = new Dictionary<string, (DateOnly On, EndReason Reason)>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (PersonGrowthRules.Left(entries[i], $"$.people[{i}]", problem) is { } l && entries[i].Id is { } id)
            {
                left.TryAdd(id, l);
            }
        }

        return left;
    }

    private static void ReportPairingsWithLeavers(List<MentorshipEntry> entries, Dictionary<string, (DateOnly On, EndReason Reason)> left, Action<string, string> problem)
    {
        if (left.Count == 0)
        {
            return;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var open = !string.Equals(e.Status, "ended", StringComparison.OrdinalIgnoreCase);
            foreach (var who in new[] { e.Mentor, e.Mentee })
            {
                if (open && who is not null && left.ContainsKey(who))
                {
                    problem($"$.mentorships[{i}]", $"'{who}' has left (people[].left): end this pairing (status: ended) or remove it.");
                }
            }
        }
    }

    private static HashSet<string> Ids<T>(IEnumerable<T>? items, Func<T, string?> id) =>
        (items ?? []).Select(id).Where(i => i is not null).Select(i => i!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reports a missing, malformed or repeated id; true when the id is usable.</summary>
    internal static bool CheckId(string? id, string location, HashSet<string> seen, string what, Action<string, string> problem)
    {
        if (!MapValues.IsId(id))
        {
            problem(location, id is null ? $"A {what} needs an id." : $"'{id}' is not a valid id: use letters, digits, '-', '_' or '.'.");
            return false;
        }

        if (!seen.Add(id!))
        {
            problem(location, $"Duplicate {what} id '{id}'.");
            return false;
        }

        return true;
    }

    private static List<Lane> ValidateLanes(List<LaneEntry> entries, Action<string, string> problem)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lanes = new List<Lane>();
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"$.lanes[{i}]";
            var entry = entries[i];
            var ok = CheckId(entry.Id, at + ".id", seen, "lane", problem);
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                problem(at + ".name", "A lane needs a name.");
                ok = false;
            }

            if (ok)
            {
                lanes.Add(new Lane(entry.Id!, entry.Name!.Trim(), entry.Description?.Trim() ?? string.Empty));
            }
        }

        return lanes;
    }

    private static List<Unit> ValidateUnits(List<UnitEntry> entries, HashSet<string> personIds, Action<string, string> problem)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var units = new List<Unit>();
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"$.units[{i}]";
            var entry = entries[i];
            var ok = CheckId(entry.Id, at + ".id", seen, "unit", problem);
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                problem(at + ".name", "A unit needs a name.");
                ok = false;
            }

            if (entry.EscalationContact is { } contact && !personIds.Contains(contact))
            {
                problem(at + ".escalationContact", $"Unknown person '{contact}'.");
                ok = false;
            }

            if (ok)
            {
                units.Add(new Unit(entry.Id!, entry.Name!.Trim(), entry.EscalationContact));
            }
        }

        return units;
    }

    private static List<Circle> ValidateCircles(List<CircleEntry> entries, HashSet<string> personIds, HashSet<string> laneIds, Action<string, string> problem)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var circles = new List<Circle>();
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"$.circles[{i}]";
            var entry = entries[i];
            var ok = CheckId(entry.Id, at + ".id", seen, "circle", problem);
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                problem(at + ".name", "A circle needs a name.");
                ok = false;
            }

            if (string.IsNullOrWhiteSpace(entry.Facilitator))
            {
                problem(at + ".facilitator", "A circle needs a facilitator.");
                ok = false;
            }
            else if (!personIds.Contains(entry.Facilitator))
            {
                problem(at + ".facilitator", $"Unknown person '{entry.Facilitator}'.");
                ok = false;
            }

            var members = entry.Members ?? [];
            for (var m = 0; m < members.Count; m++)
            {
                if (!personIds.Contains(members[m]))
                {
                    problem($"{at}.members[{m}]", $"Unknown person '{members[m]}'.");
                    ok = false;
                }
            }

            if (members.Count == 0)
            {
                problem(at + ".members", "A circle needs at least one member.");
                ok = false;
            }

            if (entry.Lane is { } lane && !laneIds.Contains(lane))
            {
                problem(at + ".lane", $"Unknown lane '{lane}'.");
                ok = false;
            }

            var kind = entry.Kind?.ToLowerInvariant() ?? "peer";
            if (kind is not ("peer" or "debrief"))
            {
                problem(at + ".kind", $"'{entry.Kind}' is not a circle kind: use peer or debrief.");
                ok = false;
            }

            var cadence = CadenceRules.Read(entry.Cadence, at + ".cadence", problem, CadenceFrequency.Monthly);
            if (ok && cadence is not null)
            {
                circles.Add(new Circle(entry.Id!, entry.Name!.Trim(), kind, entry.Facilitator!, [.. members.Distinct(StringComparer.Ordinal)], entry.Lane, cadence));
            }
        }

        return circles;
    }

    private static List<LeaderScope> ValidateScopes(List<LeaderScopeEntry> entries, HashSet<string> personIds, HashSet<string> unitIds, Action<string, string> problem)
    {
        var scopes = new List<LeaderScope>();
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"$.leaderScopes[{i}]";
            var entry = entries[i];
            if (entry.Leader is null || !personIds.Contains(entry.Leader))
            {
                problem(at + ".leader", entry.Leader is null ? "A leader scope needs a leader." : $"Unknown person '{entry.Leader}'.");
                continue;
            }

            var units = entry.Units ?? [];
            if (units.Count == 0 && entry.ReportingLine != true && entry.Organisation != true)
            {
                problem(at, "Say what the leader's digest covers: units, reportingLine: true or organisation: true.");
            }

            for (var u = 0; u < units.Count; u++)
            {
                if (unitIds.Contains(units[u]))
                {
                    scopes.Add(new LeaderScope(entry.Leader, LeaderScopeKind.Unit, units[u]));
                }
                else
                {
                    problem($"{at}.units[{u}]", $"Unknown unit '{units[u]}'.");
                }
            }

            if (entry.ReportingLine == true)
            {
                scopes.Add(new LeaderScope(entry.Leader, LeaderScopeKind.ReportingLine, null));
            }

            if (entry.Organisation == true)
            {
                scopes.Add(new LeaderScope(entry.Leader, LeaderScopeKind.Organisation, null));
            }
        }

        return [.. scopes.Distinct()];
    }
}
