namespace MentorBot.Features.Map;

/// <summary>Flat row shapes of the map tables, and their conversion to and from the map records.</summary>
internal static class MapRows
{
    public const string PersonColumns =
        "id AS Id, aad_object_id AS AadObjectId, name AS Name, email AS Email, level AS Level, unit_id AS UnitId, manager_id AS ManagerId, " +
        "time_zone AS TimeZone, working_days AS WorkingDays, work_start AS WorkStart, work_end AS WorkEnd, quiet_start AS QuietStart, quiet_end AS QuietEnd, " +
        "start_date AS StartDate, locale AS Locale, mentor_capacity AS MentorCapacity, teaches AS Teaches, is_admin AS IsAdmin, active AS Active, needs AS Needs, " +
        "step_id AS StepId, first_shift AS FirstShift";

    public const string MentorshipColumns =
        "id AS Id, mentor_id AS MentorId, mentee_id AS MenteeId, lanes AS Lanes, kind AS Kind, cadence_every AS CadenceEvery, cadence_day AS CadenceDay, " +
        "cadence_time AS CadenceTime, start_date AS StartDate, status AS Status, paused_until AS PausedUntil, calibration_date AS CalibrationDate";

    public const string CircleColumns =
        "id AS Id, name AS Name, kind AS Kind, facilitator_id AS FacilitatorId, members AS Members, lane_id AS LaneId, cadence_every AS CadenceEvery, " +
        "cadence_day AS CadenceDay, cadence_time AS CadenceTime, active AS Active";

    public static string Join(IEnumerable<string> ids) => string.Join(',', ids);

    public static IReadOnlyList<string> Split(string? text) => string.IsNullOrEmpty(text) ? [] : text.Split(',');

