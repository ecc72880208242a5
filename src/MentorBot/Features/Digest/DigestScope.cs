using MentorBot.Features.Map;

namespace MentorBot.Features.Digest;

/// <summary>
/// Who a digest covers: the whole organisation, or some units and (optionally) everyone under one leader through the
/// manager chain. Built from a leader's lines in <c>map_leader_scopes</c>; a leader may hold several.
/// </summary>
internal sealed record DigestScope(bool Organisation, IReadOnlyList<string> UnitIds, string? ReportingLineOf)
{
    public static DigestScope Everyone { get; } = new(true, [], null);

    public bool IsEmpty => !Organisation && UnitIds.Count == 0 && ReportingLineOf is null;

    /// <summary>The scope a leader's lines add up to: the organisation wins over everything else.</summary>
    public static DigestScope For(string leaderId, IEnumerable<LeaderScope> lines)
    {
        var mine = lines.Where(l => l.LeaderId == leaderId).ToList();
        if (mine.Any(l => l.Kind == LeaderScopeKind.Organisation))
        {
            return Everyone;
        }

        var units = mine.Where(l => l.Kind == LeaderScopeKind.Unit && !string.IsNullOrEmpty(l.UnitId))
            .Select(l => l.UnitId!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new DigestScope(false, units, mine.Any(l => l.Kind == LeaderScopeKind.ReportingLine) ? leaderId : null);
    }

    /// <summary>The people this scope covers, from the map in memory (the SQL in <see cref="ScopeSql"/> says the same).</summary>
    public IReadOnlyList<Person> Members(IReadOnlyList<Person> people)
    {
        if (Organisation)
        {
            return people;
        }

        var line = ReportingLineOf is null ? new HashSet<string>(StringComparer.Ordinal) : ReportingLine(ReportingLineOf, people);
        return [.. people.Where(p => (p.UnitId is not null && UnitIds.Contains(p.UnitId, StringComparer.Ordinal)) || line.Contains(p.Id))];
    }

    internal static HashSet<string> ReportingLine(string leaderId, IReadOnlyList<Person> people) =>
        ReportingLine(leaderId, people.Select(p => (p.Id, p.ManagerId)));

    /// <summary>Everyone under <paramref name="leaderId"/>, directly or not; a cycle in the manager chain ends the walk.</summary>
    internal static HashSet<string> ReportingLine(string leaderId, IEnumerable<(string Id, string? ManagerId)> people)
    {
        var reports = people.Where(p => p.ManagerId is not null).ToLookup(p => p.ManagerId!, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var next = new Queue<string>([leaderId]);
        while (next.TryDequeue(out var manager))
        {
            foreach (var report in reports[manager])
            {
                if (report.Id != leaderId && found.Add(report.Id))
                {
                    next.Enqueue(report.Id);
                }
            }
        }

        return found;
    }
}
