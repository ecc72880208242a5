namespace MentorBot.E2E;

/// <summary>Issue 8 as people meet it: Lynne runs matching on the demo map, publishes, and a matched person gets an intro.</summary>
[Collection(MondayMorningCollection.Name)]
public sealed class MatchingE2ETests(MondayMorningSession session)
{
    [Fact]
    public async Task Lynne_suggests_and_publishes_and_Isaiah_meets_his_new_mentor()
    {
        var isaiah = new ChatPage(await session.OpenAsAsync(PlaygroundUsers.Isaiah));
        var lynne = new ChatPage(await session.OpenAsAsync(PlaygroundUsers.Lynne));

        await lynne.SayAsync("match suggest");
        var suggestions = await lynne.WaitForCardAsync("Suggested pairings");
        var text = await suggestions.InnerTextAsync();
        Assert.Contains("Isaiah Langer", text, StringComparison.Ordinal);
        Assert.Contains("teaches", text, StringComparison.Ordinal);
        await lynne.ScreenshotAsync("monday-09-match-suggestions");

        await ChatPage.PressAsync(suggestions, "Publish accepted pairings");
        await lynne.WaitForCardAsync("Pairings published");
        await lynne.ScreenshotAsync("monday-10-match-published");

        var intro = await isaiah.WaitForCardAsync("Meet your new mentor", timeoutMs: 60_000);
        Assert.Contains("Family communication", await intro.InnerTextAsync(), StringComparison.Ordinal);
        await isaiah.ScreenshotAsync("monday-11-isaiah-intro");
    }
}
