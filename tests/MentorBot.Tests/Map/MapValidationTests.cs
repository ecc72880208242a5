using System.Text.Json.Nodes;
using MentorBot.Features.Map;
using MentorBot.Features.Map.File;

namespace MentorBot.Tests.Map;

public sealed class MapValidationTests
{
    [Fact]
    public void A_valid_map_yields_a_map_and_no_problems()
    {
        var (map, problems) = Validate(MapFixtures.Valid());

        Assert.Empty(problems);
        Assert.NotNull(map);
        Assert.Equal(5, map.People.Count);
        Assert.Equal(MentorshipKind.OnboardingBuddy, map.Mentorships[1].Kind);
        Assert.Equal(new DateOnly(2026, 12, 2), map.Mentorships[0].CalibrationDate);
        Assert.Contains(map.LeaderScopes, s => s is { LeaderId: "dana", Kind: LeaderScopeKind.Organisation });
        Assert.True(map.People.Single(p => p.Id == "mo").IsAdmin);
    }

    public static TheoryData<string, string, string> Breakages => new()
    {
        { "unknown lane", "$.mentorships[0].lanes[0]", "Unknown lane" },
        { "unknown person", "$.mentorships[0].mentee", "Unknown person" },
        { "duplicate person id", "$.people[4].id", "Duplicate person id" },
        { "duplicate aad id", "$.people[4].aadObjectId", "Duplicate aadObjectId" },
        { "mentor is mentee", "$.mentorships[0].mentee", "cannot be their own mentee" },
        { "over capacity", "$.mentorships[3].mentor", "over capacity" },
        { "reporting cycle", "$.people[0].manager", "cycle" },
        { "bad time zone", "$.people[3].timeZone", "IANA" },
        { "windows time zone", "$.people[3].timeZone", "IANA" },
        { "bad cadence", "$.mentorships[0].cadence.every", "not a cadence" },
        { "bad cadence day", "$.mentorships[0].cadence.day", "not a weekday" },
        { "bad cadence time", "$.mentorships[0].cadence.time", "not a time of day" },
        { "circle without facilitator", "$.circles[0].facilitator", "needs a facilitator" },
        { "lane mentor not above", "$.mentorships[1]", "at least one level above" },
        { "manager as lane mentor", "$.mentorships[0].mentor", "line manager" },
        { "lane not taught", "$.mentorships[0].lanes", "does not teach" },
        { "bad level", "$.people[3].level", "not a level" },
        { "bad date", "$.people[3].startDate", "yyyy-MM-dd" },
        { "paused without date", "$.mentorships[0].pausedUntil", "pausedUntil" },
        { "unknown property", "$.people[0].favouriteColour", "Unknown property" },
        { "wrong type", "$.people[0].mentorCapacity", "whole number" },
        { "unknown role", "$.people[0].roles[0]", "Unknown role" },
        { "empty scope", "$.leaderScopes[0]", "Say what the leader's digest covers" },
        { "working hours backwards", "$.people[3].workingHours", "start before they end" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Each_breakage_is_reported_at_its_location(string breakage, string location, string message)
    {
        var doc = MapFixtures.Valid();
        Break(doc, breakage);

        var (map, problems) = Validate(doc);

        Assert.Null(map);
        Assert.Contains(problems, p => p.Location == location && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run()
    {
        var doc = MapFixtures.Valid();
        foreach (var breakage in new[] { "unknown lane", "bad time zone", "reporting cycle", "circle without facilitator", "wrong type", "unknown property" })
        {
            Break(doc, breakage);
        }

        var (_, problems) = Validate(doc);

        Assert.True(problems.Count >= 6, string.Join("\n", problems));
        Assert.Contains(problems, p => p.Location == "$.mentorships[0].lanes[0]");
        Assert.Contains(problems, p => p.Location == "$.people[3].timeZone");
        Assert.Contains(problems, p => p.Message.Contains("cycle", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Location == "$.circles[0].facilitator");
        Assert.Contains(problems, p => p.Location == "$.people[0].mentorCapacity");
        Assert.Contains(problems, p => p.Location == "$.people[0].favouriteColour");
    }

    [Fact]
    public void A_broken_record_does_not_make_every_mention_of_it_unknown()
    {
        var doc = MapFixtures.Valid();
        doc["people"]![1]!["level"] = "boss";

        var (_, problems) = Validate(doc);

        Assert.Equal("$.people[1].level", Assert.Single(problems).Location);
    }

    [Fact]
    public void Json_syntax_errors_give_a_line_and_column()
    {
        var (document, problems) = MapFileReader.ReadJson("{\n  \"people\": [\n    { \"id\": \"a\" \n  ]\n}");

        Assert.Null(document);
        Assert.StartsWith("line ", Assert.Single(problems).Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_maps_read_the_same_and_locate_problems_by_line()
    {
        var yaml = """
            lanes:
              - id: documentation
                name: Documentation
            people:
              - id: lee
                name: Lee Lead
                level: lead
                mentorCapacity: 2
                teaches: [documentation]
              - id: sam
                name: Sam Staff
                level: staff
                manager: lee
                timeZone: Nowhere/Special
            """;

        var (document, shapeProblems) = MapFileReader.ReadYaml(yaml);
        var (_, problems) = MapValidator.Validate(document!);

        Assert.Empty(shapeProblems);
        Assert.Equal(2, document!.People![0].MentorCapacity);
        Assert.Equal("$.people[1].timeZone", Assert.Single(problems).Location);

        var (_, typeProblems) = MapFileReader.ReadYaml("people:\n  - id: x\n    mentorCapacity: lots\n");
        Assert.Equal("$.people[0].mentorCapacity (line 3)", Assert.Single(typeProblems).Location);
    }

    [Fact]
    public void Yaml_scalars_are_read_as_the_declared_type_however_they_are_quoted()
    {
        var yaml = """
            lanes:
              - { id: documentation, name: Documentation }
            units:
              - { id: ward, name: "Ward" }
            people:
              - { id: lee, name: true, level: lead, unit: ward, mentorCapacity: "2", teaches: [documentation] }
              - { id: "007", name: Bond, level: staff, manager: lee }
            leaderScopes:
              - { leader: lee, reportingLine: "true" }
              - { leader: lee, organisation: True }
            """;

        var (document, shapeProblems) = MapFileReader.ReadYaml(yaml);
        var (map, problems) = MapValidator.Validate(document!);

        Assert.Empty(shapeProblems);
        Assert.Empty(problems);
        Assert.Equal("true", map!.People[0].Name);
        Assert.Equal(2, map.People[0].MentorCapacity);
        Assert.Contains(map.LeaderScopes, s => s.Kind == LeaderScopeKind.ReportingLine);
        Assert.Contains(map.LeaderScopes, s => s.Kind == LeaderScopeKind.Organisation);
    }

    [Fact]
    public void The_embedded_demo_map_is_valid_and_casts_the_six_playground_users()
    {
        var today = new DateOnly(2027, 3, 10);
        var map = MentorBot.Features.Map.Demo.DemoMap.Load(today);
        var byAad = map.People.Where(p => p.AadObjectId is not null).ToDictionary(p => p.AadObjectId!);
        Person Playground(int n) => byAad[$"00000000-0000-0000-0000-00000000000{n}"];

        Assert.InRange(map.People.Count, 40, 60);
        Assert.Equal(8, map.Lanes.Count);
        var alex = Playground(20);
        Assert.Equal(Level.Staff, alex.Level);
        Assert.NotEqual(OnboardingPhase.None, Onboarding.PhaseOn(alex.StartDate, today).Phase);
        Assert.True(map.Mentorships.Count(m => m.MenteeId == alex.Id && m.Kind == MentorshipKind.Lane) >= 2 || map.Mentorships.Where(m => m.MenteeId == alex.Id).SelectMany(m => m.Lanes).Distinct().Count() >= 2);
        Assert.Contains(map.Circles, c => c.MemberIds.Contains(alex.Id));
        var megan = Playground(21);
        Assert.Equal(Level.Lead, megan.Level);
        Assert.Contains(map.Mentorships, m => m.MentorId == megan.Id && m.MenteeId == alex.Id);
        Assert.Contains(map.Mentorships, m => m.MenteeId == megan.Id);
        var adele = Playground(22);
        Assert.Equal(Level.Manager, adele.Level);
        Assert.Contains(map.LeaderScopes, s => s.LeaderId == adele.Id && s.UnitId == alex.UnitId);
        Assert.Equal(Level.Staff, Playground(23).Level);
        Assert.Contains(map.LeaderScopes, s => s.LeaderId == Playground(24).Id && s.Kind == LeaderScopeKind.Organisation);
        Assert.True(Playground(25).IsAdmin);
        Assert.InRange(map.People.Count(p => Onboarding.PhaseOn(p.StartDate, today).Phase != OnboardingPhase.None), 3, 12);
    }

    private static (MentorshipMap? Map, IReadOnlyList<MapProblem> Problems) Validate(JsonObject doc)
    {
        var (document, shapeProblems) = MapFileReader.ReadJson(doc.ToJsonString());
        var (map, problems) = MapValidator.Validate(document!);
        return shapeProblems.Count == 0 ? (map, problems) : (null, [.. shapeProblems, .. problems]);
    }

    private static void Break(JsonObject doc, string breakage)
    {
        var people = doc["people"]!.AsArray();
        var mentorships = doc["mentorships"]!.AsArray();
        switch (breakage)
        {
            case "unknown lane": mentorships[0]!["lanes"] = new JsonArray("flying"); break;
            case "unknown person": mentorships[0]!["mentee"] = "nobody"; break;
            case "duplicate person id": people[4]!["id"] = "sam"; break;
            case "duplicate aad id": people[4]!["aadObjectId"] = "00000000-0000-0000-0000-000000000099"; break;
            case "mentor is mentee": mentorships[0]!["mentee"] = "mo"; break;
            case "over capacity":
                mentorships.Add(JsonNode.Parse("""{ "id": "m3", "mentor": "mo", "mentee": "pat", "lanes": ["documentation"], "cadence": { "every": "monthly", "day": "mon", "time": "09:00" }, "startDate": "2026-01-01" }"""));
                mentorships.Add(JsonNode.Parse("""{ "id": "m4", "mentor": "mo", "mentee": "lee", "lanes": ["documentation"], "cadence": { "every": "monthly", "day": "mon", "time": "09:00" }, "startDate": "2026-01-01" }"""));
                people[2]!["manager"] = "dana";
                break;
            case "reporting cycle": people[0]!["manager"] = "lee"; break;
            case "bad time zone": people[3]!["timeZone"] = "Mars/Olympus"; break;
            case "windows time zone": people[3]!["timeZone"] = "Eastern Standard Time"; break;
            case "bad cadence": mentorships[0]!["cadence"]!["every"] = "fortnightly"; break;
            case "bad cadence day": mentorships[0]!["cadence"]!["day"] = "someday"; break;
            case "bad cadence time": mentorships[0]!["cadence"]!["time"] = "25:99"; break;
            case "circle without facilitator": doc["circles"]![0]!.AsObject().Remove("facilitator"); break;
            case "lane mentor not above": mentorships[1]!["kind"] = "lane"; break;
            case "manager as lane mentor": mentorships[0]!["mentor"] = "lee"; break;
            case "lane not taught": mentorships[0]!["lanes"] = new JsonArray("documentation", "clinical-judgment"); mentorships[0]!["mentor"] = "dana"; people[1]!["manager"] = "dana"; break;
            case "bad level": people[3]!["level"] = "nurse"; break;
            case "bad date": people[3]!["startDate"] = "02/11/2026"; break;
            case "paused without date": mentorships[0]!["status"] = "paused"; break;
            case "unknown property": people[0]!["favouriteColour"] = "teal"; break;
            case "wrong type": people[0]!["mentorCapacity"] = "two"; break;
            case "unknown role": people[0]!["roles"] = new JsonArray("superuser"); break;
            case "empty scope": doc["leaderScopes"]![0]!.AsObject().Remove("units"); break;
            case "working hours backwards": people[3]!["workingHours"]!["start"] = "18:00"; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage));
        }
    }
}
