using MentorBot.Cards;

namespace MentorBot.Features.Map;

/// <summary>
/// A person's own map: mentors and mentees per lane, cadence and next meeting, circles. Every time is shown in the
/// reader's time zone.
/// </summary>
internal static class MyMapCard
{
    public static AdaptiveCard Build(PersonMap map, DateTimeOffset now, DateOnly today)
    {
        var person = map.Person;
        var body = new List<CardElement>
        {
            Blocks.Heading("Your mentorship map"),
            Blocks.Subtle(RoleSummary.Describe(map, today)),
        };

        AddSection(body, "Learning with", map.AsMentee, m => m.MentorId, map, now);
        AddSection(body, "Mentoring", map.AsMentor, m => m.MenteeId, map, now);

        if (map.Circles.Count > 0)
        {
            body.Add(SectionHeading("Circles"));
            foreach (var circle in map.Circles)
            {
                var zone = map.TimeZoneOf(circle.FacilitatorId);
                var next = CadenceCalendar.NextOccurrence(circle.Cadence, CadenceCalendar.CircleAnchor, TimeZoneInfo.FindSystemTimeZoneById(zone), now);
                var role = circle.FacilitatorId == person.Id ? "you facilitate" : "facilitated by " + map.NameOf(circle.FacilitatorId);
                body.Add(Item(circle.Name, $"{role}{(circle.LaneId is null ? string.Empty : " · " + map.LaneName(circle.LaneId))}", $"Next: {TimeText.When(next, person.TimeZone)}"));
            }
        }

        if (!map.AsMentee.Any() && !map.AsMentor.Any() && map.Circles.Count == 0)
        {
            body.Add(Blocks.Paragraph("You have no pairings or circles yet. Your programme admin can add them to the map."));
        }

        body.Add(Blocks.Subtle($"Times are shown in your time zone ({person.TimeZone})."));
        return Blocks.Card("Your mentorship map", body);
    }

    private static void AddSection(List<CardElement> body, string title, IEnumerable<Mentorship> mentorships, Func<Mentorship, string> other, PersonMap map, DateTimeOffset now)
    {
        var list = mentorships.ToList();
        if (list.Count == 0)
        {
            return;
        }

        body.Add(SectionHeading(title));
        foreach (var mentorship in list)
        {
            var menteeZone = map.TimeZoneOf(mentorship.MenteeId);
            var lanes = string.Join(", ", mentorship.Lanes.Select(map.LaneName));
            var kind = mentorship.Kind switch
            {
                MentorshipKind.OnboardingBuddy => "onboarding buddy · ",
                MentorshipKind.Peer => "peer · ",
                MentorshipKind.Reverse => "reverse mentoring · ",
                _ => string.Empty,
            };
            var zoneNote = menteeZone == map.Person.TimeZone ? string.Empty : $" ({menteeZone} time)";
            string next;
            if (mentorship.Status == MentorshipStatus.Paused && mentorship.PausedUntil is { } until)
            {
                next = $"Paused until {TimeText.Date(until)}";
            }
            else
            {
                var anchor = mentorship.PausedUntil is { } resume && resume > mentorship.StartDate ? resume : mentorship.StartDate;
                var instant = CadenceCalendar.NextOccurrence(mentorship.Cadence, anchor, TimeZoneInfo.FindSystemTimeZoneById(menteeZone), now);
                next = $"Next check-in: {TimeText.When(instant, map.Person.TimeZone)}";
            }

            body.Add(Item(map.NameOf(other(mentorship)), $"{kind}{lanes}", $"{Capitalise(TimeText.Cadence(mentorship.Cadence))}{zoneNote} · {next}"));
        }
    }

    private static TextBlock SectionHeading(string text) => new(text) { Weight = FontWeight.Bolder, Spacing = Spacing.Medium, Separator = true };

    private static Container Item(string name, string detail, string when) => new(
    [
        new TextBlock(name) { Weight = FontWeight.Bolder },
        new TextBlock(detail) { Spacing = Spacing.None },
        new TextBlock(when) { Spacing = Spacing.None, IsSubtle = true, Size = FontSize.Small },
    ])
    { Spacing = Spacing.Small };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
