using System.ComponentModel.DataAnnotations;

namespace MentorBot.Features.Privacy;

/// <summary>The <c>Privacy</c> section.</summary>
internal sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// How long free-text answers (check-ins, circle debriefs, quarterly reviews, calibration notes, mentor notes) are
    /// kept after they were last written. Scores, dates and counts are kept. At least 30 days, so nothing that can
    /// still be edited is cleared; at most ten years.
    /// </summary>
    [Range(typeof(TimeSpan), "30.00:00:00", "3650.00:00:00")]
    public TimeSpan AnswerRetention { get; set; } = TimeSpan.FromDays(365);
}
