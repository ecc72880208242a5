namespace MentorBot.E2E;

/// <summary>
/// The Agents Playground's six default users (the demo map gives each a role) and the playground configuration that
/// signs in as one of them.
/// </summary>
internal static class PlaygroundUsers
{
    public const string Alex = "alex";
    public const string Megan = "megan";
    public const string Adele = "adele";
    public const string Isaiah = "isaiah";
    public const string Patti = "patti";
    public const string Lynne = "lynne";

    private static readonly (string Key, string Id, string Given, string Surname, int Suffix, string Mail)[] All =
    [
        (Alex, "user-id-0", "Alex", "Wilber", 20, "alexw"),
        (Megan, "user-id-1", "Megan", "Bowen", 21, "meganb"),
        (Adele, "user-id-2", "Adele", "Vance", 22, "adelev"),
        (Isaiah, "user-id-3", "Isaiah", "Langer", 23, "isaiahl"),
        (Patti, "user-id-4", "Patti", "Fernandez", 24, "pattif"),
        (Lynne, "user-id-5", "Lynne", "Robbins", 25, "lynner"),
    ];

    /// <summary>The <c>.m365agentsplayground.yml</c> that signs in as <paramref name="user"/>, with the others as the tenant's users.</summary>
    public static string Configuration(string user)
    {
        var current = All.Single(u => u.Key == user);
        var text = new System.Text.StringBuilder();
        text.AppendLine("version: \"0.1.1\"");
        text.AppendLine("tenantId: 00000000-0000-0000-0000-0000000000001");
        text.AppendLine("bot:\n  id: 00000000-0000-0000-0000-00000000000011\n  name: MentorBot");
        text.AppendLine("currentUser:");
        Entry(text, "  ", current);
        text.AppendLine("users:");
        foreach (var other in All.Where(u => u.Key != user))
        {
            Entry(text, "  - ", other);
        }

        // Each user has their own personal chat id, so the bot keeps one conversation per person.
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"personalChat:\n  id: personal-chat-{user}\ngroupChat:\n  id: group-chat-id\n  name: Group Chat");
        text.AppendLine("team:\n  id: team-id\n  name: My Team\n  aadGroupId: 00000000-0000-0000-0000-000000000031\n  channels:\n    - id: channel-announcements-id\n      name: Announcements");
        return text.ToString();
    }

    private static void Entry(System.Text.StringBuilder text, string first, (string Key, string Id, string Given, string Surname, int Suffix, string Mail) user)
    {
        var pad = new string(' ', first.Length);
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
            $"{first}id: {user.Id}\n{pad}name: {user.Given} {user.Surname}\n{pad}userPrincipleName: {user.Mail}@example.com\n{pad}aadObjectId: 00000000-0000-0000-0000-00000000000{user.Suffix}\n{pad}givenName: {user.Given}\n{pad}surname: {user.Surname}\n{pad}email: {user.Mail}@example.com");
    }
}
