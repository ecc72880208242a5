using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Reviews;

internal sealed class MapReviewCommand(MapReviewQuery query, MapDirectory directory, CallerProfiles profiles, TimeProvider time) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("map review", "The quarterly map review: mentor load, lanes without mentors, pairings with a low calibration.", CommandAudience.Admin,
            SpanishDescription: "La revisión trimestral del mapa: carga de mentores, áreas sin mentores y parejas con calibración baja.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var profile = await profiles.ResolveAsync(turn.Caller, cancellationToken);
        var person = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        var today = person is null ? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) : CallerProfiles.LocalToday(person, time.GetUtcNow());
        return MapReviewCard.Build(Quarters.Name(today), await query.LoadAsync(cancellationToken), profile.Language);
    }
}

/// <summary>Renders the quarterly map review for a programme admin at send time, from current data.</summary>
internal sealed class MapReviewRenderer(MapReviewQuery query, MapDirectory directory) : IOutboxRenderer
{
    public string Kind => QuarterlyReviewScheduler.MapReviewKind;

    public async Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) =>
        await directory.FindByIdAsync(personId, cancellationToken) is { IsAdmin: true } admin
            ? MapReviewCard.Build(reference, await query.LoadAsync(cancellationToken), Languages.From(admin.Locale))
            : null;
}
