using MentorBot.Features.Map;

namespace MentorBot.Web.Map;

/// <summary>What the map page was asked for: a unit (empty for all), a lane, a name to search for, a person to show.</summary>
internal sealed record MapFilter(string? Unit, string? Lane, string? Query, string? Person);

/// <summary>A person on the map; <see cref="Outside"/> when drawn only because they are paired with someone the filter kept.</summary>
internal sealed record MapNode(string Id, string Name, Level Level, string Unit, IReadOnlyList<string> Teaches, int Capacity, int Load, bool IsReader, bool Outside = false);

internal sealed record MapEdge(string MentorId, string MenteeId, MentorshipKind Kind, string Lanes);

internal sealed record LaneCoverage(string Lane, int Mentors, int FreePlaces, int Pairings);

internal sealed record CircleLine(string Name, string? Lane, string Facilitator, int Members, IReadOnlyList<string>? MemberNames);

internal sealed record PairingLine(string PersonId, string OtherName, string Relation, string Lanes, bool Paused);

/// <summary>One person as the reader selected them: their place in the map and the pairings the reader may see.</summary>
internal sealed record PersonPanel(MapNode Person, IReadOnlyList<PairingLine> Pairings, int HiddenPairings, IReadOnlyList<string> Circles);

internal sealed record MapPageModel(
    MapFilter Filter,
    IReadOnlyList<(string Id, string Name)> Units,
    IReadOnlyList<(string Id, string Name)> Lanes,
    int Matching,
    IReadOnlyList<MapNode> Nodes,
    IReadOnlyList<MapNode> Partners,
    IReadOnlyList<MapEdge> Edges,
    int HiddenPairings,
    bool TooManyToDraw,
    IReadOnlyList<LaneCoverage> Coverage,
    IReadOnlyList<CircleLine> Circles,
    PersonPanel? Selected);
