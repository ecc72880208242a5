using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Welcome;
using MentorBot.Tests.Cards;

namespace MentorBot.Tests.Features;

public sealed class WelcomeCardTests
{
    [Theory]
    [InlineData("Alex Wilber", "Alex")]
    [InlineData("  Megan  ", "Megan")]
    [InlineData("", "there")]
    public void The_welcome_uses_the_first_name(string displayName, string expected) =>
        Assert.Equal(expected, WelcomeCard.FirstName(displayName));

    [Fact]
    public void A_mapped_person_sees_their_role_and_an_unmapped_one_is_told_how_to_be_added()
    {
        var mapped = CardSerializer.Serialize(WelcomeCard.Build(new CallerProfile(CardSamples.Alex, true, CommandAudience.Everyone, "Staff in Ward 3")));
        var unmapped = CardSerializer.Serialize(WelcomeCard.Build(CallerProfile.Unmapped(CardSamples.Alex)));

        Assert.Contains("Staff in Ward 3", mapped, StringComparison.Ordinal);
        Assert.DoesNotContain("programme admin to add you", mapped, StringComparison.Ordinal);
        Assert.Contains("programme admin to add you", unmapped, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_only_the_commands_for_the_callers_roles()
    {
        var staff = new CallerProfile(CardSamples.Alex, true, CommandAudience.Everyone | CommandAudience.Mentee, "Staff");
        var json = CardSerializer.Serialize(HelpCard.Build(staff, [
            new("help", "h", CommandAudience.Everyone),
            new("check in", "c", CommandAudience.Mentee),
            new("digest", "d", CommandAudience.Leader),
        ]));

        Assert.Contains("**check in**", json, StringComparison.Ordinal);
        Assert.DoesNotContain("**digest**", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unknown_command_card_never_echoes_what_was_typed()
    {
        var json = CardSerializer.Serialize(UnknownCommandCard.Build([]));

        Assert.Contains("help", json, StringComparison.Ordinal);
        Assert.DoesNotContain("My patient", json, StringComparison.Ordinal);
    }
}
