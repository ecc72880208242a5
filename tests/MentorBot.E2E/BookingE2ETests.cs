using Microsoft.Playwright;

namespace MentorBot.E2E;

/// <summary>
/// Issue 6 as people meet it, on the local calendar with the demo week: Alex books time with Megan, sees three times in
/// his own time zone, picks one, and both get the meeting.
/// </summary>
[Collection(MondayMorningCollection.Name)]
public sealed class BookingE2ETests(MondayMorningSession session)
{
    [Fact]
    public async Task Alex_books_time_with_Megan_and_both_see_the_meeting()
    {
        var megan = new ChatPage(await session.OpenAsAsync(PlaygroundUsers.Megan));
        var alex = new ChatPage(await session.OpenAsync());

        await alex.SayAsync("book");
        var chooser = await alex.WaitForCardAsync("Book time together");
        await ChatPage.PressAsync(chooser, "Megan Bowen (your mentor)");
        var times = await alex.WaitForCardAsync("Times with Megan Bowen");
        var text = await times.InnerTextAsync();
        Assert.Contains("Times are in your time zone (America/Chicago)", text, StringComparison.Ordinal);
        var slots = times.GetByRole(AriaRole.Button);
        Assert.Equal(3, await slots.CountAsync());
        var first = await slots.First.InnerTextAsync();
        await alex.ScreenshotAsync("monday-06-booking-times");

        await slots.First.ClickAsync();
        var booked = await alex.WaitForCardAsync("Booked with Megan Bowen");
        Assert.Contains(first.Trim(), await booked.InnerTextAsync(), StringComparison.Ordinal);
        await alex.ScreenshotAsync("monday-07-booked");

        var meganCard = await megan.WaitForCardAsync("Booked with Alex Wilber", timeoutMs: 60_000);
        Assert.Contains("Reschedule", await meganCard.InnerTextAsync(), StringComparison.Ordinal);
        await megan.ScreenshotAsync("monday-08-megan-booked");
    }
}
