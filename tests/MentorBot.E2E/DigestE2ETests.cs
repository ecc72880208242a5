using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using MentorBot.Features.Map.Demo;

namespace MentorBot.E2E;

/// <summary>
/// Issue 7 as leaders meet it: the bot starts three minutes before Monday 08:00 in the demo's time zone with the demo
/// check-in history; at 08:00 Adele (manager) and Patti (director) receive their weekly digests in the playground,
/// with the demo data's numbers, and Adele opens the breakdown by unit.
/// </summary>
[Collection(DigestMorningCollection.Name)]
public sealed class DigestE2ETests(DigestMorningSession session)
{
    [Fact]
    public async Task Adele_and_Patti_receive_their_weekly_digests_at_eight_with_the_demo_numbers()
    {
        var adele = new ChatPage(await session.OpenAsAsync(PlaygroundUsers.Adele));
        var patti = new ChatPage(await session.OpenAsAsync(PlaygroundUsers.Patti));

        var adeles = await adele.WaitForCardAsync("Weekly digest: Medical Ward 3 and Outpatient Clinic", timeoutMs: 300_000);
        var pattis = await patti.WaitForCardAsync("Weekly digest: Riverside Care Network", timeoutMs: 120_000);
        await adele.ScreenshotAsync("digest-01-adele-weekly");
        await patti.ScreenshotAsync("digest-02-patti-weekly");

        var adeleText = await adeles.InnerTextAsync();
        var pattiText = await pattis.InnerTextAsync();
        Assert.Contains(Expected("adele-vance"), adeleText, StringComparison.Ordinal);
        Assert.Contains(Expected("patti-fernandez"), pattiText, StringComparison.Ordinal);
        Assert.Contains("20 people", adeleText, StringComparison.Ordinal);
        Assert.DoesNotContain("Watched a colleague", adeleText + pattiText, StringComparison.Ordinal);

        // The outcome lines: figures over groups, never a person.
        Assert.Contains("Growth and outcomes (last 12 months)", adeleText, StringComparison.Ordinal);
        Assert.Contains("Time to independence", adeleText, StringComparison.Ordinal);
        Assert.Contains("New hires still here at 90 days", adeleText, StringComparison.Ordinal);
        Assert.Contains("Time to independence", pattiText, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Wilber", adeleText + pattiText, StringComparison.Ordinal);

        await ChatPage.PressAsync(adeles, "Open details");
        var details = await adele.WaitForCardAsync("By unit: Medical Ward 3 and Outpatient Clinic");
        Assert.Contains("All units", await details.InnerTextAsync(), StringComparison.Ordinal);
        await adele.ScreenshotAsync("digest-03-adele-by-unit");
    }

    /// <summary>"answered of sent this week" for the leader's scope, from the demo history the bot seeded at start.</summary>
    private static string Expected(string leader)
    {
        var today = DateOnly.FromDateTime(SessionStart.UtcDateTime);
        var map = DemoMap.Load(today);
        var scope = DigestScope.For(leader, map.LeaderScopes).Members(map.People).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var thisWeek = DemoHistory.Build(map, SessionStart).Where(h => scope.Contains(h.Period.PersonId) && h.Period.OpensAt > SessionStart - TimeSpan.FromDays(7)).ToList();
        return $"{thisWeek.Count(h => h.Answer is not null)} of {thisWeek.Count} this week";
    }

    private static readonly DateTimeOffset SessionStart = DigestMorningSession.Start;
}

/// <summary>A playground session whose bot starts at the next Monday 07:57 in Chicago, with the demo check-in history.</summary>
public sealed class DigestMorningSession : PlaygroundSession
{
    public static readonly DateTimeOffset Start = NextMonday(new TimeSpan(7, 57, 0));

    protected override string ArtifactPrefix => "digest-";

    protected override IReadOnlyDictionary<string, string> BotEnvironment { get; } = new Dictionary<string, string>
    {
        ["Demo__ClockStartsAt"] = Start.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        ["Demo__SeedHistory"] = "true",
        ["Outbox__PollInterval"] = "00:00:02",
        ["Outbox__WaitForConversation"] = "00:01:00",
    };

    private static DateTimeOffset NextMonday(TimeSpan at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        do
        {
            local = local.AddDays(1);
        }
        while (local.DayOfWeek != DayOfWeek.Monday);

        var start = local + at;
        return new DateTimeOffset(start, zone.GetUtcOffset(start));
    }
}

[CollectionDefinition(Name)]
public sealed class DigestMorningCollection : ICollectionFixture<DigestMorningSession>
{
    public const string Name = "digest-morning";
}
