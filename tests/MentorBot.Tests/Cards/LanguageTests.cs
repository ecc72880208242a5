using MentorBot.Cards;

namespace MentorBot.Tests.Cards;

public sealed class LanguageTests
{
    [Theory]
    [InlineData("es", Language.Spanish)]
    [InlineData("es-US", Language.Spanish)]
    [InlineData("ES-mx", Language.Spanish)]
    [InlineData("es_419", Language.Spanish)]
    [InlineData("en-US", Language.English)]
    [InlineData("est", Language.English)]
    [InlineData("fr-FR", Language.English)]
    [InlineData("", Language.English)]
    [InlineData(null, Language.English)]
    internal void Locales_map_to_the_card_language(string? locale, Language expected) => Assert.Equal(expected, Languages.From(locale));

    [Fact]
    public void Spanish_cards_have_no_english_headings_left()
    {
        foreach (var (name, card) in CardSamples.All.Where(s => s.Key.EndsWith(".spanish", StringComparison.Ordinal)))
        {
            var json = CardSerializer.Serialize(card);
            Assert.DoesNotContain("What you can ask me", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Welcome to MentorBot", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Your mentorship map", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Next check-in", json, StringComparison.Ordinal);
            Assert.DoesNotContain("I didn't catch that", json, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(card.FallbackText), name);
        }
    }
}
