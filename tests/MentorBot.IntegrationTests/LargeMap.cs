using System.Globalization;
using MentorBot.Features.Map;

namespace MentorBot.IntegrationTests;

/// <summary>Generates a large, valid map: a hierarchy of directors, managers, leads and staff with lane pairings.</summary>
internal static class LargeMap
{
    public static MentorshipMap Generate(int people)
    {
        string[] lanes = ["clinical-judgment", "documentation", "family-communication", "escalation-procedures"];
        var list = new List<Person>(people);
        var mentorships = new List<Mentorship>();
        var hours = WorkingHours.Default;
        Person Make(int i, Level level, string? manager, int capacity) => new(
            "p" + i.ToString(CultureInfo.InvariantCulture), Guid.NewGuid().ToString(), "Person " + i.ToString(CultureInfo.InvariantCulture), null, level, "u" + (i % 20).ToString(CultureInfo.InvariantCulture),
            manager, i % 3 == 0 ? "America/New_York" : "America/Chicago", hours, null, new DateOnly(2020, 1, 1).AddDays(i % 2000), "en-US", capacity, capacity > 0 ? lanes : [], false);

        list.Add(Make(0, Level.Director, null, 0));
        var managers = Enumerable.Range(1, Math.Max(1, people / 200)).Select(i => Make(i, Level.Manager, "p0", 0)).ToList();
        list.AddRange(managers);
        var leadStart = list.Count;
        var leadCount = Math.Max(1, people / 20);
        var leads = Enumerable.Range(leadStart, leadCount).Select(i => Make(i, Level.Lead, managers[i % managers.Count].Id, 4)).ToList();
        list.AddRange(leads);
        for (var i = list.Count; i < people; i++)
        {
            var manager = leads[i % leads.Count];
            var staff = Make(i, Level.Staff, manager.Id, 0);
            list.Add(staff);
            var mentor = leads[(i + 1) % leads.Count];
            if (i % 5 == 0 && mentorships.Count(m => m.MentorId == mentor.Id) < mentor.MentorCapacity)
            {
                mentorships.Add(new Mentorship("m" + i.ToString(CultureInfo.InvariantCulture), mentor.Id, staff.Id, [lanes[i % lanes.Length]], MentorshipKind.Lane,
                    new Cadence(CadenceFrequency.Weekly, DayOfWeek.Tuesday, new TimeOnly(10, 0)), new DateOnly(2026, 1, 5), MentorshipStatus.Active, null, new DateOnly(2026, 2, 4)));
            }
        }

        return new MentorshipMap(
            "Large programme",
            [.. lanes.Select(l => new Lane(l, l, string.Empty))],
            [.. Enumerable.Range(0, 20).Select(u => new Unit("u" + u.ToString(CultureInfo.InvariantCulture), "Unit " + u.ToString(CultureInfo.InvariantCulture), null))],
            list,
            mentorships,
            [],
            [new LeaderScope("p0", LeaderScopeKind.Organisation, null)]);
    }
}
