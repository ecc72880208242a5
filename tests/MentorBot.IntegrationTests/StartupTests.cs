namespace MentorBot.IntegrationTests;

public sealed class StartupTests
{
    [Fact]
    public async Task Production_refuses_to_start_without_a_bot_app_id_and_says_what_to_set()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Storage__ConnectionString"] = "Data Source=" + Path.Combine(Path.GetTempPath(), "mentorbot-prod-" + Guid.NewGuid().ToString("N") + ".db") },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MentorBot.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");

        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(exited, "the bot kept running without credentials");
        Assert.Equal(2, process.ExitCode);
        var message = await errors;
        Assert.Contains("configuration is invalid", message, StringComparison.Ordinal);
        Assert.Contains("Bot__AppId", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_host_on_the_same_database_keeps_its_state()
    {
        await using var host = await MentorBotHost.StartAsync();
        await host.PostActivityAsync(TeamsActivities.InstallationAdd());

        using var scope = host.Services.CreateScope();
        var applied = await host.Service<MentorBot.Persistence.MigrationRunner>().ApplyAsync(default);

        Assert.Equal(0, applied);
        Assert.NotNull(await host.Service<MentorBot.Persistence.ConversationReferenceStore>().FindAsync(TeamsActivities.PersonalConversation, default));
    }
}
