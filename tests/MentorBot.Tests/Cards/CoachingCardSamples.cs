using MentorBot.Cards;

namespace MentorBot.Tests.Cards;

/// <summary>Samples of the coaching cards, merged into <see cref="CardSamples.All"/>.</summary>
internal static class CoachingCardSamples
{
    public static IReadOnlyDictionary<string, AdaptiveCard> Build() => new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
    {
    };
}
