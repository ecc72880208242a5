using System.Text.Json;
using Microsoft.Playwright;

namespace MentorBot.E2E;

/// <summary>
/// Every card sample (the snapshots of tests/MentorBot.Tests) rendered by the Adaptive Cards JS renderer in a
/// 360-pixel-wide phone viewport: nothing may overflow sideways, no button title is cut short, and every card keeps its
/// text. Screenshots go to artifacts/e2e/phone.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class CardPhoneRenderingTests(PlaygroundSession session)
{
    public static TheoryData<string> Samples => [.. Directory.GetFiles(Path.Combine(PlaygroundSession.RepositoryRoot, "tests", "MentorBot.Tests", "Snapshots"), "*.json")
        .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task The_card_reads_on_a_phone_without_sideways_scrolling(string sample)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(PlaygroundSession.RepositoryRoot, "tests", "MentorBot.Tests", "Snapshots", sample + ".json"));
        var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 780 }, DeviceScaleFactor = 2 });
        var page = await context.NewPageAsync();
        var renderer = Path.Combine(PlaygroundSession.RepositoryRoot, "tests", "MentorBot.E2E", "node_modules", "adaptivecards", "dist");
        await page.SetContentAsync("<!doctype html><html><body style=\"margin:0;font-family:sans-serif\"><div id=\"root\" style=\"width:100%;padding:8px;box-sizing:border-box\"></div></body></html>");
        await page.AddStyleTagAsync(new() { Path = Path.Combine(renderer, "adaptivecards.css") });
        await page.AddScriptTagAsync(new() { Path = Path.Combine(renderer, "adaptivecards.js") });

        var result = await page.EvaluateAsync<JsonElement>(
            """
            (cardJson) => {
              const card = new AdaptiveCards.AdaptiveCard();
              card.parse(JSON.parse(cardJson));
              const element = card.render();
              const root = document.getElementById('root');
              root.appendChild(element);
              const buttons = [...element.querySelectorAll('button')];
              const cut = buttons.filter(b => [b, ...b.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1)).map(b => b.innerText || b.title);
              return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, text: element.innerText, buttons: buttons.length, cut };
            }
            """,
            json);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(PlaygroundSession.Artifacts, "phone")).FullName, sample + ".png"), FullPage = true });
        await context.CloseAsync();

        Assert.True(result.GetProperty("scrollWidth").GetInt32() <= result.GetProperty("clientWidth").GetInt32(), $"{sample} overflows a 360px screen");
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("text").GetString()));
        var actions = JsonDocument.Parse(json).RootElement.TryGetProperty("actions", out var a) ? a.GetArrayLength() : 0;
        Assert.True(result.GetProperty("buttons").GetInt32() >= actions, $"{sample}: {actions} actions but fewer buttons rendered");
        var cut = result.GetProperty("cut").EnumerateArray().Select(b => b.GetString()).ToList();
        Assert.True(cut.Count == 0, $"{sample}: button titles cut short on a phone: {string.Join(", ", cut)}");
    }
}
