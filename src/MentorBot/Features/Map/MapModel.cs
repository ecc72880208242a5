namespace MentorBot.Features.Map;

/// <summary>Levels in the care organisation, lowest first so that comparisons read naturally.</summary>
internal enum Level
{
    Staff = 0,
    Lead = 1,
    Manager = 2,
    Director = 3,
}

internal enum MentorshipKind
{
    Lane,
    Peer,
    Reverse,
    OnboardingBuddy,
}

internal enum MentorshipStatus
{
    Active,
    Paused,
    Ended,
}

internal enum CadenceFrequency
{
    Weekly,
    Biweekly,
    Monthly,
}

/// <summary>How often a pairing or circle meets: a weekday and a local time in the relevant person's zone.</summary>
internal sealed record Cadence(CadenceFrequency Every, DayOfWeek Day, TimeOnly Time);

/// <summary>A span of local time; it may wrap past midnight (quiet hours 21:00–07:00).</summary>
internal sealed record LocalTimeRange(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly time) =>
        Start <= End ? time >= Start && time < End : time >= Start || time < End;
}

internal sealed record WorkingHours(IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End)
{
    public static WorkingHours Default { get; } = new([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new(9, 0), new(17, 0));

    public bool Equals(WorkingHours? other) => other is not null && Start == other.Start && End == other.End && Days.SequenceEqual(other.Days);

    public override int GetHashCode() => HashCode.Combine(Start, End, Days.Count);
}

internal sealed record Lane(string Id, string Name, string Description);

internal sealed record Unit(string Id, string Name, string? EscalationContactId);

internal sealed record Person(
    string Id,
    string? AadObjectId,
    string Name,
    string? Email,
    Level Level,
    string? UnitId,
    string? ManagerId,
    string TimeZone,
    WorkingHours WorkingHours,
    LocalTimeRange? QuietHours,
    DateOnly? StartDate,
    string Locale,
    int MentorCapacity,
    IReadOnlyList<string> Teaches,
    bool IsAdmin,
    IReadOnlyList<string>? Needs = null,
    string? StepId = null,
    DateOnly? FirstShift = null)
{
    /// <summary>The date time-to-independence counts from: the first shift, else the start date.</summary>
    public DateOnly? FirstShiftOrStart => FirstShift ?? StartDate;

    /// <summary>Lanes this person wants a mentor for (matching reads them); empty when the map says none.</summary>
    public IReadOnlyList<string> NeedsLanes => Needs ?? [];

    public bool Equals(Person? other) => other is not null
        && (Id, AadObjectId, Name, Email, Level, UnitId, ManagerId, TimeZone, QuietHours, StartDate, Locale, MentorCapacity, IsAdmin)
            == (other.Id, other.AadObjectId, other.Name, other.Email, other.Level, other.UnitId, other.ManagerId, other.TimeZone, other.QuietHours, other.StartDate, other.Locale, other.MentorCapacity, other.IsAdmin)
        && (StepId, FirstShift) == (other.StepId, other.FirstShift)
        && WorkingHours.Equals(other.WorkingHours)
        && Teaches.SequenceEqual(other.Teaches)
        && NeedsLanes.SequenceEqual(other.NeedsLanes);

    public override int GetHashCode() => HashCode.Combine(Id, AadObjectId, Name);
}

internal sealed record Mentorship(
    string Id,
    string MentorId,
    string MenteeId,
    IReadOnlyList<string> Lanes,
    MentorshipKind Kind,
    Cadence Cadence,
    DateOnly StartDate,
    MentorshipStatus Status,
    DateOnly? PausedUntil,
    DateOnly? CalibrationDate)
{
    public bool Equals(Mentorship? other) => other is not null
        && (Id, MentorId, MenteeId, Kind, Cadence, StartDate, Status, PausedUntil, CalibrationDate)
            == (other.Id, other.MentorId, other.MenteeId, other.Kind, other.Cadence, other.StartDate, other.Status, other.PausedUntil, other.CalibrationDate)
        && Lanes.SequenceEqual(other.Lanes);

    public override int GetHashCode() => HashCode.Combine(Id, MentorId, MenteeId);

    /// <summary>Counts against the mentor's capacity: active and paused pairings do, ended ones do not.</summary>
    public bool HoldsCapacity => Status != MentorshipStatus.Ended;
}

internal sealed record Circle(string Id, string Name, string Kind, string FacilitatorId, IReadOnlyList<string> MemberIds, string? LaneId, Cadence Cadence)
{
    public bool Equals(Circle? other) => other is not null
        && (Id, Name, Kind, FacilitatorId, LaneId, Cadence) == (other.Id, other.Name, other.Kind, other.FacilitatorId, other.LaneId, other.Cadence)
        && MemberIds.SequenceEqual(other.MemberIds);

    public override int GetHashCode() => HashCode.Combine(Id, Name);
}

internal enum LeaderScopeKind
{
    Unit,
    ReportingLine,
    Organisation,
}

/// <summary>One line of what a leader's digest covers. A leader may have several.</summary>
internal sealed record LeaderScope(string LeaderId, LeaderScopeKind Kind, string? UnitId);

/// <summary>A validated map, ready to import.</summary>
internal sealed record MentorshipMap(
    string ProgrammeName,
    IReadOnlyList<Lane> Lanes,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<Person> People,
    IReadOnlyList<Mentorship> Mentorships,
    IReadOnlyList<Circle> Circles,
    IReadOnlyList<LeaderScope> LeaderScopes,
    Ladder? CareerLadder = null,
    IReadOnlyList<FormerPerson>? Former = null)
{
    public Ladder Ladder => CareerLadder ?? Ladder.Empty;

    public IReadOnlyList<FormerPerson> Leavers => Former ?? [];
}

/// <summary>One thing wrong with a map file, and where.</summary>
internal sealed record MapProblem(string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
