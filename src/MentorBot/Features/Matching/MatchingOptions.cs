using System.ComponentModel.DataAnnotations;

namespace MentorBot.Features.Matching;

/// <summary>The <c>Matching</c> section.</summary>
internal sealed class MatchingOptions
{
    public const string SectionName = "Matching";

    /// <summary>People paired within this many months are never suggested to each other again.</summary>
    [Range(0, 60)]
    public int AvoidRepeatMonths { get; set; } = 6;

    /// <summary>How far back check-in answers are read for lanes named in "need" or "stuck".</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan NeedsLookback { get; set; } = TimeSpan.FromDays(56);

    /// <summary>How many days after publishing a new pairing's calibration ("is this pairing working?") is asked.</summary>
    [Range(7, 180)]
    public int CalibrateAfterDays { get; set; } = 30;
}
