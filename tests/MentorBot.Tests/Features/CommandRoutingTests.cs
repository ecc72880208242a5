using MentorBot.Cards;
using MentorBot.Features.Conversations;

namespace MentorBot.Tests.Features;

public sealed class CommandRoutingTests
{
    private static readonly CommandRouter Router = new([
        Registration("help", CommandAudience.Everyone),
        Registration("my map", CommandAudience.Everyone),
        Registration("map status", CommandAudience.Admin),
        Registration("coach me", CommandAudience.Mentee),
        Registration("check in", CommandAudience.Mentee),
    ]);

    [Theory]
    [InlineData("Help!", "help")]
    [InlineData("  MY   Map ", "my map")]
    [InlineData("check in.", "check in")]
    public void Normalise_folds_case_space_and_trailing_punctuation(string raw, string expected) =>
        Assert.Equal(expected, CommandText.Normalise(raw));

    [Theory]
    [InlineData("help", "help", "")]
    [InlineData("coach me documentation", "coach me", "documentation")]
    [InlineData("map status", "map status", "")]
    public void The_longest_matching_phrase_wins_and_the_rest_are_arguments(string text, string phrase, string arguments)
    {
        var match = Router.Match(text)!;

        Assert.Equal(phrase, match.Command.Descriptor.Phrase);
        Assert.Equal(arguments, match.Arguments);
    }

    [Theory]
    [InlineData("helpme")]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("map")]
    public void Text_that_is_not_a_whole_phrase_matches_nothing(string text) => Assert.Null(Router.Match(text));

    [Fact]
    public void Suggestions_only_offer_commands_the_caller_may_use()
    {
        var staff = new CallerProfile(new Caller("t", "a", "A", null, null), true, CommandAudience.Everyone | CommandAudience.Mentee, "Staff");

        var suggestions = Router.Suggest("map", staff).Select(s => s.Phrase).ToList();

        Assert.Contains("my map", suggestions);
        Assert.DoesNotContain("map status", suggestions);
    }

    [Fact]
    public void Near_misses_are_suggested()
    {
        var anyone = CallerProfile.Unmapped(new Caller("t", "a", "A", null, null));

        Assert.Equal("help", Router.Suggest("hlep", anyone).First().Phrase);
    }

    [Fact]
    public void Two_commands_cannot_claim_one_phrase()
    {
        Assert.Throws<InvalidOperationException>(() => new CommandRouter([Registration("help", CommandAudience.Everyone), Registration("help", CommandAudience.Admin)]));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("help", "help", 0)]
    [InlineData("", "abc", 3)]
    public void Distance_is_the_edit_distance(string a, string b, int expected) => Assert.Equal(expected, CommandText.Distance(a, b));

    private static CommandRegistration Registration(string phrase, CommandAudience audience) =>
        new(new CommandDescriptor(phrase, phrase, audience), _ => throw new InvalidOperationException("not resolved in routing tests"));
}
