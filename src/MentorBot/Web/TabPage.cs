namespace MentorBot.Web;

/// <summary>The tab's pages, each a static tab in the manifest (its entity id) and a view under <c>/tab/views/</c>.</summary>
internal enum TabPage
{
    Map,
    Growth,
    Mentees,
    Dashboard,
    Programme,
}

/// <summary>Which pages a reader may open, from the map: the navigation shows these and the views refuse the others.</summary>
internal static class TabPages
{
    public static IReadOnlyList<TabPage> All { get; } = Enum.GetValues<TabPage>();

    public static string Id(TabPage page) => page.ToString().ToLowerInvariant();

    public static bool IsLeader(TabReader reader) =>
        reader.Person.IsAdmin || reader.Map.LeaderScopes.Any(s => s.LeaderId == reader.Person.Id);

    public static bool MayOpen(TabReader reader, TabPage page) => page switch
    {
        TabPage.Map or TabPage.Growth => true,
        TabPage.Mentees => reader.Mentors,
        TabPage.Dashboard => IsLeader(reader),
        TabPage.Programme => reader.Person.IsAdmin,
        _ => false,
    };

    public static IEnumerable<TabPage> For(TabReader reader) => All.Where(p => MayOpen(reader, p));

    public static string Title(TabPage page, TabReader reader) => page switch
    {
        TabPage.Map => reader.Pick("Map", "Mapa"),
        TabPage.Growth => reader.Pick("My growth", "Mi crecimiento"),
        TabPage.Mentees => reader.Pick("My mentees", "Mis mentorados"),
        TabPage.Dashboard => reader.Pick("Dashboard", "Panel"),
        _ => reader.Pick("Programme", "Programa"),
    };
}
