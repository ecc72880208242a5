using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace MentorBot.E2E;

/// <summary>
/// The tab used as a person uses it: the map filtered by unit and lane, searched by name, a person opened; the
/// dashboard's headline the same as its JSON; and how long the dashboard takes to be ready (printed, never asserted).
/// </summary>
[Collection(TabCollection.Name)]
public sealed class TabInteractionE2ETests(TabSession session, ITestOutputHelper output)
{
    [Fact]
    public async Task The_map_filters_by_unit_and_lane_searches_by_name_and_opens_a_person()
    {
        // Lynne (admin) opens on her own unit, Education and Practice.
        await using var tab = await session.OpenAsync("lynne-robbins", "map");
        var page = tab.Page;
        var people = page.Locator("ul.people > li");
        var opening = await Count(page);

        await tab.ReloadsViewAfterAsync(async () =>
        {
            await page.Locator("select[name=unit]").SelectOptionAsync("medical-ward-3");
            await page.Locator("form.filters fluent-button[type=submit]").ClickAsync();
        });
        Assert.Contains("unit=medical-ward-3", page.Url, StringComparison.Ordinal);
        Assert.Equal("medical-ward-3", await page.Locator("select[name=unit]").InputValueAsync());
        var unitName = await page.Locator("select[name=unit] option[value='medical-ward-3']").InnerTextAsync();
        var inUnit = await Count(page);
        Assert.NotEqual(opening, inUnit);
        Assert.All(await people.Locator("span.subtle").AllInnerTextsAsync(), line => Assert.Contains(unitName, line, StringComparison.Ordinal));
        Assert.Equal(inUnit, await people.CountAsync());

        await tab.ReloadsViewAfterAsync(async () =>
        {
            await page.Locator("select[name=lane]").SelectOptionAsync("clinical-judgment");
            await page.Locator("form.filters fluent-button[type=submit]").ClickAsync();
        });
        Assert.Equal("clinical-judgment", await page.Locator("select[name=lane]").InputValueAsync());
        Assert.Equal("medical-ward-3", await page.Locator("select[name=unit]").InputValueAsync());
        var inLane = await Count(page);
        Assert.InRange(inLane, 1, inUnit - 1);

        await tab.ReloadsViewAfterAsync(async () =>
        {
            await page.Locator("input[name=q]").FillAsync("megan");
            await page.Locator("input[name=q]").PressAsync("Enter");
        });
        Assert.Equal(1, await Count(page));
        Assert.Equal(["Megan Bowen"], await people.Locator("a").AllInnerTextsAsync());

        await tab.ReloadsViewAfterAsync(() => people.Locator("a", new() { HasText = "Megan Bowen" }).ClickAsync());
        var panel = page.Locator("section.person");
        await panel.WaitForAsync();
        Assert.Equal("Megan Bowen", await panel.Locator("h2").InnerTextAsync());
        Assert.Contains("person=megan-bowen", page.Url, StringComparison.Ordinal);
        Assert.True(await panel.Locator("ul.pairings li").CountAsync() > 0, "Megan mentors Alex and Tomás: the panel lists her pairings.");
        Assert.Empty(tab.UnexpectedErrors());
    }

    [Theory]
    [InlineData("adele-vance", null)]
    [InlineData("lynne-robbins", "scope=org")]
    public async Task The_dashboard_headline_is_the_participation_its_json_gives(string person, string? query)
    {
        await using var tab = await session.OpenAsync(person, "dashboard", query: query);
        Assert.Equal(200, tab.ViewStatus);
        var json = await tab.Page.EvaluateAsync<JsonElement>(
            """
            async query => {
              const response = await fetch(`/tab/api/dashboard${query ? '?' + query : ''}`, { headers: { Authorization: `Bearer ${sessionStorage.getItem('mentorbot.devToken')}` } });
              return { status: response.status, body: await response.json() };
            }
            """,
            query ?? string.Empty);
        Assert.Equal(200, json.GetProperty("status").GetInt32());
        var body = json.GetProperty("body");
        var thisWeek = body.GetProperty("weeks").EnumerateArray().Last().GetProperty("participation");
        Assert.Equal("shown", thisWeek.GetProperty("state").GetString()); // the demo history has enough answers to show it
        var expected = Math.Round(100.0 * thisWeek.GetProperty("value").GetDouble() / thisWeek.GetProperty("of").GetInt32(), MidpointRounding.AwayFromZero)
            .ToString("0", CultureInfo.InvariantCulture) + "%";
        output.WriteLine($"{person}: {body.GetProperty("scopeName").GetString()}, this week {thisWeek}, headline expected {expected}");

        Assert.Equal(expected, (await tab.Page.Locator("#answered-heading ~ p.headline").InnerTextAsync()).Trim());
        Assert.Contains(body.GetProperty("scopeName").GetString()!, await tab.Page.Locator("#content h1").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_from_navigation_to_a_ready_dashboard_is_recorded()
    {
        await using var tab = await session.OpenAsync("adele-vance", "dashboard");
        var first = tab.Opened.Elapsed;
        var view = await ViewFetchMs(tab);

        var again = Stopwatch.StartNew();
        await tab.Page.ReloadAsync(); // signed in already: the token is in the session's storage
        await tab.Page.Locator("body[data-ready=\"true\"]").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        again.Stop();

        var line = $"Dashboard (Adele Vance) navigation → body[data-ready=true]: first open, signing in, {first.TotalMilliseconds:0} ms (view fetch {view:0} ms); reload, signed in, {again.Elapsed.TotalMilliseconds:0} ms (view fetch {await ViewFetchMs(tab):0} ms)";
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    /// <summary>How many people match, from the heading "N people".</summary>
    private static async Task<int> Count(Microsoft.Playwright.IPage page) =>
        int.Parse((await page.Locator("#people-heading").InnerTextAsync()).Split(' ')[0], CultureInfo.InvariantCulture);

    private static Task<double> ViewFetchMs(TabPageSession tab) => tab.Page.EvaluateAsync<double>(
        "() => { const entry = performance.getEntriesByType('resource').filter(e => e.name.includes('/tab/views/dashboard')).pop(); return entry ? entry.duration : -1; }");
}
