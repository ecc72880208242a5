using MentorBot.Features.Map.File;

namespace MentorBot.Features.Map;

/// <summary>Validation of a person's ladder fields: their step, first shift and, once they have left, when and why.</summary>
internal static class PersonGrowthRules
{
    public static (string? StepId, DateOnly? FirstShift)? Read(PersonEntry e, string at, HashSet<string> stepIds, Action<string, string> problem)
    {
        var ok = true;
        if (e.Step is { } step && !stepIds.Contains(step))
        {
            problem(at + ".step", $"Unknown ladder step '{step}': use a step id from ladder.tracks[].steps[].");
            ok = false;
        }

        var firstShift = Date(e.FirstShift, at + ".firstShift", problem, ref ok);
        if (firstShift is { } shift && MapValues.TryDate(e.StartDate, out var start) && shift < start)
        {
            problem(at + ".firstShift", $"The first shift ({e.FirstShift}) is before the start date ({e.StartDate}).");
            ok = false;
        }

        return ok ? (e.Step, firstShift) : null;
    }

    /// <summary>When and why a person left, or null while they are still here; problems are reported at <c>left</c>.</summary>
    public static (DateOnly On, EndReason Reason)? Left(PersonEntry e, string at, Action<string, string> problem)
    {
        if (e.Left is not { } left)
        {
            return null;
        }

        var ok = true;
        var on = Date(left.On, at + ".left.on", problem, ref ok);
        if (left.On is null)
        {
            problem(at + ".left.on", "Say when the person left: yyyy-MM-dd.");
            ok = false;
        }

        if (!LadderNames.TryReason(left.Reason, out var reason))
        {
            problem(at + ".left.reason", left.Reason is null
                ? "Say why the person left: left-organisation, moved-unit or other."
                : $"'{left.Reason}' is not a reason: use left-organisation, moved-unit or other.");
            ok = false;
        }

        return ok && on is { } date ? (date, reason) : null;
    }

    private static DateOnly? Date(string? text, string at, Action<string, string> problem, ref bool ok)
    {
        if (text is null)
        {
            return null;
        }

        if (MapValues.TryDate(text, out var date))
        {
            return date;
        }

        problem(at, $"'{text}' is not a date: use yyyy-MM-dd.");
        ok = false;
        return null;
    }
}
