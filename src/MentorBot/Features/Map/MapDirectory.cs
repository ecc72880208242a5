using System.Collections.Concurrent;
using Dapper;
using MentorBot.Persistence;

namespace MentorBot.Features.Map;

/// <summary>
/// Read-side queries over the imported map: who someone is, and who they mentor or learn from.
/// Each person's place in the map is kept in memory once read: every turn authorises against it, often more than once.
/// Before a remembered copy is used, the stored change counter (<see cref="MapGeneration"/>, one single-row read) is
/// compared, at most once per <see cref="Recheck"/> (a turn reads the map several times within a few milliseconds), so
/// a change made by any other process (the CLI, a second instance) is seen by the next turn.
/// </summary>
internal sealed class MapDirectory
{
    /// <summary>How long a comparison with the stored change counter stands.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(50);

    private const int MaxRemembered = 50_000;
    private readonly Database _database;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, PersonMap?> _maps = new(StringComparer.Ordinal);
    private long _epoch;
    private long _storedGeneration = -1;
    private long _checkedAt;

    public MapDirectory(Database database, MapGeneration generation, TimeProvider time)
    {
        _database = database;
        _time = time;
        generation.Changed += Forget;
    }

    public async Task<Person?> FindByAadObjectIdAsync(string aadObjectId, CancellationToken cancellationToken) =>
        (await LoadPersonMapAsync(aadObjectId, cancellationToken))?.Person;

