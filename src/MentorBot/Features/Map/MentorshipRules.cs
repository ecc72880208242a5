using MentorBot.Features.Map.File;

namespace MentorBot.Features.Map;

/// <summary>Validation of pairings: who may mentor whom, in which lanes, and within capacity.</summary>
internal static class MentorshipRules
{
    public static List<Mentorship> Validate(List<MentorshipEntry> entries, IReadOnlyDictionary<string, Person> people, HashSet<string> declared, HashSet<string> laneIds, Action<string, string> problem)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Mentorship>();
        var firstAt = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"$.mentorships[{i}]";
            var mentorship = ValidateOne(entries[i], at, seen, people, declared, laneIds, problem);
            if (mentorship is null)
            {
                continue;
            }

            var pair = mentorship.MentorId + "→" + mentorship.MenteeId;
            if (mentorship.HoldsCapacity && !firstAt.TryAdd(pair, at))
            {
                problem(at, $"{mentorship.MentorId} already mentors {mentorship.MenteeId} in {firstAt[pair]}; put both lanes in one pairing.");
                continue;
            }

            result.Add(mentorship);
        }

        ReportOverCapacity(entries, result, people, problem);
        return result;
    }

    private static Mentorship? ValidateOne(MentorshipEntry e, string at, HashSet<string> seen, IReadOnlyDictionary<string, Person> people, HashSet<string> declared, HashSet<string> laneIds, Action<string, string> problem)
    {
        var ok = MapValidator.CheckId(e.Id, at + ".id", seen, "mentorship", problem);
        var mentor = Find(e.Mentor, at + ".mentor", "mentor", people, declared, problem);
        var mentee = Find(e.Mentee, at + ".mentee", "mentee", people, declared, problem);
        ok &= mentor is not null && mentee is not null;
        if (e.Mentor is not null && e.Mentor == e.Mentee)
        {
            problem(at + ".mentee", "A mentor cannot be their own mentee.");
            ok = false;
        }

        var lanes = e.Lanes ?? [];
        if (lanes.Count == 0)
        {
            problem(at + ".lanes", "A mentorship needs at least one lane.");
            ok = false;
        }

        for (var l = 0; l < lanes.Count; l++)
        {
            if (!laneIds.Contains(lanes[l]))
            {
                problem($"{at}.lanes[{l}]", $"Unknown lane '{lanes[l]}'.");
                ok = false;
            }
        }

        var kind = MentorshipKind.Lane;
        if (e.Kind is not null && !MapValues.TryKind(e.Kind, out kind))
        {
            problem(at + ".kind", $"'{e.Kind}' is not a kind: use lane, peer, reverse or onboarding-buddy.");
            ok = false;
        }

        var cadence = CadenceRules.Read(e.Cadence, at + ".cadence", problem);
        ok &= cadence is not null;
        var start = ReadDate(e.StartDate, at + ".startDate", problem, required: true, ref ok);
        var status = MentorshipStatus.Active;
        if (e.Status is not null && !MapValues.TryStatus(e.Status, out status))
        {
            problem(at + ".status", $"'{e.Status}' is not a status: use active, paused or ended.");
            ok = false;
        }

        var pausedUntil = ReadDate(e.PausedUntil, at + ".pausedUntil", problem, required: false, ref ok);
        if (status == MentorshipStatus.Paused && pausedUntil is null && e.PausedUntil is null)
        {
            problem(at + ".pausedUntil", "A paused mentorship needs pausedUntil: the date it resumes.");
            ok = false;
        }

        var calibration = ReadDate(e.CalibrationDate, at + ".calibrationDate", problem, required: false, ref ok);
        if (mentor is not null && mentee is not null && mentor.Id != mentee.Id)
        {
            ok &= CheckPairing(mentor, mentee, kind, lanes, at, problem);
        }

        return ok
            ? new Mentorship(e.Id!, mentor!.Id, mentee!.Id, [.. lanes.Distinct(StringComparer.Ordinal)], kind, cadence!, start!.Value, status,
                status == MentorshipStatus.Paused ? pausedUntil : null, calibration ?? start!.Value.AddDays(30))
            : null;
    }

    private static bool CheckPairing(Person mentor, Person mentee, MentorshipKind kind, List<string> lanes, string at, Action<string, string> problem)
    {
        var ok = true;
        switch (kind)
        {
            case MentorshipKind.Lane when mentor.Level <= mentee.Level:
                problem(at, $"A lane mentor must be at least one level above the mentee: {mentor.Id} is {Name(mentor.Level)}, {mentee.Id} is {Name(mentee.Level)}. Use kind peer for colleagues at the same level.");
                ok = false;
                break;
            case MentorshipKind.Peer or MentorshipKind.OnboardingBuddy when mentor.Level != mentee.Level:
                problem(at, $"A {MapValues.KindName(kind)} pairing is between people at the same level: {mentor.Id} is {Name(mentor.Level)}, {mentee.Id} is {Name(mentee.Level)}.");
                ok = false;
                break;
            case MentorshipKind.Reverse when mentor.Level >= mentee.Level:
                problem(at, $"In reverse mentoring the mentor is junior to the mentee: {mentor.Id} is {Name(mentor.Level)}, {mentee.Id} is {Name(mentee.Level)}.");
                ok = false;
                break;
        }

        if (kind == MentorshipKind.Lane && mentee.ManagerId == mentor.Id)
        {
            problem(at + ".mentor", $"{mentor.Id} is {mentee.Id}'s line manager; a line manager is never their lane mentor. Pick another mentor.");
            ok = false;
        }

        if (kind == MentorshipKind.Lane)
        {
            foreach (var lane in lanes.Where(l => !mentor.Teaches.Contains(l, StringComparer.Ordinal)))
            {
                problem(at + ".lanes", $"{mentor.Id} does not teach '{lane}'; add it to their teaches list or pick another mentor.");
                ok = false;
            }
        }

        return ok;
    }

    private static void ReportOverCapacity(List<MentorshipEntry> entries, List<Mentorship> valid, IReadOnlyDictionary<string, Person> people, Action<string, string> problem)
    {
        foreach (var group in valid.Where(m => m.HoldsCapacity).GroupBy(m => m.MentorId, StringComparer.Ordinal))
        {
            var mentor = people[group.Key];
            var load = group.Count();
            if (load > mentor.MentorCapacity)
            {
                var index = entries.FindIndex(e => e.Id == group.Last().Id);
                problem($"$.mentorships[{index}].mentor", $"{mentor.Id} is over capacity: {load} active or paused mentees for a capacity of {mentor.MentorCapacity}.");
            }
        }
    }

    /// <summary>The person, or null: reported as unknown only when the file does not declare them at all.</summary>
    private static Person? Find(string? id, string at, string role, IReadOnlyDictionary<string, Person> people, HashSet<string> declared, Action<string, string> problem)
    {
        if (id is null)
        {
            problem(at, $"A mentorship needs a {role}.");
            return null;
        }

        if (!people.TryGetValue(id, out var person))
        {
            if (!declared.Contains(id))
            {
                problem(at, $"Unknown person '{id}'.");
            }

            return null;
        }

        return person;
    }

    private static DateOnly? ReadDate(string? value, string at, Action<string, string> problem, bool required, ref bool ok)
    {
        if (value is null)
        {
            if (required)
            {
                problem(at, "A date is needed (yyyy-MM-dd).");
                ok = false;
            }

            return null;
        }

        if (MapValues.TryDate(value, out var date))
        {
            return date;
        }

        problem(at, $"'{value}' is not a date: use yyyy-MM-dd.");
        ok = false;
        return null;
    }

    private static string Name(Level level) => level.ToString().ToLowerInvariant();
}
