namespace MentorBot.E2E;

/// <summary>
/// Six people of the demo map, one for each kind of reader the tab serves, and the pages each may open
/// (<c>TabPages.MayOpen</c>: everyone the map and their growth, mentors their mentees, leaders the dashboard, admins
/// the programme).
/// </summary>
internal static class TabPeople
{
    public static readonly string[] Pages = ["map", "growth", "mentees", "dashboard", "programme"];

    public static readonly IReadOnlyDictionary<string, (string Role, string[] Pages)> All = new Dictionary<string, (string, string[])>(StringComparer.Ordinal)
    {
        ["alex-wilber"] = ("staff new hire", ["map", "growth"]),
        ["isaiah-langer"] = ("staff, onboarding buddy", ["map", "growth", "mentees"]),
        ["megan-bowen"] = ("lead and mentor", ["map", "growth", "mentees"]),
        ["adele-vance"] = ("manager leading two units", ["map", "growth", "mentees", "dashboard"]),
        ["patti-fernandez"] = ("director over the organisation", ["map", "growth", "mentees", "dashboard"]),
        ["lynne-robbins"] = ("manager and programme admin", ["map", "growth", "mentees", "dashboard", "programme"]),
    };

    /// <summary>Someone who may open the page, for the checks that need one reader per page.</summary>
    public static string OpenerOf(string page) => page switch
    {
        "map" or "growth" => "alex-wilber",
        "mentees" => "megan-bowen",
        "dashboard" => "adele-vance",
        _ => "lynne-robbins",
    };
}