    public static Person ToPerson(PersonRow r) => new(
        r.Id, r.AadObjectId, r.Name, r.Email, Enum.Parse<Level>(r.Level, ignoreCase: true), r.UnitId, r.ManagerId, r.TimeZone,
        new WorkingHours([.. Split(r.WorkingDays).Select(d => MapValues.TryDay(d, out var day) ? day : DayOfWeek.Monday)], TimeOnly.Parse(r.WorkStart, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(r.WorkEnd, System.Globalization.CultureInfo.InvariantCulture)),
        r.QuietStart is null || r.QuietEnd is null ? null : new LocalTimeRange(Time(r.QuietStart), Time(r.QuietEnd)),
        r.StartDate is null ? null : Date(r.StartDate), r.Locale, (int)r.MentorCapacity, Split(r.Teaches), r.IsAdmin != 0, Split(r.Needs),
        r.StepId, r.FirstShift is null ? null : Date(r.FirstShift));

    public static object PersonParameters(Person p, long now) => new
    {
        p.Id, p.AadObjectId, p.Name, p.Email, Level = p.Level.ToString().ToLowerInvariant(), p.UnitId, p.ManagerId, p.TimeZone,
        WorkingDays = Join(p.WorkingHours.Days.Select(MapValues.DayName)), WorkStart = MapValues.TimeText(p.WorkingHours.Start), WorkEnd = MapValues.TimeText(p.WorkingHours.End),
        QuietStart = p.QuietHours is null ? null : MapValues.TimeText(p.QuietHours.Start), QuietEnd = p.QuietHours is null ? null : MapValues.TimeText(p.QuietHours.End),
        StartDate = p.StartDate is { } d ? MapValues.DateText(d) : null, p.Locale, p.MentorCapacity, Teaches = Join(p.Teaches), IsAdmin = p.IsAdmin ? 1 : 0, Needs = Join(p.NeedsLanes), Now = now,
        p.StepId, FirstShift = p.FirstShift is { } f ? MapValues.DateText(f) : null,
    };

    public static Mentorship ToMentorship(MentorshipRow r) => new(
        r.Id, r.MentorId, r.MenteeId, Split(r.Lanes), MapValues.TryKind(r.Kind, out var kind) ? kind : MentorshipKind.Lane,
        ToCadence(r.CadenceEvery, r.CadenceDay, r.CadenceTime), Date(r.StartDate), Enum.Parse<MentorshipStatus>(r.Status, ignoreCase: true),
        r.PausedUntil is null ? null : Date(r.PausedUntil), r.CalibrationDate is null ? null : Date(r.CalibrationDate));

    public static object MentorshipParameters(Mentorship m, long now) => new
    {
        m.Id, m.MentorId, m.MenteeId, Lanes = Join(m.Lanes), Kind = MapValues.KindName(m.Kind),
        CadenceEvery = m.Cadence.Every.ToString().ToLowerInvariant(), CadenceDay = MapValues.DayName(m.Cadence.Day), CadenceTime = MapValues.TimeText(m.Cadence.Time),
        StartDate = MapValues.DateText(m.StartDate), Status = m.Status.ToString().ToLowerInvariant(),
        PausedUntil = m.PausedUntil is { } p ? MapValues.DateText(p) : null, CalibrationDate = m.CalibrationDate is { } c ? MapValues.DateText(c) : null,
        EndedAt = m.Status == MentorshipStatus.Ended ? now : (long?)null, Now = now,
    };

    public static Circle ToCircle(CircleRow r) =>
        new(r.Id, r.Name, r.Kind, r.FacilitatorId, Split(r.Members), r.LaneId, ToCadence(r.CadenceEvery, r.CadenceDay, r.CadenceTime));

    public static object CircleParameters(Circle c, long now) => new
    {
        c.Id, c.Name, c.Kind, c.FacilitatorId, Members = Join(c.MemberIds), c.LaneId,
        CadenceEvery = c.Cadence.Every.ToString().ToLowerInvariant(), CadenceDay = MapValues.DayName(c.Cadence.Day), CadenceTime = MapValues.TimeText(c.Cadence.Time), Now = now,
    };

    private static Cadence ToCadence(string every, string day, string time) =>
        new(Enum.Parse<CadenceFrequency>(every, ignoreCase: true), MapValues.TryDay(day, out var d) ? d : DayOfWeek.Monday, Time(time));

    private static TimeOnly Time(string text) => MapValues.TryTime(text, out var time) ? time : default;

    private static DateOnly Date(string text) => MapValues.TryDate(text, out var date) ? date : default;
}

internal sealed class PersonRow
{
    public string Id { get; set; } = string.Empty;
    public string? AadObjectId { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Email { get; set; }
    public string Level { get; set; } = "staff";
    public string? UnitId { get; set; }
    public string? ManagerId { get; set; }
    public string TimeZone { get; set; } = MapValidator.DefaultTimeZone;
    public string WorkingDays { get; set; } = string.Empty;
    public string WorkStart { get; set; } = "09:00";
    public string WorkEnd { get; set; } = "17:00";
    public string? QuietStart { get; set; }
    public string? QuietEnd { get; set; }
    public string? StartDate { get; set; }
    public string Locale { get; set; } = "en-US";
    public long MentorCapacity { get; set; }
    public string Teaches { get; set; } = string.Empty;

    public string Needs { get; set; } = string.Empty;
    public long IsAdmin { get; set; }
    public long Active { get; set; }
    public string? StepId { get; set; }
    public string? FirstShift { get; set; }
}

internal sealed class MentorshipRow
{
    public string Id { get; set; } = string.Empty;
    public string MentorId { get; set; } = string.Empty;
    public string MenteeId { get; set; } = string.Empty;
    public string Lanes { get; set; } = string.Empty;
    public string Kind { get; set; } = "lane";
    public string CadenceEvery { get; set; } = "weekly";
    public string CadenceDay { get; set; } = "mon";
    public string CadenceTime { get; set; } = "10:00";
    public string StartDate { get; set; } = "2000-01-01";
    public string Status { get; set; } = "active";
    public string? PausedUntil { get; set; }
    public string? CalibrationDate { get; set; }
}

internal sealed class CircleRow
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Kind { get; set; } = "peer";
    public string FacilitatorId { get; set; } = string.Empty;
    public string Members { get; set; } = string.Empty;
    public string? LaneId { get; set; }
    public string CadenceEvery { get; set; } = "monthly";
    public string CadenceDay { get; set; } = "thu";
    public string CadenceTime { get; set; } = "14:00";
    public long Active { get; set; }
}
