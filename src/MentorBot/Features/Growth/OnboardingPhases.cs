using MentorBot.Features.Map;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Growth;

/// <summary>A new hire's onboarding phase under the programme's <see cref="PhaseRule"/>, for features that tailor to it.</summary>
internal sealed class OnboardingPhases(MapSnapshots snapshots, GrowthStore store, IOptions<OnboardingOptions> options)
{
    public async Task<OnboardingPhase> CurrentAsync(Person person, DateOnly today, CancellationToken cancellationToken)
    {
        var calendar = Onboarding.PhaseOn(person.StartDate, today).Phase;
        if (calendar == OnboardingPhase.None || options.Value.PhaseRule == PhaseRule.Calendar || person.StepId is null)
        {
            return calendar;
        }

        var map = await snapshots.CurrentAsync(cancellationToken);
        var validated = await store.ValidatedAsync([person.Id], cancellationToken);
        return OnboardingProgress.Current(options.Value.PhaseRule, person, map.Ladder.Step(person.StepId), validated.GetValueOrDefault(person.Id) ?? [], today);
    }
}
