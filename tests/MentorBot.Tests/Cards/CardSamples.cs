using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Circles;
using MentorBot.Features.Reviews;
using MentorBot.Features.Map;
using MentorBot.Features.Map.File;
using MentorBot.Features.Welcome;

namespace MentorBot.Tests.Cards;

/// <summary>
/// One or more samples of every card MentorBot can send. Schema and snapshot tests run over all of them, and a
/// reflection test fails when a new <c>*Card</c> builder has no sample here.
/// </summary>
internal static class CardSamples
{
    public static readonly Caller Alex = new("tenant-1", "00000000-0000-0000-0000-0000000000020", "Alex Wilber", "en-US", "America/Chicago");

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public static readonly CheckInAnswer Answer = new(
        "p1", "alex-wilber", "How to read the early warning chart", true, "Practice with family conversations", false, null, true, 3, 4, true, true, Now.AddHours(-2), 1);

    public static readonly CircleAnswer Debrief = new("c-001:2026-11-05", "alex-wilber", "Ask for the handover sheet first", null, "Night shift documentation", true, 1);

    public static readonly QuarterlyReview Review = new("m-001", "2026-Q4", "alex-wilber", "mentee", 4, "I can now run the early warning chart on my own.", "Family conversations when news is hard.", true, true);

    public static IReadOnlyDictionary<string, AdaptiveCard> All { get; } = Build()
        .Concat(CoachingCardSamples.Build())
        .Concat(ReflectionCardSamples.Build())
        .Concat(BookingCardSamples.Build())
        .Concat(MatchCardSamples.Build())
        .Concat(ConcernCardSamples.Build())
        .Concat(PulseCardSamples.Build())
        .Concat(DigestCardSamples.Build())
        .Concat(GrowthCardSamples.Build())
        .Concat(OutcomeCardSamples.Build())
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static CircleDebriefForm DebriefForm(Language language, CircleAnswer? draft) =>
        new("c-001:2026-11-05", "New Starters Circle", "Clinical judgment", 8, Now.AddDays(28), "America/Chicago", language, 1000, draft);

    private static CheckInForm Form(OnboardingPhase phase, Language language, CheckInDraft draft) =>
        new("p1", "Megan Bowen", phase, Now.AddDays(6), "America/Chicago", language, 1000, draft);

    private static MentorshipMap FixtureMap() =>
        MapValidator.Validate(MapFileReader.ReadJson(Map.MapFixtures.Valid().ToJsonString()).Document!).Map!;

    private static PersonMap PersonMapFor(string id)
    {
        var map = FixtureMap();
        var person = map.People.Single(p => p.Id == id);
        return new PersonMap(
            person,
            "Ward 3",
            [.. map.Mentorships.Where(m => m.MentorId == id || m.MenteeId == id)],
            [.. map.Circles.Where(c => c.FacilitatorId == id || c.MemberIds.Contains(id))],
            [.. map.LeaderScopes.Where(s => s.LeaderId == id).Select(s => s.Kind)],
            map.People.ToDictionary(p => p.Id, p => new PersonName(p.Name, p.TimeZone)),
            map.Lanes.ToDictionary(l => l.Id, l => l.Name));
    }

    public static PersonMap SamMap() => PersonMapFor("sam");

    public static PersonMap MoMap() => PersonMapFor("mo");

