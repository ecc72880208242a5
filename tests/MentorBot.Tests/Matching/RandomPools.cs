using MentorBot.Features.Map;
using MentorBot.Features.Matching;

namespace MentorBot.Tests.Matching;

/// <summary>Seeded random pools: few lanes, zones and shifts so that ties, conflicts and every rule come up often.</summary>
internal static class RandomPools
{
    private static readonly string[] Lanes = ["clinical-judgment", "documentation", "family-communication"];
    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Asia/Kolkata"];
    private static readonly string?[] Units = ["ward-1", "ward-2", null];

    private static readonly WorkingHours[] Shifts =
    [
        WorkingHours.Default,
        new([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday], new(7, 0), new(19, 0)),
        new([DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday], new(20, 0), new(8, 0)),
    ];

    public static MatchRequest Create(Random random, int menteeCount, int mentorCount)
    {
        var mentors = new List<MentorOffer>();
        for (var i = 0; i < mentorCount; i++)
        {
            var capacity = random.Next(0, 4);
            var person = Person(random, $"mentor-{i}", (Level)random.Next(0, 4), null, capacity, Some(random, 0));
            mentors.Add(new(person, random.Next(0, capacity + 1)));
        }

        var mentees = new List<MenteeRequest>();
        var past = new List<PastPairing>();
        for (var i = 0; i < menteeCount; i++)
        {
            var manager = random.Next(3) == 0 && mentorCount > 0 ? $"mentor-{random.Next(mentorCount)}" : null;
            var person = Person(random, $"mentee-{i}", (Level)random.Next(0, 3), manager, 0, []);
            var twin = mentorCount > 0 ? mentors[random.Next(mentorCount)].Mentor : null;
            if (twin is not null && random.Next(8) == 0 && mentees.TrueForAll(m => m.Mentee.Id != twin.Id))
            {
                // Someone in both lists: they must never mentor themself.
                person = twin;
            }

            var needs = Some(random, 1).Select(l => new LaneNeed(l, random.Next(1, 4))).ToList();
            mentees.Add(new(person, needs));
            if (random.Next(3) == 0 && mentorCount > 0)
            {
                past.Add(new($"mentor-{random.Next(mentorCount)}", person.Id, MatchingFixtures.Week.AddDays(-random.Next(0, 400))));
            }
        }

        var kind = random.Next(5) == 0 ? MentorshipKind.Peer : MentorshipKind.Lane;
        var units = (UnitPreference)random.Next(0, 3);
        return new(mentees, mentors, PairingHistory.Split(past, MatchingFixtures.Week, 6), new(MatchingFixtures.Week, kind, units), MatchingFixtures.Lanes);
    }

    private static Person Person(Random random, string id, Level level, string? manager, int capacity, IReadOnlyList<string> teaches) =>
        MatchingFixtures.Person(id, level, teaches, capacity, Units[random.Next(Units.Length)], manager, Zones[random.Next(Zones.Length)], Shifts[random.Next(Shifts.Length)]);

    private static List<string> Some(Random random, int atLeast)
    {
        var some = Lanes.Where(_ => random.Next(2) == 0).ToList();
        if (some.Count < atLeast)
        {
            some.Add(Lanes[random.Next(Lanes.Length)]);
        }

        return some;
    }
}
