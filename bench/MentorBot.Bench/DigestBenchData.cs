using System.Globalization;

namespace MentorBot.Bench;

/// <summary>
/// A made-up organisation for the digest benchmark: 20,000 people in 100 units (a manager, nine leads and the rest
/// staff in each, one director over all), a lane pairing for every other staff member, and 52 weeks of weekly
/// check-ins for everyone (about 1,040,000 periods, four in five answered, with "need" and "stuck" text that names lanes),
/// written week by week as a running programme would.
/// Rows are produced one at a time, so seeding never holds the whole table in memory.
/// </summary>
internal sealed class DigestBenchData(int people, int weeks, DateTimeOffset now)
{
    public const int UnitSize = 200;

    private static readonly (string Id, string Name)[] Lanes =
    [
        ("clinical-judgment", "Clinical judgment"), ("documentation", "Documentation"), ("family-communication", "Family communication"),
        ("escalation-procedures", "Escalation procedures"), ("time-management", "Time management"), ("boundary-setting", "Boundary setting"),
        ("emotional-regulation", "Emotional regulation"), ("leadership-readiness", "Leadership readiness"),
    ];

    private readonly long _now = now.ToUnixTimeMilliseconds();

    public int People => people;

    public int Units => (people - 2) / UnitSize + 1;

    public static string PersonId(int i) => "p" + i.ToString("00000", CultureInfo.InvariantCulture);

    public static string UnitId(int u) => "unit-" + u.ToString("000", CultureInfo.InvariantCulture);

    public IEnumerable<object?[]> LaneRows() => Lanes.Select(l => new object?[] { l.Id, l.Name, "", 1L, _now });

    public IEnumerable<object?[]> UnitRows() => Enumerable.Range(0, Units).Select(u => new object?[] { UnitId(u), $"Unit {u:000}", null, 1L, _now });