    private static Dictionary<string, AdaptiveCard> Build()
    {
        var mapped = new CallerProfile(Alex, true, CommandAudience.Everyone | CommandAudience.Mentee, "Staff, new hire in onboarding (observe phase)");
        var unmapped = CallerProfile.Unmapped(Alex);
        CommandDescriptor[] commands =
        [
            new("help", "Show the commands you can use.", CommandAudience.Everyone, SpanishDescription: "Muestra los comandos que puedes usar."),
            new("check in", "Start a check-in now.", CommandAudience.Mentee, "check in", "Empieza un seguimiento ahora."),
            new("digest", "Your scope's weekly digest.", CommandAudience.Leader),
        ];

        return new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
        {
            ["WelcomeCard.mapped"] = WelcomeCard.Build(mapped),
            ["WelcomeCard.unmapped"] = WelcomeCard.Build(unmapped),
            ["HelpCard.mapped"] = HelpCard.Build(mapped, commands),
            ["HelpCard.unmapped"] = HelpCard.Build(unmapped, commands),
            ["UnknownCommandCard.suggestions"] = UnknownCommandCard.Build([commands[1]]),
            ["UnknownCommandCard.none"] = UnknownCommandCard.Build([]),
            ["NotAllowedCard.leader"] = NotAllowedCard.Build(commands[2]),
            ["NotInMapCard"] = NotInMapCard.Build(),
            ["CheckInCard.observe"] = CheckInCard.Build(Form(OnboardingPhase.Observe, Language.English, new CheckInDraft())),
            ["CheckInCard.editing"] = CheckInCard.Build(Form(OnboardingPhase.None, Language.English, CheckInDraft.From(Answer))),
            ["CheckInCard.problem"] = CheckInCard.Build(Form(OnboardingPhase.PractiseWithSupport, Language.English, new CheckInDraft(Learned: "kept")) with { Problem = "Please pick a number from 1 to 5 for confidence and for load." }),
            ["CheckInCard.scheduled"] = CheckInCard.Build(Form(OnboardingPhase.None, Language.English, new CheckInDraft()) with { CanSkip = true }),
            ["CheckInSummaryCard.streak"] = CheckInSummaryCard.Build(Answer, "Megan Bowen", true, Now.AddDays(6), "America/Chicago", Language.English, streak: 4, mentorId: "megan-bowen"),
            ["CheckInCard.reminder"] = CheckInCard.Build(Form(OnboardingPhase.None, Language.English, new CheckInDraft()) with { IsReminder = true }),
            ["CheckInCard.spanish"] = CheckInCard.Build(Form(OnboardingPhase.PractiseIndependently, Language.Spanish, new CheckInDraft())),
            ["CheckInSummaryCard.open"] = CheckInSummaryCard.Build(Answer, "Megan Bowen", true, Now.AddDays(6), "America/Chicago", Language.English),
            ["CheckInSummaryCard.closed"] = CheckInSummaryCard.Build(Answer, "Megan Bowen", false, Now.AddDays(-1), "America/Chicago", Language.English),
            ["MenteeCheckInCard"] = MenteeCheckInCard.Build("p1", "alex-wilber", "Alex Wilber", Answer.SharedView(), Language.English),
            ["MenteeCheckInCard.competencies"] = MenteeCheckInCard.Build("p1", "alex-wilber", "Alex Wilber", Answer.SharedView(), Language.English, competencies: ["Writes a care note the next shift can act on", "Hands over with SBAR"]),
            ["MenteeCheckInCard.spanish"] = MenteeCheckInCard.Build("p1", "alex-wilber", "Alex Wilber", Answer.SharedView(), Language.Spanish),
            ["MenteeCheckInCard.replied"] = MenteeCheckInCard.Build("p1", "alex-wilber", "Alex Wilber", Answer.SharedView(), Language.English, new MentorReplyState("Great work on the handover. Let's talk it through on Thursday.")),
            ["MenteeCheckInCard.reply-problem"] = MenteeCheckInCard.Build("p1", "alex-wilber", "Alex Wilber", Answer.SharedView(), Language.English, new MentorReplyState(null, string.Empty, "Write your reply in the box first.")),
            ["MentorReplyCard"] = MentorReplyCard.Build("megan-bowen", "Megan Bowen", "Great work on the handover. Let's talk it through on Thursday.", Language.English),
            ["MentorReplyCard.spanish"] = MentorReplyCard.Build("megan-bowen", "Megan Bowen", "Buen trabajo con el relevo. Lo hablamos el jueves.", Language.Spanish),
            ["MyCheckInsCard"] = MyCheckInsCard.Build([Answer, Answer with { PeriodId = "p0", Learned = null, SubmittedAt = Now.AddDays(-7) }], "America/Chicago", Language.English),
            ["MyCheckInsCard.empty"] = MyCheckInsCard.Build([], "America/Chicago", Language.English),
            ["ClosedCard"] = ClosedCard.Build(Language.English),
            ["CalibrationCard"] = MentorBot.Features.Calibration.CalibrationCard.Build("m-001", "Megan Bowen", new DateOnly(2026, 11, 3), Language.English),
            ["CalibrationCard.spanish"] = MentorBot.Features.Calibration.CalibrationCard.Build("m-001", "Megan Bowen", new DateOnly(2026, 11, 3), Language.Spanish, "Elige una de las cinco respuestas."),
            ["CalibrationCard.thanks"] = MentorBot.Features.Calibration.CalibrationCard.Thanks(2, Language.English),
            ["CalibrationCard.thanks.offer-time"] = MentorBot.Features.Calibration.CalibrationCard.Thanks(2, Language.English, "megan-bowen", "Megan Bowen"),
            ["CalibrationFlagCard"] = MentorBot.Features.Calibration.CalibrationFlagCard.Build("Megan Bowen", "Alex Wilber", "Clinical judgment, Documentation", "mentee", 2, "We never manage to meet.", Language.English),
            ["NotInMapCard.spanish"] = NotInMapCard.Build(Language.Spanish),
            ["WelcomeCard.spanish"] = WelcomeCard.Build(mapped with { Language = Language.Spanish, RoleSummary = RoleSummary.Describe(SamMap(), new DateOnly(2026, 11, 23), Language.Spanish) }),
            ["HelpCard.spanish"] = HelpCard.Build(mapped with { Language = Language.Spanish }, commands),
            ["UnknownCommandCard.spanish"] = UnknownCommandCard.Build([commands[1]], Language.Spanish),
            ["NotAllowedCard.spanish"] = NotAllowedCard.Build(commands[2], Language.Spanish),
            ["MyMapCard.spanish"] = MyMapCard.Build(SamMap(), Now, new DateOnly(2026, 11, 23), Language.Spanish),
            ["MyMapCard.mentee"] = MyMapCard.Build(SamMap(), Now, new DateOnly(2026, 11, 23)),
            ["MyMapCard.mentor"] = MyMapCard.Build(MoMap(), Now, new DateOnly(2026, 11, 23)),
            ["MyMapCard.map-link"] = MyMapCard.Build(SamMap(), Now, new DateOnly(2026, 11, 23), Language.English, MentorBot.Web.TabLinks.Map(DigestCardSamples.TeamsAppId)),
            ["MyMapCard.map-link.spanish"] = MyMapCard.Build(SamMap(), Now, new DateOnly(2026, 11, 23), Language.Spanish, MentorBot.Web.TabLinks.Map(DigestCardSamples.TeamsAppId)),
            ["MapStatusCard"] = MapStatusCard.Build(new MapStatus(
                new Dictionary<string, int> { ["director"] = 2, ["manager"] = 4, ["lead"] = 8, ["staff"] = 38 },
                31,
                [("Clinical judgment", 9), ("Documentation", 6), ("Family communication", 3)],
                [new MentorLoad("Megan Bowen", 3, 3), new MentorLoad("Omar Haddad", 2, 3)],
                ["Alex Wilber", "Isaiah Langer", "Noah Kim", "Lucía Morales", "Ethan Park", "Amara Obi", "Caleb Thornton", "Sofia Rossi", "Tomás Rivera"])),
            ["MapStatusCard.spanish"] = MapStatusCard.Build(new MapStatus(new Dictionary<string, int> { ["staff"] = 3 }, 1, [("Documentación", 1)], [], ["Alex Wilber"]), Language.Spanish),
            ["CircleDebriefCard"] = CircleDebriefCard.Build(DebriefForm(Language.English, null)),
            ["CircleDebriefCard.problem"] = CircleDebriefCard.Build(DebriefForm(Language.English, Debrief) with { Problem = "One of your answers is longer than 1000 characters." }),
            ["CircleDebriefCard.spanish"] = CircleDebriefCard.Build(DebriefForm(Language.Spanish, null)),
            ["CircleSharedCard"] = CircleSharedCard.Build("New Starters Circle", Debrief, [new("Alex Wilber", "Ask for the handover sheet first", null, "Night shift documentation"), new("Lucía Morales", null, "More time with the wound care nurse", null)], true, "c-001:2026-11-05", Language.English),
            ["CircleSharedCard.empty"] = CircleSharedCard.Build("New Starters Circle", null, [], false, "c-001:2026-11-05", Language.English),
            ["QuarterlyReviewCard"] = QuarterlyReviewCard.Build("m-001", "2026-Q4", "Megan Bowen", false, null, 1000, Language.English),
            ["QuarterlyReviewCard.mentor"] = QuarterlyReviewCard.Build("m-001", "2026-Q4", "Alex Wilber", true, Review, 1000, Language.English, "Please pick a number from 1 to 5 for progress."),
            ["QuarterlyReviewCard.summary"] = QuarterlyReviewCard.Summary("Alex's quarterly review", Review, Language.English),
            ["QuarterlyReviewCard.spanish"] = QuarterlyReviewCard.Build("m-001", "2026-Q4", "Megan Bowen", false, null, 1000, Language.Spanish),
            ["MapReviewCard"] = MapReviewCard.Build("2026-Q4", new MapReview(
                [new MentorLoad("Megan Bowen", 3, 4), new MentorLoad("Omar Haddad", 2, 2)], 11, ["Time management"], ["Leadership readiness"],
                [new LowCalibration("Priya Raman", "Alex Wilber", "mentee", 2)], 3), Language.English),
            ["MapReviewCard.calm"] = MapReviewCard.Build("2026-Q4", new MapReview([], 14, [], [], [], 0), Language.Spanish),
            ["UnreachableCard"] = UnreachableCard.Build(["Alex Wilber", "Isaiah Langer"], 14, Language.English),
            ["UnreachableCard.spanish"] = UnreachableCard.Build(["Alex Wilber"], 1, Language.Spanish),
        };
    }
}
