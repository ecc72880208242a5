using System.ComponentModel.DataAnnotations;

namespace MentorBot.Features.CheckIns;

/// <summary>The <c>CheckIns</c> section.</summary>
internal sealed class CheckInOptions
{
    public const string SectionName = "CheckIns";

    /// <summary>How long an ad-hoc check-in (typed <c>check in</c>) stays open for answers and edits.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan AdHocWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The longest answer to each question, in characters.</summary>
    [Range(100, 4000)]
    public int MaxAnswerLength { get; set; } = 1000;
}