    /// <summary>id, aad, name, email, level, unit, manager, zone, days, start, end, quiet start, quiet end, start date, locale, capacity, teaches, admin, active, updated, ended, needs.</summary>
    public IEnumerable<object?[]> PersonRows()
    {
        for (var i = 0; i < people; i++)
        {
            var (level, unit, manager, capacity) = Role(i);
            var start = i % 97 == 0 ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(-(i % 90)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "2020-01-06";
            yield return
            [
                PersonId(i), $"00000000-0000-0000-0000-{i:000000000000}", $"Person {i}", null, level, unit, manager, "America/Chicago", "mon,tue,wed,thu,fri",
                "09:00", "17:00", null, null, start, "en-US", (long)capacity, capacity > 0 ? "clinical-judgment,documentation" : "", i == 0 ? 1L : 0L, 1L, _now, null, "",
            ];
        }
    }

    /// <summary>Every other staff member learns from one of their unit's leads.</summary>
    public IEnumerable<object?[]> MentorshipRows()
    {
        for (var i = 1; i < people; i++)
        {
            var r = (i - 1) % UnitSize;
            if (r >= 10 && r % 2 == 0)
            {
                yield return
                [
                    "m" + PersonId(i), Lead(i), PersonId(i), Lanes[i % Lanes.Length].Id, "lane", "weekly", "tue", "10:00", "2024-01-02", "active", null, null, _now, null, "map",
                ];
            }
        }
    }

    public IEnumerable<object?[]> LeaderScopeRows() =>
        new[] { new object?[] { PersonId(0), "organisation", "" } }
            .Concat(Enumerable.Range(0, Units).Select(u => new object?[] { PersonId(1 + (u * UnitSize)), "unit", UnitId(u) }));

    /// <summary>Nine in ten people have opened MentorBot.</summary>
    public IEnumerable<object?[]> ConversationRows() => Enumerable.Range(0, people).Where(i => i % 10 != 3).Select(i => new object?[]
    {
        "a:" + PersonId(i), "personal", "tenant", "https://smba.test/", "28:bot", "29:" + PersonId(i), $"00000000-0000-0000-0000-{i:000000000000}", "active", null, _now, _now, _now,
    });

    /// <summary>
    /// id, person, mentorship, mentor, opens, closes, status, reminder, created — one a week for everyone, oldest week
    /// first, the order a running programme writes them in.
    /// </summary>
    public IEnumerable<object?[]> PeriodRows()
    {
        for (var w = weeks - 1; w >= 0; w--)
        {
            for (var i = 0; i < people; i++)
            {
                var opens = OpensAt(i, w);
                yield return [PeriodId(i, w), PersonId(i), null, null, opens, opens + (5L * 86_400_000), Answered(i, w) ? "answered" : "missed", null, opens];
            }
        }
    }

    /// <summary>period, person, learned, shared, need, shared, stuck, shared, confidence, load, scores shared, wants time, submitted, updated, revision.</summary>
    public IEnumerable<object?[]> AnswerRows()
    {
        for (var w = weeks - 1; w >= 0; w--)
        {
            for (var i = 0; i < people; i++)
            {
                if (!Answered(i, w))
                {
                    continue;
                }

                var roll = Roll(i, w);
                var lane = Lanes[(int)(roll % (uint)Lanes.Length)].Name;
                var need = roll % 2 == 0 ? $"Could someone walk me through {lane.ToLowerInvariant()} again on a busy shift ({roll % 1000})" : null;
                var stuck = roll % 3 == 0 ? $"Stuck with {Lanes[(int)(roll / 8 % (uint)Lanes.Length)].Name.ToLowerInvariant()} when the ward is short-staffed" : null;
                var at = OpensAt(i, w) + 3_600_000;
                yield return
                [
                    PeriodId(i, w), PersonId(i), $"Learned something about handovers in week {w}", 1L, need, roll % 10 == 3 ? 0L : 1L, stuck, roll % 10 == 7 ? 0L : 1L,
                    (long)(1 + (roll / 7 % 5)), (long)(1 + (roll / 11 % 5)), roll % 10 == 5 ? 0L : 1L, roll % 5 == 0 ? 1L : 0L, at, at, 1L,
                ];
            }
        }
    }

    /// <summary>A few sessions booked each week.</summary>
    public IEnumerable<object?[]> BookingRows() => Enumerable.Range(1, people - 1).Where(i => i % 3 == 0).Select(i =>
    {
        var at = OpensAt(i, i % weeks);
        return new object?[] { "b" + PersonId(i), "m" + PersonId(i), Lead(i), PersonId(i), PersonId(i), "check-in", 30L, "booked", "[]", "local", 1L, at, at };
    });

    /// <summary>Mentees answer "is this pairing working?"; one in ten low.</summary>
    public IEnumerable<object?[]> CalibrationRows() => MentorshipRows().Select(m => new object?[]
    {
        m[0], m[2], "mentee", (long)(int.Parse(((string)m[2]!)[1..], CultureInfo.InvariantCulture) % 10 == 0 ? 2 : 4), null, _now, _now,
    });

    public long PeriodCount => (long)people * weeks;

    private static string PeriodId(int i, int w) => $"{PersonId(i)}:{w:00}";

    private long OpensAt(int i, int w) => _now - (w * 7L * 86_400_000) - ((1 + (i % 6)) * 86_400_000L);

    private static bool Answered(int i, int w) => Roll(i, w) % 5 != 4;

    private static string Lead(int i) => PersonId(1 + ((i - 1) / UnitSize * UnitSize) + 1 + ((i - 1) % 9));

    private (string Level, string? Unit, string? Manager, int Capacity) Role(int i)
    {
        if (i == 0)
        {
            return ("director", null, null, 0);
        }

        var u = (i - 1) / UnitSize;
        var r = (i - 1) % UnitSize;
        var manager = PersonId(1 + (u * UnitSize));
        return r switch
        {
            0 => ("manager", UnitId(u), PersonId(0), 2),
            < 10 => ("lead", UnitId(u), manager, 4),
            _ => ("staff", UnitId(u), Lead(i), 0),
        };
    }

    private static uint Roll(int i, int w)
    {
        var hash = 2166136261u;
        hash = (hash ^ (uint)i) * 16777619u;
        hash = (hash ^ (uint)w) * 16777619u;
        return hash ^ (hash >> 13);
    }
}
