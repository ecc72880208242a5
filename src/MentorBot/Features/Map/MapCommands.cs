using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.TeamsApp;
using MentorBot.Web;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Map;

internal sealed class MyMapCommand(MapDirectory directory, CallerProfiles profiles, TimeProvider time, IOptions<TeamsAppOptions> teamsApp) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("my map", "Your mentors, mentees and circles, with when you next meet.", CommandAudience.Everyone,
            SpanishDescription: "Tus mentores, las personas que mentorizas y tus círculos, con la próxima vez que os veis.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken);
        return map is null
            ? NotInMapCard.Build(Languages.From(turn.Caller.Locale))
            : MyMapCard.Build(map, time.GetUtcNow(), profiles.Today(map.Person), Languages.From(map.Person.Locale), TabLinks.Map(teamsApp.Value.Id));
    }
}

internal sealed class MapStatusCommand(MapStatusQuery query, CallerProfiles profiles) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("map status", "Programme counts: people, pairings per lane, mentor load and who MentorBot cannot reach yet.", CommandAudience.Admin,
            SpanishDescription: "Cifras del programa: personas, parejas por área, carga de los mentores y a quién no puede llegar MentorBot todavía.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        MapStatusCard.Build(await query.LoadAsync(cancellationToken), (await profiles.ResolveAsync(turn.Caller, cancellationToken)).Language);
}
