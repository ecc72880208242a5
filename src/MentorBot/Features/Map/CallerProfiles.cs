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
        return new CallerProfile(caller with { DisplayName = person.Name }, true, audience, RoleSummary.Describe(map, today));
    }
}

/// <summary>A person's part in the programme in one plain sentence.</summary>
internal static class RoleSummary
{
    public static string Describe(PersonMap map, DateOnly today)
    {
        var person = map.Person;
        var parts = new List<string>
        {
            Capitalise(person.Level.ToString().ToLowerInvariant()) + (map.UnitName is null ? string.Empty : " in " + map.UnitName),
        };

        var (phase, week) = Onboarding.PhaseOn(person.StartDate, today);
        if (phase != OnboardingPhase.None)
        {
            parts.Add($"week {week} of your 90-day onboarding ({Onboarding.Describe(phase)})");
        }

        var mentors = map.AsMentee.Select(m => map.NameOf(m.MentorId)).Distinct().ToList();
        if (mentors.Count > 0)
        {
            parts.Add("learning with " + Join(mentors));
        }

        var mentees = map.AsMentor.Count();
        if (mentees > 0)
        {
            parts.Add(mentees == 1 ? "mentor to 1 person" : $"mentor to {mentees} people");
        }

        parts.AddRange(map.Circles.Select(c => c.FacilitatorId == person.Id ? $"facilitator of {c.Name}" : $"member of {c.Name}"));
        if (map.LeaderScopes.Count > 0)
        {
            parts.Add(map.LeaderScopes.Contains(LeaderScopeKind.Organisation) ? "leader for the whole organisation" : "leader with a weekly digest");
        }

        if (person.IsAdmin)
        {
            parts.Add("programme admin");
        }

        return string.Join(" · ", parts);
    }

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
