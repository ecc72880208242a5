using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.Map;

/// <summary>The programme at a glance, for programme admins.</summary>
internal static class MapStatusCard
{
    public const int NamesShown = 8;

    public static AdaptiveCard Build(MapStatus status)
    {
        string Count(string level) => status.PeopleByLevel.GetValueOrDefault(level).ToString(CultureInfo.InvariantCulture);
        var body = new List<CardElement>
        {
            Blocks.Heading("Mentorship map status"),
            Blocks.Facts(
                ("People", status.People.ToString(CultureInfo.InvariantCulture)),
                ("By level", $"{Count("director")} directors · {Count("manager")} managers · {Count("lead")} leads · {Count("staff")} staff"),
                ("Active pairings", status.ActivePairings.ToString(CultureInfo.InvariantCulture))),
            new TextBlock("Pairings per lane") { Weight = FontWeight.Bolder, Spacing = Spacing.Medium, Separator = true },
            Blocks.Facts([.. status.PairingsPerLane.Select(l => (l.Lane, l.Pairings.ToString(CultureInfo.InvariantCulture)))]),
            new TextBlock("Mentors at or over capacity") { Weight = FontWeight.Bolder, Spacing = Spacing.Medium, Separator = true },
        };

        body.Add(status.MentorsAtCapacity.Count == 0
            ? Blocks.Subtle("None: every mentor has room.")
            : Blocks.Facts([.. status.MentorsAtCapacity.Select(m => (m.Name, $"{m.Load} of {m.Capacity}{(m.Load > m.Capacity ? " (over)" : string.Empty)}"))]));

        body.Add(new TextBlock($"Not reachable yet: {status.Unreachable.Count}") { Weight = FontWeight.Bolder, Spacing = Spacing.Medium, Separator = true });
        if (status.Unreachable.Count > 0)
        {
            var shown = string.Join(", ", status.Unreachable.Take(NamesShown));
            var more = status.Unreachable.Count > NamesShown ? $" and {status.Unreachable.Count - NamesShown} more" : string.Empty;
            body.Add(Blocks.Paragraph(shown + more + "."));
            body.Add(Blocks.Subtle("They have not opened MentorBot in Teams, or removed it. Check-ins cannot reach them until they do, or until the app is installed for them (map sync)."));
        }

        return Blocks.Card($"Mentorship map: {status.People} people, {status.ActivePairings} active pairings", body);
    }
}
