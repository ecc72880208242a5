using Microsoft.Playwright;

namespace MentorBot.E2E;

/// <summary>
/// The career ladder as people meet it: Megan (Alex's mentor in clinical judgment, and a lead of his unit) opens his
/// growth, validates the vital-signs competency she saw him demonstrate, and Alex then finds it validated by her in
/// his own ladder.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class GrowthE2ETests(PlaygroundSession session)
{
    private const string VitalSigns = "Takes and records a full set of vital signs accurately";

    [Fact]
    public async Task Megan_validates_Alexs_vital_signs_and_Alex_sees_it_validated_by_her()
    {
        var megan = new ChatPage(await session.OpenAsAsync(PlaygroundUsers.Megan));
        await megan.SayAsync("growth Alex");
        var ladder = await megan.WaitForCardAsync("Alex Wilber: growth");
        Assert.Contains(VitalSigns, await ladder.InnerTextAsync(), StringComparison.Ordinal);
        await megan.ScreenshotAsync("growth-01-megan-opens-alex");

        // The vital-signs line's Validate button is the first button after the competency's name and status; it opens the
        // line's form in place (the only form open on the card).
        var buttons = ladder.Locator($"xpath=.//div[contains(@class,'ac-textBlock')][normalize-space(.)='{VitalSigns}']/following-sibling::div[.//button][1]");
        await ChatPage.PressAsync(buttons, "Validate");
        var form = ladder.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Observed independently, by" });
        await form.WaitForAsync(new() { Timeout = 10_000 });
        await form.GetByRole(AriaRole.Radio, new() { Name = "demonstration", Exact = true }).CheckAsync();
        await form.GetByLabel("Note for them and their mentors").FillAsync("Full set, charted straight away.");
        await megan.ScreenshotAsync("growth-02-megan-validate-form");
        await ChatPage.PressAsync(form, "Validate");

        var done = await megan.WaitForCardAsync($"Validated: {VitalSigns}");
        Assert.Contains("Alex Wilber gets a card", await done.InnerTextAsync(), StringComparison.Ordinal);
        await megan.ScreenshotAsync("growth-03-megan-validated");

        var alex = new ChatPage(await session.OpenAsync());
        await alex.SayAsync("my growth");
        var mine = await alex.WaitForCardAsync("Your growth");
        var status = await mine.Locator($"xpath=.//div[contains(@class,'ac-textBlock')][normalize-space(.)='{VitalSigns}']/following-sibling::div[contains(@class,'ac-textBlock')][1]").InnerTextAsync();
        Assert.Contains("Validated", status, StringComparison.Ordinal);
        Assert.Contains("by Megan Bowen", status, StringComparison.Ordinal);
        await alex.ScreenshotAsync("growth-04-alex-sees-validated");
    }

    [Fact]
    public async Task Alex_rates_himself_and_Isaiah_his_onboarding_buddy_cannot_open_his_growth()
    {
        var alex = new ChatPage(await session.OpenAsync());
        await alex.SayAsync("my growth");
        var mine = await alex.WaitForCardAsync("Your growth");
        // One rating per competency, each a compact choice set (a combobox in the playground): rate the first.
        await mine.GetByRole(AriaRole.Combobox, new() { Name = "How do you rate yourself?" }).First.ClickAsync();
        await alex.Page.GetByRole(AriaRole.Option, new() { Name = "With support", Exact = true }).ClickAsync();
        await ChatPage.PressAsync(mine, "Save my ratings");
        await alex.WaitForCardAsync("Your ratings are saved.");
        await alex.ScreenshotAsync("growth-05-alex-rates");

        var isaiah = new ChatPage(await session.OpenAsAsync(PlaygroundUsers.Isaiah));
        await isaiah.SayAsync("growth Alex");
        var card = await isaiah.WaitForCardAsync("that you can see");
        var text = await card.InnerTextAsync();
        Assert.DoesNotContain("With support", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Validate", text, StringComparison.Ordinal);
        await isaiah.ScreenshotAsync("growth-06-isaiah-buddy");
    }

    [Fact]
    public async Task Lynne_reads_the_outcomes_and_starts_a_pilot_and_neither_names_anyone()
    {
        var lynne = new ChatPage(await session.OpenAsAsync(PlaygroundUsers.Lynne));
        await lynne.SayAsync("outcomes");
        var outcomes = await lynne.WaitForCardAsync("Outcomes: the whole organisation");
        var text = await outcomes.InnerTextAsync();
        Assert.Contains("Time to independence", text, StringComparison.Ordinal);
        Assert.Contains("By unit", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Wilber", text, StringComparison.Ordinal);
        await lynne.ScreenshotAsync("growth-07-lynne-outcomes");

        await lynne.SayAsync("pilot start \"Ward 3 pilot\" --unit medical-ward-3 --days 90");
        var pilot = await lynne.WaitForCardAsync("Pilot: Ward 3 pilot");
        var report = await pilot.InnerTextAsync();
        Assert.Contains("Medical Ward 3, before", report, StringComparison.Ordinal);
        Assert.Contains("Other units, during the pilot", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Wilber", report, StringComparison.Ordinal);
        await lynne.ScreenshotAsync("growth-08-lynne-pilot");
    }
}
