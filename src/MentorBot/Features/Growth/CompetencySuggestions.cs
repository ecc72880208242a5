using MentorBot.Features.Map;

namespace MentorBot.Features.Growth;

/// <summary>
/// Competencies a mentor could look at after a check-in: those of the mentee's step in the lanes their shared "need" or
/// "stuck" names, not yet validated, that this mentor may validate. Reads lane ids from the text and keeps no text.
/// </summary>
internal sealed class CompetencySuggestions(MapSnapshots snapshots, GrowthStore store)
{
    public const int Most = 3;

    public async Task<IReadOnlyList<string>> ForAsync(string mentorId, string menteeId, IEnumerable<string?> sharedTexts, CancellationToken cancellationToken)
    {
        var map = await snapshots.CurrentAsync(cancellationToken);
        var mentor = map.People.FirstOrDefault(p => p.Id == mentorId);
        var mentee = map.People.FirstOrDefault(p => p.Id == menteeId);
        if (mentor is null || mentee is null || map.Ladder.Step(mentee.StepId) is not { } step)
        {
            return [];
        }

        var lanes = Coaching.LaneMentions.Find(sharedTexts, map.Lanes);
        if (lanes.Count == 0)
        {
            return [];
        }

        var states = await store.StatesAsync(mentee.Id, cancellationToken);
        return [.. step.Competencies
            .Where(c => lanes.Contains(c.LaneId, StringComparer.Ordinal))
            .Where(c => states.GetValueOrDefault(c.Id)?.Status != CompetencyStatus.Validated)
            .Where(c => GrowthAccess.MayValidate(mentor, mentee, c, map.Mentorships))
            .OrderBy(c => lanes.ToList().IndexOf(c.LaneId))
            .Take(Most)
            .Select(c => c.Name)];
    }
}
