using System.Text.Json.Nodes;

namespace MentorBot.Tests.Map;

/// <summary>A small valid map in file form; tests break one thing at a time.</summary>
internal static class MapFixtures
{
    public static JsonObject Valid() => JsonNode.Parse("""
    {
      "programme": { "name": "Test Care", "timeZone": "America/Chicago" },
      "lanes": [
        { "id": "clinical-judgment", "name": "Clinical judgment" },
        { "id": "documentation", "name": "Documentation" }
      ],
      "units": [ { "id": "ward-3", "name": "Ward 3", "escalationContact": "dana" } ],
      "people": [
        { "id": "dana", "name": "Dana Director", "level": "director", "unit": "ward-3", "mentorCapacity": 2, "teaches": ["clinical-judgment"] },
        { "id": "mo", "name": "Mo Manager", "level": "manager", "unit": "ward-3", "manager": "dana", "mentorCapacity": 2, "teaches": ["clinical-judgment", "documentation"], "roles": ["admin"] },
        { "id": "lee", "name": "Lee Lead", "level": "lead", "unit": "ward-3", "manager": "mo", "mentorCapacity": 1, "teaches": ["clinical-judgment", "documentation"] },
        { "id": "sam", "name": "Sam Staff", "aadObjectId": "00000000-0000-0000-0000-000000000099", "level": "staff", "unit": "ward-3", "manager": "lee",
          "timeZone": "America/New_York", "workingHours": { "days": ["mon","tue","wed","thu","fri"], "start": "07:00", "end": "15:30" },
          "quietHours": { "start": "21:00", "end": "06:30" }, "startDate": "2026-11-02", "locale": "en-US" },
        { "id": "pat", "name": "Pat Peer", "level": "staff", "unit": "ward-3", "manager": "lee", "mentorCapacity": 1 }
      ],
      "mentorships": [
        { "id": "m1", "mentor": "mo", "mentee": "sam", "lanes": ["documentation"], "kind": "lane",
          "cadence": { "every": "weekly", "day": "tue", "time": "10:00" }, "startDate": "2026-11-02" },
        { "id": "m2", "mentor": "pat", "mentee": "sam", "lanes": ["clinical-judgment"], "kind": "onboarding-buddy",
          "cadence": { "every": "biweekly", "day": "thu", "time": "13:00" }, "startDate": "2026-11-02" }
      ],
      "circles": [ { "id": "c1", "name": "New starters", "facilitator": "lee", "members": ["sam", "pat"], "lane": "clinical-judgment",
                     "cadence": { "every": "monthly", "day": "wed", "time": "14:00" } } ],
      "leaderScopes": [ { "leader": "mo", "units": ["ward-3"] }, { "leader": "dana", "organisation": true } ]
    }
    """)!.AsObject();

    /// <summary>
    /// The small map with a two-step care ladder: Sam is a new caregiver (Mo mentors him in documentation, Pat is his
    /// clinical-judgment buddy) and Pat a senior caregiver.
    /// </summary>
    public static JsonObject WithLadder()
    {
        var doc = Valid();
        doc["ladder"] = JsonNode.Parse("""
        {
          "tracks": [
            { "id": "care", "name": "Care ladder", "steps": [
              { "id": "caregiver", "name": "Caregiver", "level": "staff",
                "competencies": [
                  { "id": "cg-vitals", "name": "Takes vital signs", "lane": "clinical-judgment", "methods": ["demonstration", "observation", "demonstration"], "validators": ["mentors", "unit-leads"] },
                  { "id": "cg-notes", "name": "Writes care notes", "lane": "documentation", "methods": ["verbal-explanation"], "validators": ["mentors"] },
                  { "id": "cg-handover", "name": "Hands over from the record", "lane": "documentation", "methods": ["demonstration"], "validators": ["unit-managers"] }
                ],
                "onboarding": { "observe": ["cg-vitals"], "practiseWithSupport": ["cg-notes"] } },
              { "id": "senior-caregiver", "name": "Senior caregiver", "level": "staff",
                "competencies": [
                  { "id": "sc-early-warning", "name": "Reads early warning scores", "lane": "clinical-judgment", "methods": ["observation"], "validators": ["unit-leads", "unit-managers"] }
                ] }
            ] }
          ]
        }
        """);
        var people = doc["people"]!.AsArray();
        people[3]!["step"] = "caregiver";
        people[3]!["firstShift"] = "2026-11-03";
        people[4]!["step"] = "senior-caregiver";
        return doc;
    }
}
