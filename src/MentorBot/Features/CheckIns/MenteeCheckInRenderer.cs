using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.CheckIns;

/// <summary>Renders, at send time, what a mentor may see of a mentee's check-in: the shared view only.</summary>
internal sealed class MenteeCheckInRenderer(CheckInStore store, MapDirectory directory, Growth.CompetencySuggestions suggestions) : IOutboxRenderer
{
    public const string Kind = "mentee-checkin";

    string IOutboxRenderer.Kind => Kind;

    public async Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken)
    {
        var period = await store.FindPeriodAsync(reference, cancellationToken);
        var answer = await store.FindAnswerAsync(reference, cancellationToken);
        if (period is null || answer is null || period.MentorId != personId)
        {
            return null;
        }

        var mentee = await directory.FindByIdAsync(period.PersonId, cancellationToken);
        var mentor = await directory.FindByIdAsync(personId, cancellationToken);
        if (mentee is null || mentor is null)
        {
            return null;
        }

        var shared = answer.SharedView();
        var competencies = await suggestions.ForAsync(mentor.Id, mentee.Id, [shared.Need, shared.Stuck], cancellationToken);
        return MenteeCheckInCard.Build(period.Id, mentee.Id, mentee.Name, shared, Languages.From(mentor.Locale), competencies: competencies);
    }
}
