using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Calibration;

/// <summary>Renders "Is this pairing working?" for one of the pair, at send time.</summary>
internal sealed class CalibrationAskRenderer(MapStore map, MapDirectory directory) : IOutboxRenderer
{
    public string Kind => CalibrationService.AskKind;

    public async Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken)
    {
        var pairing = (await map.LoadAsync(cancellationToken)).Mentorships.FirstOrDefault(m => m.Id == reference);
        var person = await directory.FindByIdAsync(personId, cancellationToken);
        if (pairing is null || person is null || (pairing.MentorId != personId && pairing.MenteeId != personId))
        {
            return null;
        }

        var other = await directory.FindByIdAsync(pairing.MentorId == personId ? pairing.MenteeId : pairing.MentorId, cancellationToken);
        return other is null ? null : CalibrationCard.Build(pairing.Id, other.Name, pairing.StartDate, Languages.From(person.Locale));
    }
}

/// <summary>Renders a low-score flag for a programme admin, from the stored answer.</summary>
internal sealed class CalibrationFlagRenderer(MapStore map, MapDirectory directory, CalibrationStore store) : IOutboxRenderer
{
    public string Kind => CalibrationService.FlagKind;

    public async Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken)
    {
        var parts = reference.Split('|');
        if (parts.Length != 3)
        {
            return null;
        }

        var current = await map.LoadAsync(cancellationToken);
        var pairing = current.Mentorships.FirstOrDefault(m => m.Id == parts[0]);
        var answer = await store.FindAsync(parts[0], parts[1], cancellationToken);
        var admin = await directory.FindByIdAsync(personId, cancellationToken);
        if (pairing is null || answer is null || admin is not { IsAdmin: true })
        {
            return null;
        }

        string Name(string id) => current.People.FirstOrDefault(p => p.Id == id)?.Name ?? id;
        string Lane(string id) => current.Lanes.FirstOrDefault(l => l.Id == id)?.Name ?? id;
        return CalibrationFlagCard.Build(Name(pairing.MentorId), Name(pairing.MenteeId), string.Join(", ", pairing.Lanes.Select(Lane)), answer.Value.Role, answer.Value.Score, answer.Value.Note, Languages.From(admin.Locale));
    }
}
