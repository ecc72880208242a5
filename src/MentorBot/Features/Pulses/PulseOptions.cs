using System.ComponentModel.DataAnnotations;

namespace MentorBot.Features.Pulses;

/// <summary>The <c>Pulse</c> section: how long a run stays open, when its reminder goes, and when results may be shown.</summary>
internal sealed class PulseOptions
{
    public const string SectionName = "Pulse";

    /// <summary>Results are shown only once at least this many people answered a run. Never below 3.</summary>
    [Range(3, 1000)]
    public int MinResponses { get; set; } = 5;

    /// <summary>Free-text comments are shown only once at least this many people answered (never fewer than <see cref="MinResponses"/>).</summary>
    [Range(3, 1000)]
    public int MinResponsesForComments { get; set; } = 10;

    /// <summary>How long each run stays open for answers (shorter than a month, so monthly runs never overlap).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "27.00:00:00")]
    public TimeSpan OpenFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long after a run opens its one reminder goes to those who have not answered (in their working hours).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "20.00:00:00")]
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Whether the pulses of the content library (Features/Pulses/Library) run. Off: the library is still checked at
    /// start, but only pulses made with <c>pulse create</c> run.
    /// </summary>
    public bool LibraryEnabled { get; set; } = true;

    /// <summary>The longest comment, in characters.</summary>
    [Range(100, 2000)]
    public int MaxCommentLength { get; set; } = 500;
}
