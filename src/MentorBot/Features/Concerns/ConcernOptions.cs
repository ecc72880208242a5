using System.ComponentModel.DataAnnotations;

namespace MentorBot.Features.Concerns;

/// <summary>The <c>Concerns</c> section: escalation timing and whether a concern may be sent without a name.</summary>
internal sealed class ConcernOptions
{
    public const string SectionName = "Concerns";

    /// <summary>
    /// Whether the programme allows anonymous concerns. When on, the concern card offers "send without my name"; the
    /// recipient then replies through MentorBot without learning who wrote.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>How long a concern may stay unacknowledged before its recipient is reminded (then moved into their working hours).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "14.00:00:00")]
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long after that reminder a still unacknowledged concern also goes to the backup contact.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "14.00:00:00")]
    public TimeSpan BackupAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>The longest concern or reply, in characters.</summary>
    [Range(200, 4000)]
    public int MaxLength { get; set; } = 2000;
}
