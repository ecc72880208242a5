using MentorBot.Cards;
using MentorBot.Features.Digest;
using MentorBot.Web;

namespace MentorBot.Tests.Cards;

/// <summary>Samples of the leader digest cards, merged into <see cref="CardSamples.All"/>; built through the real privacy step.</summary>
internal static class DigestCardSamples
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    /// <summary>A configured <c>TeamsApp:Id</c>, for the cards' deep links into the tab.</summary>
    public const string TeamsAppId = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";

    public static DigestData Ward() => new(
        AsOf,
        new Dictionary<string, int> { ["medical-ward-3"] = 13, ["outpatient-clinic"] = 7, ["emergency-department"] = 11 },
        [
            new("medical-ward-3", 0, 9, 11, 8, 7, 7, 7 * 3.4, 7 * 3.1, 3, 2, 5, 1, 5),
            new("outpatient-clinic", 0, 4, 4, 3, 3, 3, 3 * 2.7, 3 * 3.7, 1, 2, 5, 1, 5),
            new("emergency-department", 0, 8, 9, 7, 7, 6, 6 * 3.8, 6 * 2.9, 2, 2, 5, 1, 5),
            new("medical-ward-3", 1, 9, 10, 6, 6, 6, 6 * 3.2, 6 * 3.3, 2, 2, 5, 1, 5),
            new("outpatient-clinic", 1, 4, 4, 4, 4, 4, 4 * 2.9, 4 * 3.5, 0, 2, 5, 1, 5),
            new("medical-ward-3", 2, 3, 3, 1, 1, 1, 4, 2, 0, 2, 5, 1, 5),
            new("medical-ward-3", 3, 9, 9, 7, 7, 7, 7 * 3.0, 7 * 3.4, 1, 2, 5, 1, 5),
            new("outpatient-clinic", 3, 4, 4, 2, 2, 2, 2 * 3, 2 * 3, 0, 2, 5, 1, 5),
            new("medical-ward-3", 4, 10, 10, 6, 6, 5, 5 * 2.9, 5 * 3.6, 2, 2, 5, 1, 5),
        ],
        [2, 5, 0, 3, 1],
        [new("documentation", 7, 12), new("family-communication", 2, 6), new("clinical-judgment", 5, 3), new("time-management", 0, 1)],
        9,
        1,
        9,
        2,
        [new DateOnly(2026, 11, 2), new DateOnly(2026, 9, 21), new DateOnly(2026, 10, 5)],
        7,
        new Dictionary<string, string> { ["medical-ward-3"] = "Medical Ward 3", ["outpatient-clinic"] = "Outpatient Clinic", ["emergency-department"] = "Emergency Department" },
        new Dictionary<string, string> { ["documentation"] = "Documentation", ["family-communication"] = "Family communication", ["clinical-judgment"] = "Clinical judgment", ["time-management"] = "Time management" },
        []);

    public static DigestReport Report(DigestData data, bool nudge = true, string name = "Medical Ward 3, Outpatient Clinic and Emergency Department") =>
        DigestFigures.From(data, new DigestHeader(DigestService.Mine, name, AsOf, "America/Chicago", nudge), 5, new DateOnly(2026, 11, 23));

    public static IReadOnlyDictionary<string, AdaptiveCard> Build()
    {
        var small = Ward() with
        {
            PeopleByUnit = new Dictionary<string, int> { ["outpatient-clinic"] = 7 },
            UnitWeeks = [new("outpatient-clinic", 0, 4, 4, 3, 3, 3, 8.1, 11.1, 1, 2, 4, 3, 4), new("outpatient-clinic", 1, 4, 4, 4, 4, 4, 11.6, 14, 0, 2, 4, 3, 4)],
            SessionsByWeek = [1, 0, 0, 0, 2],
            Lanes = [new("documentation", 2, 3)],
            CalibrationRespondents = 2,
            LowCalibrations = 1,
        };
        var schedule = new DigestSchedule(DayOfWeek.Friday, new TimeOnly(7, 30), "America/Chicago", new DateTimeOffset(2026, 11, 27, 13, 30, 0, TimeSpan.Zero));
        return new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
        {
            ["DigestCard.summary"] = DigestCard.Build(Report(Ward()), Language.English),
            ["DigestCard.summary.spanish"] = DigestCard.Build(Report(Ward(), nudge: false, name: "Medicina 3"), Language.Spanish),
            ["DigestCard.summary.dashboard"] = DigestCard.Build(Report(Ward()), Language.English, TabLinks.Dashboard(TeamsAppId, DigestService.Mine)),
            ["DigestCard.summary.dashboard.spanish"] = DigestCard.Build(Report(Ward(), nudge: false, name: "Medicina 3"), Language.Spanish, TabLinks.Dashboard(TeamsAppId, DigestService.Mine)),
            ["DigestCard.small-group"] = DigestCard.Build(Report(small, nudge: false, name: "Outpatient Clinic"), Language.English),
            ["DigestCard.with-concerns"] = DigestCard.Build(Report(Ward() with { ConcernsOpen = 6, ConcernsResolved = 2 }), Language.English),
            ["DigestCard.details"] = DigestCard.Details(Report(Ward()), Language.English),
            ["DigestCard.details.spanish"] = DigestCard.Details(Report(Ward(), nudge: false, name: "Medicina 3"), Language.Spanish),
            ["DigestNudgeCard"] = DigestNudgeCard.Build(new NudgeList(Report(Ward()).Header, [("Jamal Wright", 2), ("Chloe Martin", 1)]), Language.English),
            ["DigestNudgeCard.none"] = DigestNudgeCard.Build(new NudgeList(Report(Ward()).Header, []), Language.Spanish),
            ["DigestScheduleCard"] = DigestScheduleCard.Build(schedule, Language.English),
            ["DigestScheduleCard.problem"] = DigestScheduleCard.Build(schedule, Language.Spanish, "No pude entenderlo."),
        };
    }
}
