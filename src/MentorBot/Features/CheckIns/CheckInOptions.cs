using System.ComponentModel.DataAnnotations;

namespace MentorBot.Features.CheckIns;

/// <summary>The <c>CheckIns</c> section.</summary>
internal sealed class CheckInOptions
{
    public const string SectionName = "CheckIns";

    /// <summary>How long an ad-hoc check-in (typed <c>check in</c>) stays open for answers and edits.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan AdHocWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long after a scheduled check-in opens, if unanswered, its one reminder goes out (moved into working hours).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "14.00:00:00")]
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A scheduled check-in whose slot passed longer ago than this (the bot was down, or the pairing was just
    /// imported) is not sent late; the next one is.
    /// </summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00")]
    public TimeSpan CatchUp { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest answer to each question, in characters.</summary>
    [Range(100, 4000)]
    public int MaxAnswerLength { get; set; } = 1000;
}
