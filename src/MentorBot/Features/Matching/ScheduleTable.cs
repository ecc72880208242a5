using MentorBot.Features.Map;

namespace MentorBot.Features.Matching;

/// <summary>
/// Shared working minutes between schedules, where a schedule is a time zone and working hours. People with the same
/// schedule share a row, so the overlap is worked out once per pair of schedules, not once per pair of people.
/// </summary>
internal sealed class ScheduleTable(DateOnly week)
{
    private readonly Dictionary<(string Zone, WorkingHours Hours), int> ids = [];
    private readonly List<IReadOnlyList<UtcSpan>> weeks = [];
    private int[] known = [];
    private int size;

    /// <summary>The schedule's number, adding it when new.</summary>
    public int Add(string zone, WorkingHours hours)
    {
        if (!ids.TryGetValue((zone, hours), out var id))
        {
            id = weeks.Count;
            ids.Add((zone, hours), id);
            weeks.Add(WorkingHoursOverlap.WeekInUtc(zone, hours, week));
        }

        return id;
    }

    public int SharedMinutes(int a, int b)
    {
        if (size != weeks.Count)
        {
            Grow();
        }

        ref var cell = ref known[(a * size) + b];
        if (cell < 0)
        {
            cell = known[(b * size) + a] = WorkingHoursOverlap.SharedMinutes(weeks[a], weeks[b]);
        }

        return cell;
    }

    private void Grow()
    {
        var grown = new int[weeks.Count * weeks.Count];
        Array.Fill(grown, -1);
        for (var a = 0; a < size; a++)
        {
            Array.Copy(known, a * size, grown, a * weeks.Count, size);
        }

        (known, size) = (grown, weeks.Count);
    }
}