    public async Task<Person?> FindByIdAsync(string personId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition(
            $"SELECT {MapRows.PersonColumns} FROM map_people WHERE id = @personId AND active = 1", new { personId }, cancellationToken: cancellationToken));
        return row is null ? null : MapRows.ToPerson(row);
    }

    /// <summary>Object ids of people in the map with no active 1:1 conversation with the bot.</summary>
    public async Task<IReadOnlyList<string>> UnreachableObjectIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT p.aad_object_id FROM map_people p
            WHERE p.active = 1 AND p.aad_object_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM conversation_references c
                WHERE c.aad_object_id = p.aad_object_id AND c.conversation_type = 'personal' AND c.status = 'active')
            ORDER BY p.aad_object_id
            """,
            cancellationToken: cancellationToken))];
    }

    /// <summary>Everything about one person's place in the map: from memory, or read in a handful of queries.</summary>
    public async Task<PersonMap?> LoadPersonMapAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var key = aadObjectId.ToLowerInvariant();
        await CheckStoredGenerationAsync(cancellationToken);
        if (_maps.TryGetValue(key, out var remembered))
        {
            return remembered;
        }

        var epoch = Interlocked.Read(ref _epoch);
        var map = await ReadPersonMapAsync(key, cancellationToken);
        if (_maps.Count >= MaxRemembered)
        {
            _maps.Clear();
        }

        // Only keep what was read with no change in between; a change that raced this read leaves it out.
        if (Interlocked.Read(ref _epoch) == epoch)
        {
            _maps.TryAdd(key, map);
        }

        return map;
    }

    private void Forget()
    {
        Interlocked.Increment(ref _epoch);
        Interlocked.Exchange(ref _checkedAt, 0);
        _maps.Clear();
    }

    private async Task CheckStoredGenerationAsync(CancellationToken cancellationToken)
    {
        var checkedAt = Interlocked.Read(ref _checkedAt);
        if (checkedAt != 0 && _time.GetElapsedTime(checkedAt) < Recheck)
        {
            return;
        }

        var now = _time.GetTimestamp();
        var stored = await MapGeneration.ReadAsync(_database, cancellationToken);
        if (stored != Interlocked.Exchange(ref _storedGeneration, stored))
        {
            Forget();
        }

        Interlocked.Exchange(ref _checkedAt, now);
    }

    /// <summary>One person's map, read like a batch of one (<see cref="LoadPersonMapsAsync"/>).</summary>
    private async Task<PersonMap?> ReadPersonMapAsync(string aad, CancellationToken cancellationToken)
    {
        Person person;
        await using (var connection = await _database.OpenAsync(cancellationToken))
        {
            var row = await connection.QueryFirstOrDefaultAsync<PersonRow>(new CommandDefinition(
                $"SELECT {MapRows.PersonColumns} FROM map_people WHERE aad_object_id = @aad AND active = 1",
                new { aad },
                cancellationToken: cancellationToken));
            if (row is null)
            {
                return null;
            }

            person = MapRows.ToPerson(row);
        }

        return (await LoadPersonMapsAsync([person], cancellationToken))[person.Id];
    }

    /// <summary>Several people by id at once (the active ones found), keyed by id.</summary>
    public async Task<IReadOnlyDictionary<string, Person>> FindByIdsAsync(string[] personIds, CancellationToken cancellationToken)
    {
        if (personIds.Length == 0)
        {
            return new Dictionary<string, Person>(StringComparer.Ordinal);
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PersonRow>(new CommandDefinition(
            $"SELECT {MapRows.PersonColumns} FROM map_people WHERE {_database.AnyOf("id", "ids")} AND active = 1", new { ids = personIds }, cancellationToken: cancellationToken));
        return rows.Select(MapRows.ToPerson).ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// <see cref="LoadPersonMapAsync"/> for several people at once, on one connection with six queries whatever their
    /// number (an outbox batch renders its cards with it), keyed by person id.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, PersonMap>> LoadPersonMapsAsync(IReadOnlyCollection<Person> people, CancellationToken cancellationToken)
    {
        var maps = new Dictionary<string, PersonMap>(StringComparer.Ordinal);
        if (people.Count == 0)
        {
            return maps;
        }

        var ids = people.Select(p => p.Id).ToArray();
        await using var connection = await _database.OpenAsync(cancellationToken);
        var mentorships = (await connection.QueryAsync<MentorshipRow>(new CommandDefinition(
            $"SELECT {MapRows.MentorshipColumns} FROM map_mentorships WHERE ({_database.AnyOf("mentor_id", "ids")} OR {_database.AnyOf("mentee_id", "ids")}) AND status <> 'ended' ORDER BY start_date, id",
            new { ids },
            cancellationToken: cancellationToken))).Select(MapRows.ToMentorship).ToList();
        var circles = (await connection.QueryAsync<CircleRow>(new CommandDefinition(
            $"SELECT {MapRows.CircleColumns} FROM map_circles WHERE active = 1 ORDER BY name",
            cancellationToken: cancellationToken))).Select(MapRows.ToCircle).ToList();
        var scopes = (await connection.QueryAsync<(string LeaderId, string Kind)>(new CommandDefinition(
            $"SELECT leader_id, kind FROM map_leader_scopes WHERE {_database.AnyOf("leader_id", "ids")}",
            new { ids },
            cancellationToken: cancellationToken))).ToLookup(s => s.LeaderId, s => Enum.Parse<LeaderScopeKind>(s.Kind, ignoreCase: true), StringComparer.Ordinal);

        var mine = people.ToDictionary(
            p => p.Id,
            p => (Mentorships: new List<Mentorship>(), Circles: circles.Where(c => c.FacilitatorId == p.Id || c.MemberIds.Contains(p.Id, StringComparer.Ordinal)).ToList()),
            StringComparer.Ordinal);
        foreach (var mentorship in mentorships)
        {
            foreach (var id in new[] { mentorship.MentorId, mentorship.MenteeId }.Distinct(StringComparer.Ordinal))
            {
                if (mine.TryGetValue(id, out var theirs))
                {
                    theirs.Mentorships.Add(mentorship);
                }
            }
        }

        var others = people.SelectMany(p => mine[p.Id].Mentorships.SelectMany(m => new[] { m.MentorId, m.MenteeId })
                .Concat(mine[p.Id].Circles.Select(c => c.FacilitatorId)).Append(p.ManagerId ?? p.Id).Where(id => id != p.Id))
            .Distinct(StringComparer.Ordinal).ToArray();
        var names = others.Length == 0
            ? new Dictionary<string, PersonName>(StringComparer.Ordinal)
            : (await connection.QueryAsync<(string Id, string Name, string TimeZone)>(new CommandDefinition(
                $"SELECT id, name, time_zone FROM map_people WHERE {_database.AnyOf("id", "ids")}", new { ids = others }, cancellationToken: cancellationToken)))
                .ToDictionary(r => r.Id, r => new PersonName(r.Name, r.TimeZone), StringComparer.Ordinal);
        var lanes = (await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM map_lanes", cancellationToken: cancellationToken))).ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        var unitIds = people.Select(p => p.UnitId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var units = unitIds.Length == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : (await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition(
                $"SELECT id, name FROM map_units WHERE {_database.AnyOf("id", "ids")}", new { ids = unitIds }, cancellationToken: cancellationToken)))
                .ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);

        foreach (var person in people)
        {
            var theirs = mine[person.Id];
            var theirNames = theirs.Mentorships.SelectMany(m => new[] { m.MentorId, m.MenteeId }).Concat(theirs.Circles.Select(c => c.FacilitatorId)).Append(person.ManagerId ?? person.Id)
                .Where(id => id != person.Id && names.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => names[id], StringComparer.Ordinal);
            maps[person.Id] = new PersonMap(
                person,
                person.UnitId is null ? null : units.GetValueOrDefault(person.UnitId),
                theirs.Mentorships,
                theirs.Circles,
                [.. scopes[person.Id]],
                theirNames,
                lanes);
        }

        return maps;
    }
}

/// <summary>One person's place in the map, with the names needed to show it.</summary>
internal sealed record PersonMap(
    Person Person,
    string? UnitName,
    IReadOnlyList<Mentorship> Mentorships,
    IReadOnlyList<Circle> Circles,
    IReadOnlyList<LeaderScopeKind> LeaderScopes,
    IReadOnlyDictionary<string, PersonName> Names,
    IReadOnlyDictionary<string, string> LaneNames)
{
    public IEnumerable<Mentorship> AsMentee => Mentorships.Where(m => m.MenteeId == Person.Id);

    public IEnumerable<Mentorship> AsMentor => Mentorships.Where(m => m.MentorId == Person.Id);

    public string NameOf(string personId) => personId == Person.Id ? Person.Name : Names.TryGetValue(personId, out var name) ? name.Name : personId;

    public string TimeZoneOf(string personId) => personId == Person.Id ? Person.TimeZone : Names.TryGetValue(personId, out var name) ? name.TimeZone : Person.TimeZone;

    public string LaneName(string laneId) => LaneNames.TryGetValue(laneId, out var name) ? name : laneId;
}

internal sealed record PersonName(string Name, string TimeZone);
