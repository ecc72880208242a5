using MentorBot.Cards;
using MentorBot.Features.Conversations;

namespace MentorBot.Features.Map;

internal sealed class MyMapCommand(MapDirectory directory, CallerProfiles profiles, TimeProvider time) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("my map", "Your mentors, mentees and circles, with when you next meet.", CommandAudience.Everyone);

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken);
        return map is null ? NotInMapCard.Build() : MyMapCard.Build(map, time.GetUtcNow(), profiles.Today(map.Person));
    }
}

internal sealed class MapStatusCommand(MapStatusQuery query) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("map status", "Programme counts: people, pairings per lane, mentor load and who MentorBot cannot reach yet.", CommandAudience.Admin);

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        MapStatusCard.Build(await query.LoadAsync(cancellationToken));
}
