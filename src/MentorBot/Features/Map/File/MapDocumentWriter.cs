namespace MentorBot.Features.Map.File;

/// <summary>Turns a map back into its file form, so a roster can be merged into the current map and re-validated.</summary>
internal static class MapDocumentWriter
{
    public static MapDocument From(MentorshipMap map) => new()
    {
        Programme = new ProgrammeSection { Name = map.ProgrammeName },
        Lanes = [.. map.Lanes.Select(l => new LaneEntry { Id = l.Id, Name = l.Name, Description = l.Description })],
        Units = [.. map.Units.Select(u => new UnitEntry { Id = u.Id, Name = u.Name, EscalationContact = u.EscalationContactId })],
        People = [.. map.People.Select(ToEntry)],
        Mentorships = [.. map.Mentorships.Select(m => new MentorshipEntry
        {
            Id = m.Id, Mentor = m.MentorId, Mentee = m.MenteeId, Lanes = [.. m.Lanes], Kind = MapValues.KindName(m.Kind), Cadence = ToEntry(m.Cadence),
            StartDate = MapValues.DateText(m.StartDate), Status = m.Status.ToString().ToLowerInvariant(),
            PausedUntil = m.PausedUntil is { } p ? MapValues.DateText(p) : null, CalibrationDate = m.CalibrationDate is { } c ? MapValues.DateText(c) : null,
        })],
        Circles = [.. map.Circles.Select(c => new CircleEntry
        {
            Id = c.Id, Name = c.Name, Kind = c.Kind, Facilitator = c.FacilitatorId, Members = [.. c.MemberIds], Lane = c.LaneId, Cadence = ToEntry(c.Cadence),
        })],
        LeaderScopes = [.. map.LeaderScopes.GroupBy(s => s.LeaderId).Select(g => new LeaderScopeEntry
        {
            Leader = g.Key,
            Units = [.. g.Where(s => s.Kind == LeaderScopeKind.Unit).Select(s => s.UnitId!)],
            ReportingLine = g.Any(s => s.Kind == LeaderScopeKind.ReportingLine) ? true : null,
            Organisation = g.Any(s => s.Kind == LeaderScopeKind.Organisation) ? true : null,
        })],
        Ladder = map.Ladder.Tracks.Count == 0 ? null : new LadderSection
        {
            Tracks = [.. map.Ladder.Tracks.Select(t => new TrackEntry { Id = t.Id, Name = t.Name, Steps = [.. t.Steps.Select(ToEntry)] })],
        },
    };

    private static StepEntry ToEntry(LadderStep s)
    {
        List<string>? Phase(OnboardingPhase phase) => s.Onboarding.Where(o => o.Value == phase).Select(o => o.Key).ToList() is { Count: > 0 } ids ? ids : null;
        return new StepEntry
        {
            Id = s.Id, Name = s.Name, Level = s.Level?.ToString().ToLowerInvariant(),
            Competencies = [.. s.Competencies.Select(c => new CompetencyEntry
            {
                Id = c.Id, Name = c.Name, Lane = c.LaneId, Methods = [.. c.Methods.Select(LadderNames.Name)], Validators = [.. c.Validators.Select(LadderNames.Name)],
            })],
            Onboarding = s.Onboarding.Count == 0 ? null : new OnboardingEntry
            {
                Observe = Phase(OnboardingPhase.Observe), PractiseWithSupport = Phase(OnboardingPhase.PractiseWithSupport), PractiseIndependently = Phase(OnboardingPhase.PractiseIndependently),
            },
        };
    }

    public static PersonEntry ToEntry(Person p) => new()
    {
        Id = p.Id, AadObjectId = p.AadObjectId, Name = p.Name, Email = p.Email, Level = p.Level.ToString().ToLowerInvariant(), Unit = p.UnitId, Manager = p.ManagerId,
        TimeZone = p.TimeZone,
        WorkingHours = new WorkingHoursEntry { Days = [.. p.WorkingHours.Days.Select(MapValues.DayName)], Start = MapValues.TimeText(p.WorkingHours.Start), End = MapValues.TimeText(p.WorkingHours.End) },
        QuietHours = p.QuietHours is null ? null : new TimeRangeEntry { Start = MapValues.TimeText(p.QuietHours.Start), End = MapValues.TimeText(p.QuietHours.End) },
        StartDate = p.StartDate is { } d ? MapValues.DateText(d) : null, Locale = p.Locale, MentorCapacity = p.MentorCapacity, Teaches = [.. p.Teaches],
        Needs = p.NeedsLanes.Count == 0 ? null : [.. p.NeedsLanes],
        Roles = p.IsAdmin ? ["admin"] : null,
        Step = p.StepId, FirstShift = p.FirstShift is { } f ? MapValues.DateText(f) : null,
    };

    private static CadenceEntry ToEntry(Cadence c) =>
        new() { Every = c.Every.ToString().ToLowerInvariant(), Day = MapValues.DayName(c.Day), Time = MapValues.TimeText(c.Time) };
}
