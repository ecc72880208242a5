using MentorBot.Features.Map;

namespace MentorBot.Features.Pulses;

/// <summary>Pure rules for when a pulse runs and whom it asks.</summary>
internal static class PulseCalendar
{
    /// <summary>
    /// The latest run due at <paramref name="now"/>: its number (from 1) and when it opens. Runs open at the pulse's
    /// start and then every month or quarter after it (the same day of the month, or the month's last day). Null before
    /// the start.
    /// </summary>
    public static (int Seq, DateTimeOffset OpensAt)? Current(string schedule, DateTimeOffset startsAt, DateTimeOffset now)
    {
        if (now < startsAt)
        {
            return null;
        }

        if (schedule == PulseSchedule.Once)
        {
            return (1, startsAt);
        }

        var months = schedule == PulseSchedule.Quarterly ? 3 : 1;
        var elapsed = ((now.Year - startsAt.Year) * 12) + now.Month - startsAt.Month;
        var seq = Math.Max(0, elapsed / months);
        while (seq > 0 && startsAt.AddMonths(seq * months) > now)
        {
            seq--;
        }

        return (seq + 1, startsAt.AddMonths(seq * months));
    }

    /// <summary>When the run after <paramref name="seq"/> opens; null for a pulse that runs once.</summary>
    public static DateTimeOffset? Next(string schedule, DateTimeOffset startsAt, int seq) => schedule switch
    {
        PulseSchedule.Monthly => startsAt.AddMonths(seq),
        PulseSchedule.Quarterly => startsAt.AddMonths(seq * 3),
        _ => null,
    };

    /// <summary>Whether the audience includes the person, from the person alone; null for a circle, which needs the circle's members.</summary>
    public static bool? Includes(PulseAudience audience, Person person) => audience.Kind switch
    {
        PulseAudienceKind.Programme => true,
        PulseAudienceKind.Unit => person.UnitId == audience.Id,
        PulseAudienceKind.Level => Enum.TryParse<Level>(audience.Id, ignoreCase: true, out var level) && person.Level == level,
        PulseAudienceKind.Circle => null,
        _ => false,
    };

    /// <summary>The people a pulse asks, as the map stands now.</summary>
    public static IReadOnlyList<Person> Audience(MentorshipMap map, PulseAudience audience) => audience.Kind switch
    {
        PulseAudienceKind.Programme => map.People,
        PulseAudienceKind.Unit => [.. map.People.Where(p => p.UnitId == audience.Id)],
        PulseAudienceKind.Level => Enum.TryParse<Level>(audience.Id, ignoreCase: true, out var level) ? [.. map.People.Where(p => p.Level == level)] : [],
        PulseAudienceKind.Circle => map.Circles.FirstOrDefault(c => c.Id == audience.Id) is { } circle
            ? [.. map.People.Where(p => p.Id == circle.FacilitatorId || circle.MemberIds.Contains(p.Id, StringComparer.Ordinal))]
            : [],
        _ => [],
    };
}
