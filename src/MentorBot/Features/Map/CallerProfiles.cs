using MentorBot.Cards;
using MentorBot.Features.Conversations;

namespace MentorBot.Features.Map;

/// <summary>Resolves what the map says about a caller: whether they are in it, what they may do, and their role in words.</summary>
internal sealed class CallerProfiles(MapDirectory directory, TimeProvider time)
{
    public async ValueTask<CallerProfile> ResolveAsync(Caller caller, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(caller.AadObjectId, cancellationToken);
        return map is null ? CallerProfile.Unmapped(caller) : FromMap(caller, map, Today(map.Person));
    }

    public DateOnly Today(Person person) => LocalToday(person, time.GetUtcNow());

    internal static DateOnly LocalToday(Person person, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(person.TimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    internal static CallerProfile FromMap(Caller caller, PersonMap map, DateOnly today)
    {
        var person = map.Person;
        var audience = CommandAudience.Everyone;
        var (phase, _) = Onboarding.PhaseOn(person.StartDate, today);
        if (map.AsMentee.Any() || phase != OnboardingPhase.None)
        {
            audience |= CommandAudience.Mentee;
        }

        if (map.AsMentor.Any() || person.MentorCapacity > 0 || map.Circles.Any(c => c.FacilitatorId == person.Id))
        {
            audience |= CommandAudience.Mentor;
        }

        if (map.LeaderScopes.Count > 0)
        {
            audience |= CommandAudience.Leader;
        }

        if (person.IsAdmin)
        {
            audience |= CommandAudience.Admin;
        }

        // The map's name wins: some clients (the Agents Playground among them) send no display name.
        var language = Languages.From(person.Locale);
        return new CallerProfile(caller with { DisplayName = person.Name }, true, audience, RoleSummary.Describe(map, today, language)) { Language = language };
    }
}

/// <summary>A person's part in the programme in one plain sentence.</summary>
internal static class RoleSummary
{
    public static string Describe(PersonMap map, DateOnly today, Language language = Language.English)
    {
        var person = map.Person;
        var parts = new List<string>
        {
            LevelName(person.Level, language) + (map.UnitName is null ? string.Empty : language.Pick(" in ", " en ") + map.UnitName),
        };

        var (phase, week) = Onboarding.PhaseOn(person.StartDate, today);
        if (phase != OnboardingPhase.None)
        {
            parts.Add(language.Pick($"week {week} of your 90-day onboarding ({Onboarding.Describe(phase)})", $"semana {week} de tu incorporación de 90 días ({Onboarding.Describe(phase, language)})"));
        }

        var mentors = map.AsMentee.Select(m => map.NameOf(m.MentorId)).Distinct().ToList();
        if (mentors.Count > 0)
        {
            parts.Add(language.Pick("learning with ", "aprendiendo con ") + Join(mentors, language));
        }

        var mentees = map.AsMentor.Count();
        if (mentees > 0)
        {
            parts.Add(mentees == 1 ? language.Pick("mentor to 1 person", "mentor de 1 persona") : language.Pick($"mentor to {mentees} people", $"mentor de {mentees} personas"));
        }

        parts.AddRange(map.Circles.Select(c => c.FacilitatorId == person.Id ? language.Pick($"facilitator of {c.Name}", $"facilitas {c.Name}") : language.Pick($"member of {c.Name}", $"participas en {c.Name}")));
        if (map.LeaderScopes.Count > 0)
        {
            parts.Add(map.LeaderScopes.Contains(LeaderScopeKind.Organisation)
                ? language.Pick("leader for the whole organisation", "responsable de toda la organización")
                : language.Pick("leader with a weekly digest", "responsable con resumen semanal"));
        }

        if (person.IsAdmin)
        {
            parts.Add(language.Pick("programme admin", "administración del programa"));
        }

        return string.Join(" · ", parts);
    }

    public static string LevelName(Level level, Language language) => (level, language) switch
    {
        (Level.Director, Language.Spanish) => "Dirección",
        (Level.Manager, Language.Spanish) => "Supervisión",
        (Level.Lead, Language.Spanish) => "Responsable de equipo",
        (Level.Staff, Language.Spanish) => "Personal de atención",
        _ => Capitalise(level.ToString().ToLowerInvariant()),
    };

    private static string Join(IReadOnlyList<string> names, Language language) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + language.Pick(" and ", " y ") + names[^1];

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
