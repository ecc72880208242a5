using MentorBot.Cards;
using MentorBot.Features.Conversations;
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

    public static IReadOnlyDictionary<string, AdaptiveCard> All { get; } = Build();

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
            ["NotInMapCard.spanish"] = NotInMapCard.Build(Language.Spanish),
            ["WelcomeCard.spanish"] = WelcomeCard.Build(mapped with { Language = Language.Spanish, RoleSummary = RoleSummary.Describe(SamMap(), new DateOnly(2026, 11, 23), Language.Spanish) }),
            ["HelpCard.spanish"] = HelpCard.Build(mapped with { Language = Language.Spanish }, commands),
            ["UnknownCommandCard.spanish"] = UnknownCommandCard.Build([commands[1]], Language.Spanish),
            ["NotAllowedCard.spanish"] = NotAllowedCard.Build(commands[2], Language.Spanish),
            ["MyMapCard.spanish"] = MyMapCard.Build(SamMap(), Now, new DateOnly(2026, 11, 23), Language.Spanish),
            ["MyMapCard.mentee"] = MyMapCard.Build(SamMap(), Now, new DateOnly(2026, 11, 23)),
            ["MyMapCard.mentor"] = MyMapCard.Build(MoMap(), Now, new DateOnly(2026, 11, 23)),
            ["MapStatusCard"] = MapStatusCard.Build(new MapStatus(
                new Dictionary<string, int> { ["director"] = 2, ["manager"] = 4, ["lead"] = 8, ["staff"] = 38 },
                31,
                [("Clinical judgment", 9), ("Documentation", 6), ("Family communication", 3)],
                [new MentorLoad("Megan Bowen", 3, 3), new MentorLoad("Omar Haddad", 2, 3)],
                ["Alex Wilber", "Isaiah Langer", "Noah Kim", "Lucía Morales", "Ethan Park", "Amara Obi", "Caleb Thornton", "Sofia Rossi", "Tomás Rivera"])),
            ["MapStatusCard.spanish"] = MapStatusCard.Build(new MapStatus(new Dictionary<string, int> { ["staff"] = 3 }, 1, [("Documentación", 1)], [], ["Alex Wilber"]), Language.Spanish),
        };
    }
}
