using System.Text.Json.Nodes;
using MentorBot.Features.Map;
using MentorBot.Features.Map.File;

namespace MentorBot.Tests.Map;

/// <summary>The ladder section and the people's ladder fields (step, first shift, left), on the small fixture map.</summary>
public sealed class LadderValidationTests
{
    [Fact]
    public void A_valid_ladder_keeps_its_steps_in_order_with_their_competencies_and_onboarding_phases()
    {
        var (map, problems) = Validate(MapFixtures.WithLadder());

        Assert.Empty(problems);
        var ladder = map!.Ladder;
        var track = Assert.Single(ladder.Tracks);
        Assert.Equal(["caregiver", "senior-caregiver"], track.Steps.Select(s => s.Id));
        Assert.Equal([0, 1], track.Steps.Select(s => s.Position));
        var caregiver = ladder.Step("caregiver")!;
        Assert.Equal(Level.Staff, caregiver.Level);
        Assert.Equal(["cg-vitals", "cg-notes", "cg-handover"], caregiver.Competencies.Select(c => c.Id));
        Assert.Equal([ValidationMethod.Demonstration, ValidationMethod.Observation], ladder.Find("cg-vitals")!.Methods);
        Assert.Equal([ValidatorRole.Mentors, ValidatorRole.UnitLeads], ladder.Find("cg-vitals")!.Validators);
        Assert.Equal("caregiver", ladder.Find("cg-handover")!.StepId);
        Assert.Equal(OnboardingPhase.Observe, caregiver.Onboarding["cg-vitals"]);
        Assert.Equal(OnboardingPhase.PractiseWithSupport, caregiver.Onboarding["cg-notes"]);
        Assert.False(caregiver.Onboarding.ContainsKey("cg-handover"));
        Assert.Equal("senior-caregiver", ladder.Next("caregiver")!.Id);
        Assert.Null(ladder.Next("senior-caregiver"));
        Assert.True(ladder.IsPromotion("caregiver", "senior-caregiver"));
        Assert.False(ladder.IsPromotion("senior-caregiver", "caregiver"));
        var sam = map.People.Single(p => p.Id == "sam");
        Assert.Equal(("caregiver", new DateOnly(2026, 11, 3)), (sam.StepId, sam.FirstShift));
        Assert.Equal(new DateOnly(2026, 11, 3), sam.FirstShiftOrStart);
    }

    [Fact]
    public void A_map_without_a_ladder_has_an_empty_one_and_people_without_a_step()
    {
        var (map, problems) = Validate(MapFixtures.Valid());

        Assert.Empty(problems);
        Assert.Empty(map!.Ladder.Tracks);
        Assert.All(map.People, p => Assert.Null(p.StepId));
    }

