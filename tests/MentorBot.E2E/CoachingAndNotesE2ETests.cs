using Microsoft.Playwright;

namespace MentorBot.E2E;

/// <summary>
/// Issue 5 as people meet it: Alex's check-in names a lane and a tailored coaching prompt follows, which he rates;
/// Megan writes a private and a shared reflection note about Alex, and Alex sees only the shared one.
/// </summary>
[Collection(MondayMorningCollection.Name)]
public sealed class CoachingAndNotesE2ETests(MondayMorningSession session)
{
    private const string PrivateWords = "Kept to myself: Alex looked shaken after the fall.";
    private const string SharedWords = "Alex stayed calm and called for help at once.";

    [Fact]
    public async Task A_check_in_that_names_a_lane_brings_a_prompt_on_that_lane_which_Alex_rates_useful()
    {
        var alex = new ChatPage(await session.OpenAsync());
        await alex.SayAsync("check in");
        var form = await alex.WaitForCardAsync("Send my check-in");
        await form.GetByLabel("What did you notice or learn from watching others this week?").FillAsync("How the night nurse hands over.");
        await form.GetByLabel("What would help you understand what you saw?").FillAsync("My documentation takes too long; I would like to get faster at notes.");
        await ChatPage.ChooseAsync(alex.Page, form, "How confident do you feel?", "2");
        await ChatPage.ChooseAsync(alex.Page, form, "How heavy is your load?", "4");
        await ChatPage.PressAsync(form, "Send my check-in");
        await alex.WaitForCardAsync("your check-in is saved");

        var prompt = await alex.WaitForCardAsync("A thought on Documentation", timeoutMs: 90_000);
        await alex.ScreenshotAsync("monday-01-coaching-prompt");
        await ChatPage.PressAsync(prompt, "Useful");
        await alex.WaitForCardAsync("Thanks, noted as useful");
        await alex.ScreenshotAsync("monday-02-coaching-rated");

        var lynne = new ChatPage(await session.OpenAsAsync(PlaygroundUsers.Lynne));
        await lynne.SayAsync("coaching report");
        var report = await lynne.WaitForCardAsync("Coaching prompts: how they land");
        var text = await report.InnerTextAsync();
        Assert.Contains("Rated useful", text, StringComparison.Ordinal);
        Assert.DoesNotContain("faster at notes", text, StringComparison.Ordinal);
        await lynne.ScreenshotAsync("monday-03-coaching-report");
    }

    [Fact]
    public async Task Megan_saves_a_private_and_a_shared_note_and_Alex_sees_only_the_shared_one()
    {
        var alex = new ChatPage(await session.OpenAsync());
        var megan = new ChatPage(await session.OpenAsAsync(PlaygroundUsers.Megan));

        await WriteNoteAsync(megan, PrivateWords, share: false);
        await megan.WaitForCardAsync("Saved: private to you");
        await WriteNoteAsync(megan, SharedWords, share: true);
        await megan.WaitForCardAsync("Saved and shared with Alex Wilber");
        await megan.ScreenshotAsync("monday-04-megan-notes");

        var shared = await alex.WaitForCardAsync("A note from Megan Bowen", timeoutMs: 60_000);
        Assert.Contains(SharedWords, await shared.InnerTextAsync(), StringComparison.Ordinal);
        await alex.SayAsync("notes");
        var list = await alex.WaitForCardAsync("From Megan Bowen");
        Assert.Contains(SharedWords, await list.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await alex.Card(PrivateWords).CountAsync());
        Assert.DoesNotContain(PrivateWords, await alex.Page.InnerTextAsync("body"), StringComparison.Ordinal);
        await alex.ScreenshotAsync("monday-05-alex-sees-shared-note");

        await megan.SayAsync("notes Alex");
        var mine = await megan.WaitForCardAsync("Your notes about Alex Wilber");
        var mineText = await mine.InnerTextAsync();
        Assert.Contains(PrivateWords, mineText, StringComparison.Ordinal);
        Assert.Contains(SharedWords, mineText, StringComparison.Ordinal);
    }

    private static async Task WriteNoteAsync(ChatPage megan, string words, bool share)
    {
        await megan.SayAsync("templates");
        var list = await megan.WaitForCardAsync("Reflection templates");
        await list.Locator(".ac-container").Filter(new() { HasText = "Case debrief after a difficult shift" }).Last
            .GetByRole(AriaRole.Button, new() { Name = "Use this" }).ClickAsync();
        var form = await megan.WaitForCardAsync("Save note");
        await ChatPage.ChooseAsync(megan.Page, form, "About", "Alex Wilber");
        await form.GetByLabel("What happened, in the mentee's words?").FillAsync(words);
        if (share)
        {
            await form.GetByRole(AriaRole.Radio, new() { Name = "Shared with", Exact = false }).ClickAsync();
        }

        await ChatPage.PressAsync(form, "Save note");
    }
}
