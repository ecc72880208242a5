using Microsoft.Playwright;

namespace MentorBot.E2E;

/// <summary>What a person does and sees in the playground's chat: type, press buttons on cards, read cards.</summary>
internal sealed class ChatPage(IPage page)
{
    public IPage Page => page;

    public ILocator Cards => page.Locator(".ac-adaptiveCard");

    public ILocator Card(string containing) => Cards.Filter(new() { HasText = containing });

    public async Task SayAsync(string text)
    {
        var editor = page.Locator("[data-lexical-editor=\"true\"]");

        // On a phone-sized window the playground's side panels overlay the compose box; focus it directly.
        await editor.FocusAsync();
        await editor.PressSequentiallyAsync(text);
        await editor.PressAsync("Enter");
    }

    public async Task<ILocator> WaitForCardAsync(string containing, int timeoutMs = 30_000)
    {
        var card = Card(containing).Last;
        await card.WaitForAsync(new() { Timeout = timeoutMs });
        return card;
    }

    /// <summary>Presses a button inside a card (never the compose box's own Send button).</summary>
    public static async Task PressAsync(ILocator card, string title) =>
        await card.GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).ClickAsync();

    /// <summary>The playground renders compact choice sets as a combobox: open it, then pick the option.</summary>
    public static async Task ChooseAsync(IPage page, ILocator card, string label, string value)
    {
        await card.GetByRole(AriaRole.Combobox, new() { Name = label }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = value, Exact = true }).ClickAsync();
    }

    public async Task ScreenshotAsync(string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlaygroundSession.Artifacts, name + ".png"), FullPage = true });
}