    public static TheoryData<string, string, string> Breakages => new()
    {
        { "unknown lane", "$.ladder.tracks[0].steps[0].competencies[0].lane", "Unknown lane 'nope'." },
        { "no lane", "$.ladder.tracks[0].steps[0].competencies[1].lane", "A competency needs the lane it belongs to." },
        { "competency id on two steps", "$.ladder.tracks[0].steps[1].competencies[0].id", "Duplicate competency id 'cg-vitals'." },
        { "step id on two tracks", "$.ladder.tracks[1].steps[0].id", "Duplicate step id 'caregiver'." },
        { "track without steps", "$.ladder.tracks[0].steps", "A track needs at least one step" },
        { "track without a name", "$.ladder.tracks[0].name", "A track needs a name." },
        { "unknown method", "$.ladder.tracks[0].steps[0].competencies[0].methods[1]", "'hearsay' is unknown" },
        { "no methods", "$.ladder.tracks[0].steps[0].competencies[1].methods", "how it is validated" },
        { "unknown validator", "$.ladder.tracks[0].steps[0].competencies[0].validators[0]", "'anyone' is unknown" },
        { "no validators", "$.ladder.tracks[0].steps[0].competencies[2].validators", "who may validate it" },
        { "bad step level", "$.ladder.tracks[0].steps[0].level", "'boss' is not a level" },
        { "onboarding from another step", "$.ladder.tracks[0].steps[0].onboarding.observe[1]", "'sc-early-warning' is not one of this step's competencies." },
        { "onboarding twice", "$.ladder.tracks[0].steps[0].onboarding.practiseIndependently[0]", "'cg-vitals' is already listed for the observe phase" },
        { "unknown person step", "$.people[3].step", "Unknown ladder step 'astronaut'" },
        { "first shift before start", "$.people[3].firstShift", "before the start date" },
        { "bad first shift", "$.people[3].firstShift", "is not a date" },
        { "left without a day", "$.people[4].left.on", "Say when the person left" },
        { "left without a reason", "$.people[4].left.reason", "Say why the person left" },
        { "left as unspecified", "$.people[4].left.reason", "'unspecified' is not a reason" },
        { "open pairing with a leaver", "$.mentorships[1]", "'pat' has left" },
        { "leaver in a circle", "$.circles[0].members[1]", "Unknown person 'pat'" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Each_ladder_breakage_is_reported_at_its_json_path(string breakage, string location, string message)
    {
        var doc = MapFixtures.WithLadder();
        Break(doc, breakage);

        var (map, problems) = Validate(doc);

        Assert.Null(map);
        Assert.True(
            problems.Any(p => p.Location == location && p.Message.Contains(message, StringComparison.Ordinal)),
            $"{breakage}: expected '{message}' at {location}, got:\n" + string.Join("\n", problems.Select(p => $"{p.Location}  {p.Message}")));
    }

    [Fact]
    public void A_person_who_has_left_is_kept_out_of_the_people_and_listed_as_former_with_the_day_and_reason()
    {
        var doc = MapFixtures.WithLadder();
        Break(doc, "leaver");
        doc["mentorships"]![1]!["status"] = "ended";
        doc["circles"]![0]!["members"] = new JsonArray("sam");

        var (map, problems) = Validate(doc);

        Assert.Empty(problems);
        Assert.DoesNotContain(map!.People, p => p.Id == "pat");
        var pat = Assert.Single(map.Leavers);
        Assert.Equal(("pat", new DateOnly(2026, 11, 20), EndReason.MovedUnit), (pat.Person.Id, pat.LeftOn, pat.Reason));
        Assert.Equal("senior-caregiver", pat.Person.StepId);
        Assert.Contains(map.Mentorships, m => m.MentorId == "pat" && m.Status == MentorshipStatus.Ended);
    }

    [Fact]
    public void Every_ladder_problem_is_reported_in_one_run()
    {
        var doc = MapFixtures.WithLadder();
        foreach (var breakage in new[] { "unknown lane", "unknown method", "onboarding twice", "unknown person step" })
        {
            Break(doc, breakage);
        }

        var (_, problems) = Validate(doc);

        Assert.Contains(problems, p => p.Location == "$.ladder.tracks[0].steps[0].competencies[0].lane");
        Assert.Contains(problems, p => p.Location == "$.ladder.tracks[0].steps[0].competencies[0].methods[1]");
        Assert.Contains(problems, p => p.Location == "$.ladder.tracks[0].steps[0].onboarding.practiseIndependently[0]");
        Assert.Contains(problems, p => p.Location == "$.people[3].step");
    }

    private static (MentorshipMap? Map, IReadOnlyList<MapProblem> Problems) Validate(JsonObject doc)
    {
        var (document, shapeProblems) = MapFileReader.ReadJson(doc.ToJsonString());
        Assert.Empty(shapeProblems);
        return MapValidator.Validate(document!);
    }

    private static void Break(JsonObject doc, string breakage)
    {
        var tracks = doc["ladder"]!["tracks"]!.AsArray();
        var steps = tracks[0]!["steps"]!.AsArray();
        var competencies = steps[0]!["competencies"]!.AsArray();
        var people = doc["people"]!.AsArray();
        switch (breakage)
        {
            case "unknown lane": competencies[0]!["lane"] = "nope"; break;
            case "no lane": competencies[1]!.AsObject().Remove("lane"); break;
            case "competency id on two steps": steps[1]!["competencies"]![0]!["id"] = "cg-vitals"; break;
            case "step id on two tracks": tracks.Add(JsonNode.Parse("""{ "id": "nursing", "name": "Nursing", "steps": [ { "id": "caregiver", "name": "Care assistant" } ] }""")); break;
            case "track without steps": tracks[0]!["steps"] = new JsonArray(); break;
            case "track without a name": tracks[0]!.AsObject().Remove("name"); break;
            case "unknown method": competencies[0]!["methods"] = new JsonArray("demonstration", "hearsay"); break;
            case "no methods": competencies[1]!["methods"] = new JsonArray(); break;
            case "unknown validator": competencies[0]!["validators"] = new JsonArray("anyone"); break;
            case "no validators": competencies[2]!["validators"] = new JsonArray(); break;
            case "bad step level": steps[0]!["level"] = "boss"; break;
            case "onboarding from another step": steps[0]!["onboarding"]!["observe"] = new JsonArray("cg-vitals", "sc-early-warning"); break;
            case "onboarding twice": steps[0]!["onboarding"]!["practiseIndependently"] = new JsonArray("cg-vitals"); break;
            case "unknown person step": people[3]!["step"] = "astronaut"; break;
            case "first shift before start": people[3]!["firstShift"] = "2026-11-01"; break;
            case "bad first shift": people[3]!["firstShift"] = "3 Nov"; break;
            case "left without a day": people[4]!["left"] = new JsonObject { ["reason"] = "other" }; break;
            case "left without a reason": people[4]!["left"] = new JsonObject { ["on"] = "2026-11-20" }; break;
            case "left as unspecified": people[4]!["left"] = new JsonObject { ["on"] = "2026-11-20", ["reason"] = "unspecified" }; break;
            case "open pairing with a leaver" or "leaver in a circle" or "leaver": people[4]!["left"] = new JsonObject { ["on"] = "2026-11-20", ["reason"] = "moved-unit" }; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage));
        }
    }
}
