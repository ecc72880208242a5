using System.ComponentModel.DataAnnotations;

namespace MentorBot.Features.Digest;

/// <summary>The <c>Digest</c> section: the leaders' weekly digest and its privacy threshold.</summary>
internal sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>
    /// The smallest group a figure may describe. A figure about fewer people is hidden, and so is the next-smallest
    /// group beside it. Never below <see cref="Suppression.Floor"/>.
    /// </summary>
    [Range(Suppression.Floor, 1000, ErrorMessage = "Digest:MinGroupSize must be at least 3 (and at most 1000): smaller groups would let a leader recognise a person.")]
    public int MinGroupSize { get; set; } = 5;

    /// <summary>The weekday the digest arrives, in each leader's own time zone (a leader can choose another with <c>digest at</c>).</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    /// <summary>The local time it arrives.</summary>
    public TimeOnly Time { get; set; } = new(8, 0);

    /// <summary>Whether the programme's policy lets leaders see who has not answered recent check-ins (participation only, never answers).</summary>
    public bool AllowNudgeList { get; set; }
}
