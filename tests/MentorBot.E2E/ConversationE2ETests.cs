namespace MentorBot.E2E;

[Collection(PlaygroundCollection.Name)]
public sealed class ConversationE2ETests(PlaygroundSession session)
{
    [Fact]
    public async Task Installing_the_bot_shows_the_welcome_card_with_the_persons_role()
    {
        var chat = new ChatPage(session.FirstPage);

        var welcome = await chat.WaitForCardAsync("Welcome to MentorBot");

        var text = await welcome.InnerTextAsync();
        Assert.Contains("Welcome to MentorBot, Alex", text, StringComparison.Ordinal);
        Assert.Contains("Medical Ward 3", text, StringComparison.Ordinal);
        await chat.ScreenshotAsync("01-welcome");
    }

    [Fact]
    public async Task Help_returns_the_command_card()
    {
        var chat = new ChatPage(await session.OpenAsync());

        await chat.SayAsync("help");

        var help = await chat.WaitForCardAsync("What you can ask me");
        var text = await help.InnerTextAsync();
        Assert.Contains("my map", text, StringComparison.Ordinal);
        Assert.DoesNotContain("map status", text, StringComparison.Ordinal);
        await chat.ScreenshotAsync("02-help");
    }

    [Fact]
    public async Task Pressing_an_action_execute_button_replaces_the_card()
    {
        var chat = new ChatPage(await session.OpenAsync());
        await chat.SayAsync("hello there");
        var unknown = await chat.WaitForCardAsync("I didn't catch that");
        await chat.ScreenshotAsync("03-unknown-command");
        var before = await chat.Cards.CountAsync();

        await ChatPage.PressAsync(unknown, "Show all commands");

        await chat.Page.WaitForFunctionAsync(
            "() => ![...document.querySelectorAll('.ac-adaptiveCard')].some(c => c.innerText.includes(\"I didn't catch that\"))",
            null,
            new() { Timeout = 30_000 });
        Assert.Equal(before, await chat.Cards.CountAsync());
        Assert.Equal(1, await chat.Card("What you can ask me").CountAsync());
        await chat.ScreenshotAsync("04-execute-replaced");
    }

    [Fact]
    public async Task My_map_shows_the_mentors_and_the_next_check_in()
    {
        var chat = new ChatPage(await session.OpenAsync());

        await chat.SayAsync("my map");

        var card = await chat.WaitForCardAsync("Your mentorship map");
        var text = await card.InnerTextAsync();
        Assert.Contains("Megan Bowen", text, StringComparison.Ordinal);
        Assert.Contains("Next check-in", text, StringComparison.Ordinal);
        Assert.Contains("Times are shown in your time zone (America/Chicago)", text, StringComparison.Ordinal);
        await chat.ScreenshotAsync("05-my-map");
    }
}
