using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Web;

/// <summary>
/// The person a tab request is from, found in the current map by the object id of a validated token, with the map they
/// are authorised against. Pages read it from the request; nothing the page sends can change it.
/// </summary>
internal sealed record TabReader(Person Person, MentorshipMap Map, DateTimeOffset Now)
{
    private const string Key = "mentorbot.tab.reader";

    public Language Language => Languages.From(Person.Locale);

    public string Pick(string english, string spanish) => Language.Pick(english, spanish);

    public DateOnly Today => CallerProfiles.LocalToday(Person, Now);

    public IEnumerable<Mentorship> Pairings => Map.Mentorships.Where(m => m.Status != MentorshipStatus.Ended);

    public bool Mentors => Pairings.Any(m => m.MentorId == Person.Id);

    public static TabReader From(HttpContext context) =>
        context.Items[Key] as TabReader ?? throw new InvalidOperationException("The tab's sign-in filter did not run for this endpoint.");

    public void Attach(HttpContext context) => context.Items[Key] = this;
}
