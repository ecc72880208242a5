using System.Text.Json;
using Microsoft.Playwright;

namespace MentorBot.E2E;

/// <summary>
/// Every card sample (the snapshots of tests/MentorBot.Tests) rendered by the Adaptive Cards JS renderer in a
/// 360-pixel-wide phone viewport: nothing may overflow sideways, no button title is cut short, and every card keeps its
/// text. Screenshots go to artifacts/e2e/phone.
/// The renderer measures with one font whatever the machine has installed: Open Sans, loaded from the files of Debian's
/// fonts-open-sans (scripts/test.sh installs it). Its widths are close to Teams' Segoe UI and a little wider, so a title
/// that fits here fits in Teams; before, the result depended on which fonts the machine happened to have.
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
        await page.SetContentAsync($"<!doctype html><html><head><style>{PhoneFont.FontFaces}</style></head><body style=\"margin:0;font-family:'{PhoneFont.Family}'\"><div id=\"root\" style=\"width:100%;padding:8px;box-sizing:border-box\"></div></body></html>");
        await page.AddStyleTagAsync(new() { Path = Path.Combine(renderer, "adaptivecards.css") });
        await page.AddStyleTagAsync(new() { Content = $"#root, #root * {{ font-family: '{PhoneFont.Family}' !important; }}" }); // the renderer's CSS names Segoe UI, then sans-serif
        await page.AddScriptTagAsync(new() { Path = Path.Combine(renderer, "adaptivecards.js") });
        Assert.True(await page.EvaluateAsync<bool>($"async () => {{ await document.fonts.load(\"14px '{PhoneFont.Family}'\"); await document.fonts.load(\"600 14px '{PhoneFont.Family}'\"); await document.fonts.ready; return document.fonts.check(\"600 14px '{PhoneFont.Family}'\"); }}"),
            "The phone font did not load in the browser.");

        var result = await page.EvaluateAsync<JsonElement>(
            """
            ([cardJson, family]) => {
              const card = new AdaptiveCards.AdaptiveCard();
              card.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: `'${family}'` });
              card.parse(JSON.parse(cardJson));
              const element = card.render();
              const root = document.getElementById('root');
              root.appendChild(element);
              const buttons = [...element.querySelectorAll('button')];
              const cut = buttons.filter(b => [b, ...b.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1)).map(b => b.innerText || b.title);
              return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, text: element.innerText, buttons: buttons.length, cut };
            }
            """,
            new object[] { json, PhoneFont.Family });
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

/// <summary>
/// The font the phone check measures with, embedded in the page from the files of Debian's fonts-open-sans, so that no
/// font installed on the machine (or missing from it) changes a width.
/// </summary>
internal static class PhoneFont
{
    public const string Family = "MentorBot Phone Check";

    private const string Directory = "/usr/share/fonts/truetype/open-sans";

    private static readonly (string File, int Weight)[] Faces = [("OpenSans-Regular.ttf", 400), ("OpenSans-Semibold.ttf", 600), ("OpenSans-Bold.ttf", 700)];

    public static string FontFaces { get; } = Load();

    private static string Load()
    {
        var missing = Faces.Select(f => Path.Combine(Directory, f.File)).Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The phone check's font is missing ({string.Join(", ", missing)}). Run scripts/test.sh once, or `apt-get install fonts-open-sans`.");
        }

        return string.Concat(Faces.Select(f =>
            $"@font-face{{font-family:'{Family}';font-weight:{f.Weight};src:url(data:font/ttf;base64,{Convert.ToBase64String(File.ReadAllBytes(Path.Combine(Directory, f.File)))}) format('truetype');}}"));
    }
}
