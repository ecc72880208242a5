using MentorBot.Features.Map;

namespace MentorBot.Features.CheckIns;

/// <summary>What <c>dispatch checkins --program X</c> covers: the whole programme by its name, or one unit by id or name.</summary>
internal static class DispatchScope
{
    public static bool TryResolve(MentorshipMap map, string? program, out Func<Person, bool>? include, out string? problem)
    {
        include = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(program) || string.Equals(program.Trim(), map.ProgrammeName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var unit = map.Units.FirstOrDefault(u => string.Equals(u.Id, program.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(u.Name, program.Trim(), StringComparison.OrdinalIgnoreCase));
        if (unit is null)
        {
            problem = $"error: no programme or unit called \"{program.Trim()}\". The programme is \"{map.ProgrammeName}\"; units are: {string.Join(", ", map.Units.Select(u => u.Id))}.";
            return false;
        }

        include = person => string.Equals(person.UnitId, unit.Id, StringComparison.Ordinal);
        return true;
    }
}
