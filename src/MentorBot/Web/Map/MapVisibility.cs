using MentorBot.Features.Digest;
using MentorBot.Features.Growth;
using MentorBot.Features.Map;

namespace MentorBot.Web.Map;

/// <summary>
/// Whose pairings a reader may see on the map (pure): everyone's for an admin or an organisation-wide leader; their
/// units' or reporting line's for a leader; their unit's for its leads and managers; otherwise only the pairings they are
/// part of. People, levels, lanes and mentor capacity are the programme's structure and visible to everyone in it.
/// </summary>
internal sealed class MapVisibility
{
    private readonly Person _reader;
    private readonly HashSet<string>? _people;

    private MapVisibility(Person reader, HashSet<string>? people)
    {
        _reader = reader;
        _people = people;
    }

    public static MapVisibility For(Person reader, MentorshipMap map)
    {
        var scopes = map.LeaderScopes.Where(s => s.LeaderId == reader.Id).ToList();
        if (reader.IsAdmin || scopes.Any(s => s.Kind == LeaderScopeKind.Organisation))
        {
            return new MapVisibility(reader, null);
        }

        var units = scopes.Where(s => s.Kind == LeaderScopeKind.Unit && s.UnitId is not null).Select(s => s.UnitId!).ToHashSet(StringComparer.Ordinal);
        var people = map.People.Where(p => p.UnitId is not null && (units.Contains(p.UnitId) || GrowthAccess.LeadsUnitOf(reader, p))).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (scopes.Any(s => s.Kind == LeaderScopeKind.ReportingLine))
        {
            people.UnionWith(DigestScope.ReportingLine(reader.Id, map.People));
        }

        return new MapVisibility(reader, people);
    }

    public bool SeesAll => _people is null;

    public bool MaySee(Mentorship pairing) =>
        _people is null || pairing.MentorId == _reader.Id || pairing.MenteeId == _reader.Id || _people.Contains(pairing.MenteeId);

    public bool MaySeeMembers(Circle circle) =>
        _people is null || circle.FacilitatorId == _reader.Id || circle.MemberIds.Contains(_reader.Id) || _people.Contains(circle.FacilitatorId);
}
