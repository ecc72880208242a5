using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.CheckIns;

/// <summary>Renders, at send time, what a mentor may see of a mentee's check-in: the shared view only.</summary>
internal sealed class MenteeCheckInRenderer(CheckInStore store, MapDirectory directory) : IOutboxRenderer
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
        return mentee is null || mentor is null ? null : MenteeCheckInCard.Build(period.Id, mentee.Id, mentee.Name, answer.SharedView(), Languages.From(mentor.Locale));
    }
}
