using MentorBot.Features.Map;
using MentorBot.Features.Matching;

namespace MentorBot.Bench;

/// <summary>
/// Made-up but plausible matching pools: eight lanes, a few time zones and shift patterns (nights included), twenty
/// units, most mentees staff, mentors from lead to director with three to eight places, and some pairing history.
/// </summary>
internal static class MatchingPools
{
    private static readonly string[] Zones = ["Europe/London", "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago", "Asia/Kolkata", "Australia/Sydney"];

    private static readonly WorkingHours[] Shifts =
    [
        WorkingHours.Default,
        WorkingHours.Default,
        new([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], new(7, 0), new(17, 0)),
        new([DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday], new(19, 0), new(7, 0)),
        new([DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday], new(14, 0), new(22, 0)),
    ];

    public static IReadOnlyList<Lane> Lanes { get; } =
    [
        new("clinical-judgment", "Clinical judgment", ""),
        new("documentation", "Documentation", ""),
        new("family-communication", "Family communication", ""),
        new("escalation-procedures", "Escalation procedures", ""),
        new("time-management", "Time management", ""),
        new("boundary-setting", "Boundary setting", ""),
        new("emotional-regulation", "Emotional regulation", ""),
        new("leadership-readiness", "Leadership readiness", ""),
    ];

    public static MatchRequest Create(int menteeCount, int mentorCount, int seed)
    {
        var random = new Random(seed);
        var mentors = new List<MentorOffer>(mentorCount);
        for (var i = 0; i < mentorCount; i++)
        {
            var level = Pick(random, [Level.Lead, Level.Lead, Level.Manager, Level.Manager, Level.Director]);
            var teaches = Lanes.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(l => l.Id).ToList();
            var capacity = random.Next(3, 9);
            var taken = random.Next(0, 3);
            mentors.Add(new(Person($"mentor-{i}", level, null, capacity + taken, teaches, random), taken));
        }

        var mentees = new List<MenteeRequest>(menteeCount);
        var past = new List<PastPairing>();
        var today = new DateOnly(2025, 3, 17);
        for (var i = 0; i < menteeCount; i++)
        {
            var level = Pick(random, [Level.Staff, Level.Staff, Level.Staff, Level.Staff, Level.Staff, Level.Staff, Level.Lead, Level.Lead, Level.Manager]);
            var manager = random.Next(10) < 8 ? $"mentor-{random.Next(mentorCount)}" : null;
            var needs = Lanes.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(l => new LaneNeed(l.Id, random.Next(1, 4))).ToList();
            var person = Person($"mentee-{i}", level, manager, 0, [], random);
            mentees.Add(new(person, needs));
            for (var p = random.Next(0, 3); p > 0; p--)
            {
                past.Add(new($"mentor-{random.Next(mentorCount)}", person.Id, today.AddDays(-random.Next(0, 720))));
            }
        }

        return new(mentees, mentors, PairingHistory.Split(past, today, 6), new(today, MentorshipKind.Lane, UnitPreference.SameUnit), Lanes);
    }

    private static Person Person(string id, Level level, string? manager, int capacity, IReadOnlyList<string> teaches, Random random) =>
        new(id, null, id, null, level, $"unit-{random.Next(20)}", manager, Pick(random, Zones), Pick(random, Shifts), null, null, "en-GB", capacity, teaches, false);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
