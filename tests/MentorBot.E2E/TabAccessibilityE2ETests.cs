using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace MentorBot.E2E;

/// <summary>
/// axe-core on every page of the tab (as a reader who may open it, and the refusal a reader who may not sees), in the
/// light, dark and high-contrast themes: no violation of serious or critical impact.
/// </summary>
[Collection(TabCollection.Name)]
public sealed class TabAccessibilityE2ETests(TabSession session, ITestOutputHelper output)
{
    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string, string>();
            foreach (var theme in (string[])["default", "dark", "contrast"])
            {
                foreach (var page in TabPeople.Pages)
                {
                    cases.Add(page, TabPeople.OpenerOf(page), theme);
                }

                cases.Add("programme", "alex-wilber", theme); // the friendly refusal
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_page_has_no_serious_accessibility_violation(string page, string person, string theme)
    {
        await using var tab = await session.OpenAsync(person, page, theme: theme);
        Assert.Equal(theme, await tab.Page.EvaluateAsync<string>("() => document.body.dataset.tabTheme"));

        var result = await tab.Page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var report = string.Join(Environment.NewLine, serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} ({v.HelpUrl}){Environment.NewLine}" +
            string.Join(Environment.NewLine, v.Nodes.Select(n => $"    {n.Target}  {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))));
        foreach (var minor in result.Violations.Except(serious))
        {
            output.WriteLine($"(not failing) {minor.Impact} {minor.Id}: {minor.Help}, {minor.Nodes.Length} node(s)");
        }

        output.WriteLine(report);
        Assert.True(serious.Count == 0, $"{page} as {person}, {theme} theme:{Environment.NewLine}{report}");
    }

    /// <summary>Fluent UI's buttons take Teams' high-contrast colours (yellow, black text), not its brand blue.</summary>
    [Fact]
    public async Task Fluent_buttons_use_the_high_contrast_colours_in_the_contrast_theme()
    {
        await using var tab = await session.OpenAsync("lynne-robbins", "map", theme: "contrast");

        var colours = await tab.Page.EvaluateAsync<string[]>("() => { const s = getComputedStyle(document.querySelector('fluent-button')); return [s.backgroundColor, s.color]; }");

        Assert.Equal(["rgb(255, 255, 0)", "rgb(0, 0, 0)"], colours);
    }
}
