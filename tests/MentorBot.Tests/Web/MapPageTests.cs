using MentorBot.Features.Map;
using MentorBot.Features.Map.Demo;
using MentorBot.Web;
using MentorBot.Web.Map;

namespace MentorBot.Tests.Web;

/// <summary>The map page from the demo map: filters, search, the drawing, and whose pairings each reader may see.</summary>
public sealed class MapPageTests
{
    private static readonly MentorshipMap Map = DemoMap.Load(new DateOnly(2026, 11, 23));
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static TabReader Reader(string id) => new(Map.People.Single(p => p.Id == id), Map, Now);

    [Fact]
    public void With_nothing_chosen_the_page_opens_on_the_readers_unit_and_draws_it()
    {
        var alex = Reader("alex-wilber");
        var model = MapPageBuilder.Build(alex, new MapFilter(null, null, null, null));

        Assert.Equal(alex.Person.UnitId, model.Filter.Unit);
        Assert.All(model.Nodes, n => Assert.Equal(Map.Units.Single(u => u.Id == alex.Person.UnitId).Name, n.Unit));
        Assert.False(model.TooManyToDraw);
        Assert.Contains(model.Nodes, n => n.IsReader && n.Name == "Alex Wilber");

        // Alex's mentors from other units are drawn beside the unit, set apart, with the lines to him.
        var mentors = Map.Mentorships.Where(m => m.MenteeId == "alex-wilber" && m.Status != MentorshipStatus.Ended).Select(m => m.MentorId).ToList();
        Assert.All(mentors, id => Assert.Contains(model.Nodes.Concat(model.Partners), n => n.Id == id));
        Assert.All(model.Partners, p => Assert.True(p.Outside && model.Nodes.All(n => n.Id != p.Id)));
        Assert.All(mentors, id => Assert.Contains(model.Edges, e => e.MentorId == id && e.MenteeId == "alex-wilber"));
    }

    [Fact]
    public void A_search_looks_across_every_unit_and_a_lane_keeps_those_who_teach_need_or_pair_in_it()
    {
        var search = MapPageBuilder.Build(Reader("isaiah-langer"), new MapFilter(null, null, "bowen", null));
        Assert.Equal(string.Empty, search.Filter.Unit);
        Assert.Equal(["Megan Bowen"], search.Nodes.Select(n => n.Name));

        var lane = MapPageBuilder.Build(Reader("lynne-robbins"), new MapFilter(string.Empty, "family-communication", null, null));
        Assert.All(lane.Nodes, n =>
        {
            var person = Map.People.Single(p => p.Id == n.Id);
            Assert.True(person.Teaches.Contains("family-communication") || person.NeedsLanes.Contains("family-communication")
                || Map.Mentorships.Any(m => (m.MentorId == n.Id || m.MenteeId == n.Id) && m.Lanes.Contains("family-communication")), n.Name);
        });
        Assert.All(lane.Edges, e => Assert.True(e.Kind != MentorshipKind.Lane || e.Lanes.Contains("Family", StringComparison.Ordinal)));
    }

    [Fact]
    public void Staff_see_their_own_pairings_and_only_a_count_of_anyone_elses()
    {
        var isaiah = MapPageBuilder.Build(Reader("isaiah-langer"), new MapFilter(string.Empty, null, null, "megan-bowen"));
        var admin = MapPageBuilder.Build(Reader("lynne-robbins"), new MapFilter(string.Empty, null, null, "megan-bowen"));
        var megan = MapPageBuilder.Build(Reader("megan-bowen"), new MapFilter(string.Empty, null, null, "megan-bowen"));

        var all = Map.Mentorships.Count(m => m.Status != MentorshipStatus.Ended && (m.MentorId == "megan-bowen" || m.MenteeId == "megan-bowen"));
        Assert.Equal(all, admin.Selected!.Pairings.Count);
        Assert.Equal(0, admin.Selected.HiddenPairings);
        Assert.Equal(all, megan.Selected!.Pairings.Count);
        Assert.Equal(all, isaiah.Selected!.Pairings.Count + isaiah.Selected.HiddenPairings);
        Assert.True(isaiah.Selected.HiddenPairings > 0);
        Assert.All(isaiah.Selected.Pairings, p => Assert.True(p.PersonId == "isaiah-langer", p.OtherName));
    }

    [Fact]
    public void A_unit_leader_sees_the_pairings_of_their_units_people()
    {
        var adele = Reader("adele-vance");
        var visibility = MapVisibility.For(adele.Person, Map);
        var scoped = Map.LeaderScopes.Where(s => s.LeaderId == "adele-vance" && s.UnitId is not null).Select(s => s.UnitId).ToHashSet();
        Assert.NotEmpty(scoped);
        foreach (var pairing in Map.Mentorships)
        {
            var mentee = Map.People.Single(p => p.Id == pairing.MenteeId);
            if (scoped.Contains(mentee.UnitId))
            {
                Assert.True(visibility.MaySee(pairing), pairing.Id);
            }
        }

        Assert.False(visibility.SeesAll);
    }

    [Fact]
    public void The_drawing_puts_directors_above_managers_above_leads_above_staff_and_links_each_person()
    {
        var model = MapPageBuilder.Build(Reader("lynne-robbins"), new MapFilter(null, null, null, null));
        var svg = MapGraph.Svg([.. model.Nodes, .. model.Partners], model.Edges, "map", level => level.ToString());
        var tops = System.Xml.Linq.XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "rect")
            .Select(r => (Level: r.Attribute("class")!.Value.Split(' ')[1], Y: double.Parse(r.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture)))
            .GroupBy(r => r.Level).ToDictionary(g => g.Key, g => g.Average(r => r.Y));
        var order = new[] { "level-director", "level-manager", "level-lead", "level-staff" }.Where(tops.ContainsKey).ToList();
        Assert.True(order.Count >= 2, string.Join(",", tops.Keys));
        for (var i = 1; i < order.Count; i++)
        {
            Assert.True(tops[order[i - 1]] < tops[order[i]], $"{order[i - 1]} should be above {order[i]}");
        }

        Assert.Equal(model.Nodes.Count + model.Partners.Count, System.Text.RegularExpressions.Regex.Matches(svg, "<a href=\"\\?person=").Count);
        Assert.Equal(model.Edges.Count, System.Text.RegularExpressions.Regex.Matches(svg, "<line class=\"edge").Count);
    }

    [Fact]
    public void Too_many_people_are_listed_not_drawn()
    {
        var model = MapPageBuilder.Build(Reader("lynne-robbins"), new MapFilter(string.Empty, null, null, null));
        Assert.Equal(Map.People.Count, model.Matching);
        Assert.Equal(Map.People.Count > MapPageBuilder.MostDrawn, model.TooManyToDraw);
    }
}
