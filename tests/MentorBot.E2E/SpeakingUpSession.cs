namespace MentorBot.E2E;

/// <summary>
/// A playground session for issue 9: the bot's clock starts next Monday at 10:00 in Chicago, the demo pulse runs (the
/// other sessions keep it off), a person without a conversation yet is retried after a minute, and results show from
/// three answers (the lowest the programme allows) so that the playground's users can cross the threshold themselves.
/// </summary>
public sealed class SpeakingUpSession : PlaygroundSession
{
    private readonly Dictionary<string, Microsoft.Playwright.IPage> _pages = new(StringComparer.Ordinal);

    protected override string ArtifactPrefix => "speaking-up-";

    protected override IReadOnlyDictionary<string, string> BotEnvironment { get; } = new Dictionary<string, string>
    {
        ["Demo__ClockStartsAt"] = MondayMorningSession.NextMondayMorning().ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        ["Outbox__PollInterval"] = "00:00:02",
        ["Outbox__WaitForConversation"] = "00:01:00",
        ["Pulse__LibraryEnabled"] = "true",
        ["Pulse__MinResponses"] = "3",
        ["Pulse__MinResponsesForComments"] = "3",
    };

    /// <summary>
    /// One page per user for the whole session: the playground shows a page only what arrives while it is open, so a
    /// user's page is opened once (before anything is sent to them) and kept.
    /// </summary>
    public async Task<Microsoft.Playwright.IPage> PageAsync(string user)
    {
        if (user == PlaygroundUsers.Alex)
        {
            return FirstPage;
        }

        if (!_pages.TryGetValue(user, out var page))
        {
            page = await OpenAsAsync(user);
            _pages[user] = page;
        }

        return page;
    }
}

[CollectionDefinition(Name)]
public sealed class SpeakingUpCollection : ICollectionFixture<SpeakingUpSession>
{
    public const string Name = "speaking-up";
}
