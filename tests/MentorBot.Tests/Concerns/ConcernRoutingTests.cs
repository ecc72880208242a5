using MentorBot.Features.Concerns;
using MentorBot.Features.Map;
using MentorBot.Features.Map.Demo;

namespace MentorBot.Tests.Concerns;

/// <summary>The demo map: Alex (Medical Ward 3) learns with Megan, Priya and Isaiah; Samuel is the ward's designated person; Adele manages him; Lynne is the admin.</summary>
public sealed class ConcernRoutingTests
{
    private static readonly MentorshipMap Map = DemoMap.Load(new DateOnly(2026, 11, 23));

    private static Person Person(string id) => Map.People.Single(p => p.Id == id);

    [Fact]
    public void A_mentee_may_choose_each_of_their_mentors_lane_mentors_first_or_their_units_designated_person()
    {
        var choices = ConcernRouting.ChoicesFor(Map, Person("alex-wilber"));

        Assert.Equal(
            ["mentor:megan-bowen", "mentor:priya-raman", "mentor:isaiah-langer", "designated"],
            choices.Select(c => c.Value));
        Assert.Equal(("samuel-okafor", ConcernRole.Designated), (choices[^1].Recipient.PersonId, choices[^1].Recipient.Role));
    }

    [Fact]
    public void A_concern_to_a_mentor_backs_up_to_the_units_designated_person()
    {
        var backups = ConcernRouting.Backups(Map, ConcernTarget.Mentor, "megan-bowen", "medical-ward-3", "alex-wilber");

        Assert.Equal([("samuel-okafor", ConcernRole.Designated)], backups.Select(b => (b.PersonId, b.Role)));
    }

    [Fact]
    public void A_concern_to_the_designated_person_backs_up_to_their_manager()
    {
        var backups = ConcernRouting.Backups(Map, ConcernTarget.Designated, "samuel-okafor", "medical-ward-3", "alex-wilber");

        Assert.Equal([("adele-vance", ConcernRole.Manager)], backups.Select(b => (b.PersonId, b.Role)));
    }

    [Fact]
    public void A_mentor_who_is_also_the_designated_person_is_never_their_own_backup()
    {
        var backups = ConcernRouting.Backups(Map, ConcernTarget.Mentor, "samuel-okafor", "medical-ward-3", "caleb-thornton");

        Assert.Equal(["adele-vance"], backups.Select(b => b.PersonId));
    }

    [Fact]
    public void Without_a_manager_it_backs_up_to_the_programme_admins()
    {
        var backups = ConcernRouting.Backups(Map, ConcernTarget.Designated, "patti-fernandez", "education-practice", "alex-wilber");

        Assert.Equal([("lynne-robbins", ConcernRole.Admin)], backups.Select(b => (b.PersonId, b.Role)));
    }

    [Fact]
    public void The_sender_never_receives_their_own_concern_as_backup()
    {
        var backups = ConcernRouting.Backups(Map, ConcernTarget.Designated, "samuel-okafor", "medical-ward-3", "adele-vance");

        Assert.DoesNotContain(backups, b => b.PersonId == "adele-vance");
        Assert.Equal(["lynne-robbins"], backups.Select(b => b.PersonId));
    }

    [Fact]
    public void The_designated_person_is_not_offered_to_themselves()
    {
        var choices = ConcernRouting.ChoicesFor(Map, Person("samuel-okafor"));

        Assert.DoesNotContain(choices, c => c.Target == ConcernTarget.Designated);
    }

    [Theory]
    [InlineData(24 * 60, "1 day")]
    [InlineData(48 * 60, "2 days")]
    [InlineData(12 * 60, "12 hours")]
    [InlineData(90, "90 minutes")]
    public void Spans_read_as_words(int minutes, string expected) =>
        Assert.Equal(expected, ConcernWords.Span(TimeSpan.FromMinutes(minutes), MentorBot.Cards.Language.English));
}
