namespace MentorBot.Features.Map.File;

/// <summary>
/// The mentorship map as a file (JSON or YAML). Property names are camelCase in the file. Every list may be empty;
/// the validator reports every problem with its JSON path.
/// </summary>
internal sealed class MapDocument
{
    public ProgrammeSection? Programme { get; set; }

    public List<LaneEntry>? Lanes { get; set; }

    public List<UnitEntry>? Units { get; set; }

    public List<PersonEntry>? People { get; set; }

    public List<MentorshipEntry>? Mentorships { get; set; }

    public List<CircleEntry>? Circles { get; set; }

    public List<LeaderScopeEntry>? LeaderScopes { get; set; }

    /// <summary>The career ladder: tracks of ordered steps and the competencies each asks for.</summary>
    public LadderSection? Ladder { get; set; }
}

internal sealed class ProgrammeSection
{
    public string? Name { get; set; }

    /// <summary>IANA zone used for people who have none of their own.</summary>
    public string? TimeZone { get; set; }
}

internal sealed class LaneEntry
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }
}

internal sealed class UnitEntry
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>Person id of the unit's designated contact for concerns.</summary>
    public string? EscalationContact { get; set; }
}

internal sealed class PersonEntry
{
    public string? Id { get; set; }

    public string? AadObjectId { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary>director, manager, lead or staff.</summary>
    public string? Level { get; set; }

    public string? Unit { get; set; }

    /// <summary>Person id of the line manager.</summary>
    public string? Manager { get; set; }

    public string? TimeZone { get; set; }

    public WorkingHoursEntry? WorkingHours { get; set; }

    public TimeRangeEntry? QuietHours { get; set; }

    /// <summary>yyyy-MM-dd; drives the 90-day onboarding phase.</summary>
    public string? StartDate { get; set; }

    public string? Locale { get; set; }

    /// <summary>How many mentees this person can take on; 0 means not a mentor.</summary>
    public int? MentorCapacity { get; set; }

    /// <summary>Lanes this person can mentor in.</summary>
    public List<string>? Teaches { get; set; }

    /// <summary>Lanes this person wants a mentor for; matching reads them, with lanes named in recent check-ins.</summary>
    public List<string>? Needs { get; set; }

    /// <summary>Extra roles, for example "admin" for a programme admin.</summary>
    public List<string>? Roles { get; set; }

    /// <summary>The person's current step on the ladder (a step id).</summary>
    public string? Step { get; set; }

    /// <summary>yyyy-MM-dd of the first shift worked; time-to-independence counts from it (else from startDate).</summary>
    public string? FirstShift { get; set; }

    /// <summary>Set when the person has left: they are ended with this date and reason, and their history is kept.</summary>
    public LeftEntry? Left { get; set; }
}

internal sealed class LeftEntry
{
    /// <summary>yyyy-MM-dd.</summary>
    public string? On { get; set; }

    /// <summary>left-organisation, moved-unit or other.</summary>
    public string? Reason { get; set; }
}

internal sealed class WorkingHoursEntry
{
    /// <summary>mon, tue, wed, thu, fri, sat, sun.</summary>
    public List<string>? Days { get; set; }

    /// <summary>HH:mm local.</summary>
    public string? Start { get; set; }

    public string? End { get; set; }
}

internal sealed class TimeRangeEntry
{
    public string? Start { get; set; }

    public string? End { get; set; }
}

internal sealed class MentorshipEntry
{
    public string? Id { get; set; }

    public string? Mentor { get; set; }

    public string? Mentee { get; set; }

    public List<string>? Lanes { get; set; }

    /// <summary>lane, peer, reverse or onboarding-buddy.</summary>
    public string? Kind { get; set; }

    public CadenceEntry? Cadence { get; set; }

    public string? StartDate { get; set; }

    /// <summary>active, paused or ended.</summary>
    public string? Status { get; set; }

    /// <summary>With status paused: the date the pairing resumes.</summary>
    public string? PausedUntil { get; set; }

    /// <summary>When the pairing's calibration check happens (about a month in).</summary>
    public string? CalibrationDate { get; set; }
}

internal sealed class CadenceEntry
{
    /// <summary>weekly, biweekly or monthly.</summary>
    public string? Every { get; set; }

    public string? Day { get; set; }

    /// <summary>HH:mm in the mentee's (or circle facilitator's) time zone.</summary>
    public string? Time { get; set; }
}

internal sealed class CircleEntry
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>peer or debrief.</summary>
    public string? Kind { get; set; }

    public string? Facilitator { get; set; }

    public List<string>? Members { get; set; }

    public string? Lane { get; set; }

    /// <summary>Monthly on the first given weekday by default.</summary>
    public CadenceEntry? Cadence { get; set; }
}

internal sealed class LeaderScopeEntry
{
    public string? Leader { get; set; }

    /// <summary>Units the leader's digest covers.</summary>
    public List<string>? Units { get; set; }

    /// <summary>True: everyone reporting to the leader, directly or not.</summary>
    public bool? ReportingLine { get; set; }

    /// <summary>True: the whole organisation.</summary>
    public bool? Organisation { get; set; }
}

internal sealed class LadderSection
{
    public List<TrackEntry>? Tracks { get; set; }
}

internal sealed class TrackEntry
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>In order: the first step is where the track starts.</summary>
    public List<StepEntry>? Steps { get; set; }
}

internal sealed class StepEntry
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>director, manager, lead or staff: the level people on this step usually hold.</summary>
    public string? Level { get; set; }

    public List<CompetencyEntry>? Competencies { get; set; }

    /// <summary>The competencies a new hire on this step needs validated in each phase of the first 90 days.</summary>
    public OnboardingEntry? Onboarding { get; set; }
}

internal sealed class CompetencyEntry
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Lane { get; set; }

    /// <summary>demonstration, verbal-explanation, observation.</summary>
    public List<string>? Methods { get; set; }

    /// <summary>mentors (the person's mentors in the lane), unit-leads, unit-managers.</summary>
    public List<string>? Validators { get; set; }
}

internal sealed class OnboardingEntry
{
    public List<string>? Observe { get; set; }

    public List<string>? PractiseWithSupport { get; set; }

    public List<string>? PractiseIndependently { get; set; }
}
