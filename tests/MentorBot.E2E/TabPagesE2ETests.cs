using Xunit.Abstractions;

namespace MentorBot.E2E;

/// <summary>
/// Every page of the tab as each of six demo readers sees it, on a desktop (1280 px) and a phone (360×740): the view
/// loads, shows its heading, logs no console error, offers exactly the pages the reader may open, refuses the others
/// with a friendly view (403), and never scrolls sideways on the phone. Screenshots go to artifacts/tab-screenshots,
/// named person-page-size.png.
/// </summary>
[Collection(TabCollection.Name)]
public sealed class TabPagesE2ETests(TabSession session, ITestOutputHelper output)
{
    public static TheoryData<string> People => [.. TabPeople.All.Keys];

    [Theory]
    [MemberData(nameof(People))]
    public async Task Every_page_loads_for_the_reader_on_desktop_and_phone(string person)
    {
        var (role, allowed) = TabPeople.All[person];
        var problems = new List<string>();
        foreach (var page in TabPeople.Pages)
        {
            foreach (var phone in (bool[])[false, true])
            {
                var where = $"{person} ({role}) on {page}, {(phone ? "phone" : "desktop")}";
                await using var tab = await session.OpenAsync(person, page, phone);
                var expected = allowed.Contains(page) ? 200 : 403;
                if (tab.ViewStatus != expected)
                {
                    problems.Add($"{where}: the view answered {tab.ViewStatus}, expected {expected}");
                }

                if (expected == 403 && await tab.Page.Locator("#content fluent-message-bar").CountAsync() == 0)
                {
                    problems.Add($"{where}: refused without the friendly message");
                }

                var heading = tab.Page.Locator("#content h1");
                if (!await heading.IsVisibleAsync() || string.IsNullOrWhiteSpace(await heading.InnerTextAsync()))
                {
                    problems.Add($"{where}: no visible h1");
                }

                var nav = await tab.Page.Locator("nav.tab-nav a[data-page-link]").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.pageLink)");
                if (!nav.SequenceEqual(allowed))
                {
                    problems.Add($"{where}: the navigation offers [{string.Join(", ", nav)}], expected [{string.Join(", ", allowed)}]");
                }

                if (tab.UnexpectedErrors() is { Count: > 0 } errors)
                {
                    problems.Add($"{where}: console errors: {string.Join(" | ", errors)}");
                }

                if (phone && await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") is var width and > 360)
                {
                    problems.Add($"{where}: the page is {width} px wide on a 360 px screen (sideways scrolling)");
                }

                await tab.Page.ScreenshotAsync(new() { Path = Path.Combine(TabSession.Screenshots, $"{person}-{page}-{(phone ? "phone" : "desktop")}.png"), FullPage = true });
            }
        }

        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
