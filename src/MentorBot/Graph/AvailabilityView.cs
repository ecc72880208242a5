namespace MentorBot.Graph;

/// <summary>
/// getSchedule's <c>availabilityView</c>: one digit per interval from the requested start (0 free, 1 tentative,
/// 2 busy, 3 out of office, 4 working elsewhere). Runs of the same digit become one block.
/// </summary>
internal static class AvailabilityView
{
    public static IReadOnlyList<ScheduleBlock> Decode(string? view, DateTimeOffset start, DateTimeOffset end, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var blocks = new List<ScheduleBlock>();
        var text = view ?? string.Empty;
        for (var i = 0; i < text.Length;)
        {
            var j = i + 1;
            while (j < text.Length && text[j] == text[i])
            {
                j++;
            }

            var from = start + (interval * i);
            if (from >= end)
            {
                break;
            }

            var status = Status(text[i]);
            if (status != FreeBusyStatus.Free)
            {
                var to = start + (interval * j);
                blocks.Add(new ScheduleBlock(from, to < end ? to : end, status));
            }

            i = j;
        }

        return blocks;
    }

    /// <summary>A digit Graph may add later reads as <see cref="FreeBusyStatus.Unknown"/>, never as free.</summary>
    public static FreeBusyStatus Status(char digit) => digit switch
    {
        '0' => FreeBusyStatus.Free,
        '1' => FreeBusyStatus.Tentative,
        '2' => FreeBusyStatus.Busy,
        '3' => FreeBusyStatus.OutOfOffice,
        '4' => FreeBusyStatus.WorkingElsewhere,
        _ => FreeBusyStatus.Unknown,
    };

    /// <summary>A scheduleItem's <c>status</c>; anything unrecognised is <see cref="FreeBusyStatus.Unknown"/>.</summary>
    public static FreeBusyStatus Status(string? status) => status?.ToUpperInvariant() switch
    {
        "FREE" => FreeBusyStatus.Free,
        "TENTATIVE" => FreeBusyStatus.Tentative,
        "BUSY" => FreeBusyStatus.Busy,
        "OOF" => FreeBusyStatus.OutOfOffice,
        "WORKINGELSEWHERE" => FreeBusyStatus.WorkingElsewhere,
        _ => FreeBusyStatus.Unknown,
    };
}
