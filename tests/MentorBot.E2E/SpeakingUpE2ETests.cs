using Microsoft.Playwright;

namespace MentorBot.E2E;

/// <summary>
/// Issue 9 as people meet it: Alex raises a concern to his mentor Megan, who acknowledges and replies while Alex sees
/// each status; the demo pulse reaches Medical Ward 3, and Lynne sees its results only once three people answered.
/// </summary>
[Collection(SpeakingUpCollection.Name)]
public sealed class SpeakingUpE2ETests(SpeakingUpSession session)
{
    private const string Worry = "The bed alarms on bay 4 were switched off twice on the night shift.";
    private const string Answer = "Thank you for telling me. I will check the alarms with the charge nurse today.";

    [Fact]
    public async Task Alex_raises_a_concern_to_Megan_who_acknowledges_and_replies_and_Alex_sees_the_status()
    {
        var alex = new ChatPage(session.FirstPage);
        var megan = new ChatPage(await session.PageAsync(PlaygroundUsers.Megan));
        await alex.SayAsync("raise a concern");
        var form = await alex.WaitForCardAsync("Who will see it");
        Assert.Contains("Only the person you choose sees it", await form.InnerTextAsync(), StringComparison.Ordinal);
        await form.GetByLabel("What's the concern?").FillAsync(Worry);
        await form.GetByRole(AriaRole.Radio, new() { Name = "Megan Bowen, your mentor" }).ClickAsync();
        await alex.ScreenshotAsync("speaking-up-01-concern-card");
        await ChatPage.PressAsync(form, "Send");
        await alex.WaitForCardAsync("Waiting for Megan Bowen to acknowledge it");

        var received = await megan.WaitForCardAsync("A concern from Alex Wilber", timeoutMs: 90_000);
        Assert.Contains(Worry, await received.InnerTextAsync(), StringComparison.Ordinal);
        await megan.ScreenshotAsync("speaking-up-02-megan-receives");
        await ChatPage.PressAsync(received, "Acknowledge");
        var acknowledged = await megan.WaitForCardAsync("Acknowledged by Megan Bowen");
        await acknowledged.GetByLabel("Reply to Alex Wilber").FillAsync(Answer);
        await ChatPage.PressAsync(acknowledged, "Send reply");
        await megan.WaitForCardAsync("You · ");

        await alex.WaitForCardAsync("Megan Bowen acknowledged your concern", timeoutMs: 60_000);
        var reply = await alex.WaitForCardAsync("A reply to your concern", timeoutMs: 60_000);
        Assert.Contains(Answer, await reply.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Acknowledged by Megan Bowen", await reply.InnerTextAsync(), StringComparison.Ordinal);
        await alex.ScreenshotAsync("speaking-up-03-alex-sees-reply");

        await alex.SayAsync("my concerns");
        var list = await alex.WaitForCardAsync("You raised");
        Assert.Contains("Acknowledged by Megan Bowen", await list.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_pulse_reaches_the_ward_and_its_results_appear_only_from_three_answers()
    {
        var alex = new ChatPage(session.FirstPage);
        await AnswerAsync(alex, 4);
        await alex.ScreenshotAsync("speaking-up-04-pulse-answered");

        var lynne = new ChatPage(await session.PageAsync(PlaygroundUsers.Lynne));
        await lynne.SayAsync("pulse results safe-to-ask");
        var hidden = await lynne.WaitForCardAsync("Results are hidden until at least 3 people have answered (1 so far)");
        Assert.DoesNotContain("Average", await hidden.InnerTextAsync(), StringComparison.Ordinal);

        await AnswerAsync(new ChatPage(await session.PageAsync(PlaygroundUsers.Megan)), 5);
        await AnswerAsync(new ChatPage(await session.PageAsync(PlaygroundUsers.Isaiah)), 3);

        await lynne.SayAsync("pulse results safe-to-ask");
        var shown = await lynne.WaitForCardAsync("3 of 13 asked");
        var text = await shown.InnerTextAsync();
        Assert.Contains("I feel safe asking questions on my shift", text, StringComparison.Ordinal);
        Assert.Contains("Average 4.0. The first run: nothing to compare yet.", text, StringComparison.Ordinal);
        await lynne.ScreenshotAsync("speaking-up-05-pulse-results");
    }

    /// <summary>Waits for the pulse in this person's chat, gives every statement the same score, and sends it.</summary>
    private static async Task AnswerAsync(ChatPage person, int score)
    {
        var card = await person.WaitForCardAsync("Send anonymously", timeoutMs: 150_000);
        var choice = card.GetByRole(AriaRole.Radio, new() { Name = $"{score} · ", Exact = false });
        for (var i = 0; i < 3; i++)
        {
            await choice.Nth(i).ClickAsync();
        }

        await ChatPage.PressAsync(card, "Send anonymously");
        await person.WaitForCardAsync("your answers are in, anonymously");
    }
}
