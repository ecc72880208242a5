using MentorBot.Cards;

namespace MentorBot.Features.Map;

/// <summary>
/// A person's own map: mentors and mentees per lane, cadence and next meeting, circles. Every time is shown in the
/// reader's time zone.
/// </summary>
internal static class MyMapCard
{
    /// <param name="mapLink">The tab's map page; null (no Teams app id) shows no button.</param>
    public static AdaptiveCard Build(PersonMap map, DateTimeOffset now, DateOnly today, Language language = Language.English, Uri? mapLink = null)
    {
        var person = map.Person;
        var title = language.Pick("Your mentorship map", "Tu mapa de mentoría");
        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            Blocks.Subtle(RoleSummary.Describe(map, today, language)),
        };

        AddSection(body, language.Pick("Learning with", "Aprendiendo con"), map.AsMentee, m => m.MentorId, map, now, language);
        AddSection(body, language.Pick("Mentoring", "Mentorizando a"), map.AsMentor, m => m.MenteeId, map, now, language);

        if (map.Circles.Count > 0)
        {
            body.Add(SectionHeading(language.Pick("Circles", "Círculos")));
            foreach (var circle in map.Circles)
            {
                var zone = map.TimeZoneOf(circle.FacilitatorId);
                var next = CadenceCalendar.NextOccurrence(circle.Cadence, CadenceCalendar.CircleAnchor, TimeZoneInfo.FindSystemTimeZoneById(zone), now);
                var role = circle.FacilitatorId == person.Id ? language.Pick("you facilitate", "lo facilitas tú") : language.Pick("facilitated by ", "facilitado por ") + map.NameOf(circle.FacilitatorId);
                body.Add(Item(circle.Name, $"{role}{(circle.LaneId is null ? string.Empty : " · " + map.LaneName(circle.LaneId))}", $"{language.Pick("Next", "Próximo")}: {TimeText.When(next, person.TimeZone, language)}"));
            }
        }

        if (!map.AsMentee.Any() && !map.AsMentor.Any() && map.Circles.Count == 0)
        {
            body.Add(Blocks.Paragraph(language.Pick(
                "You have no pairings or circles yet. Your programme admin can add them to the map.",
                "Todavía no tienes parejas de mentoría ni círculos. La administración del programa puede añadirlos al mapa.")));
        }

        body.Add(Blocks.Subtle(language.Pick($"Times are shown in your time zone ({person.TimeZone}).", $"Las horas se muestran en tu zona horaria ({person.TimeZone}).")));
        return Blocks.Card(title, body, mapLink is null ? null : [new OpenUrlAction(language.Pick("Open map", "Abrir el mapa"), mapLink)]);
    }

    private static void AddSection(List<CardElement> body, string title, IEnumerable<Mentorship> mentorships, Func<Mentorship, string> other, PersonMap map, DateTimeOffset now, Language language)
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
                MentorshipKind.OnboardingBuddy => language.Pick("onboarding buddy · ", "compañía de incorporación · "),
                MentorshipKind.Peer => language.Pick("peer · ", "entre pares · "),
                MentorshipKind.Reverse => language.Pick("reverse mentoring · ", "mentoría inversa · "),
                _ => string.Empty,
            };
            var zoneNote = menteeZone == map.Person.TimeZone ? string.Empty : language.Pick($" ({menteeZone} time)", $" (hora de {menteeZone})");
            string next;
            if (mentorship.Status == MentorshipStatus.Paused && mentorship.PausedUntil is { } until)
            {
                next = language.Pick("Paused until ", "En pausa hasta el ") + TimeText.Date(until, language);
            }
            else
            {
                var instant = CadenceCalendar.NextCheckIn(mentorship, TimeZoneInfo.FindSystemTimeZoneById(menteeZone), now);
                next = language.Pick("Next check-in: ", "Próxima conversación: ") + TimeText.When(instant, map.Person.TimeZone, language);
            }

            body.Add(Item(map.NameOf(other(mentorship)), $"{kind}{lanes}", $"{Capitalise(TimeText.Cadence(mentorship.Cadence, language))}{zoneNote} · {next}"));
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
