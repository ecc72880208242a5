namespace MentorBot.IntegrationTests;

public sealed class StartupTests
{
    /// <summary>How the start-up banner's line begins; a started bot is watched until it prints it.</summary>
    private const string BannerStart = "MentorBot is listening on";

    /// <summary>How long a started bot may take to print its banner. The wait ends as soon as it does.</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Production_refuses_to_start_without_a_bot_app_id_and_says_what_to_set()
    {
        var (exited, exitCode, message) = await StartProductionAsync([]);

        Assert.True(exited, "the bot kept running without credentials");
        Assert.Equal(2, exitCode);
        Assert.Contains("configuration is invalid", message, StringComparison.Ordinal);
        Assert.Contains("Bot__AppId", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_start_with_the_tabs_development_sign_in_on()
    {
        var (exited, exitCode, message) = await StartProductionAsync(new()
        {
            ["Bot__AppId"] = MentorBotHost.AppId,
            ["Bot__TenantId"] = "bot-tenant",
            ["Bot__ClientSecret"] = "test-secret",
            ["Tab__DevelopmentSignIn"] = "true",
        });

        Assert.True(exited, "the bot kept running with the development sign-in on in Production");
        Assert.Equal(2, exitCode);
        Assert.Contains("Tab:DevelopmentSignIn is on", message, StringComparison.Ordinal);
        Assert.Contains("Tab__DevelopmentSignIn=false", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Asking_for_help_prints_the_verbs_and_options_and_exits_0_without_starting_the_bot(string ask)
    {
        var (exit, output, _) = await RunAsync(TimeSpan.FromSeconds(60), new Dictionary<string, string>(), ask);

        Assert.Equal(0, exit);
        foreach (var verb in new[] { "map", "dispatch", "match", "privacy", "manifest", "health", "--urls", "--environment" })
        {
            Assert.Contains(verb, output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("listening on", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_up_banner_says_in_one_line_the_environment_and_whether_inbound_tokens_are_checked()
    {
        var database = "Data Source=" + Path.Combine(Path.GetTempPath(), "mentorbot-banner-" + Guid.NewGuid().ToString("N") + ".db");
        var (_, development, _) = await RunAsync(StartPatience, new() { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Storage__ConnectionString"] = database, ["Map__SeedDemoMap"] = "false", ["Demo__SeedHistory"] = "false" });
        var (_, production, _) = await RunAsync(StartPatience, new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__ConnectionString"] = database,
            ["Bot__AppId"] = MentorBotHost.AppId,
            ["Bot__TenantId"] = "bot-tenant",
            ["Bot__ClientSecret"] = "not-used",
        });

        Assert.Contains(development.Split('\n'), line => line.Contains("Development environment, inbound tokens NOT checked", StringComparison.Ordinal));
        Assert.Contains(production.Split('\n'), line => line.Contains($"Production environment, inbound tokens checked for app {MentorBotHost.AppId}", StringComparison.Ordinal));
    }

    /// <summary>Runs MentorBot.dll with <paramref name="arguments"/> until it exits or <paramref name="patience"/> passes (then it is stopped).</summary>
    private static async Task<(int? Exit, string Output, string Errors)> RunAsync(TimeSpan patience, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MentorBot.dll"));
        foreach (var argument in arguments.Length > 0 ? arguments : ["--urls", "http://127.0.0.1:0"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        var errors = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow + patience;
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            lock (output)
            {
                // MentorBot's own banner, not Kestrel's "Now listening on", which comes first: stopping the bot
                // between the two lost the banner on a loaded machine.
                if (arguments.Length == 0 && output.ToString().Contains(BannerStart, StringComparison.Ordinal))
                {
                    break;
                }
            }

            await Task.Delay(100);
        }

        int? exit = process.HasExited ? process.ExitCode : null;
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        var errorText = await errors;
        lock (output)
        {
            return (exit, output.ToString(), errorText);
        }
    }

    [Fact]
    public async Task A_restarted_host_on_the_same_database_keeps_its_state()
    {
        await using var host = await MentorBotHost.StartAsync();
        await host.PostActivityAsync(TeamsActivities.InstallationAdd());

        using var scope = host.Services.CreateScope();
        var applied = await host.Service<MentorBot.Persistence.MigrationRunner>().ApplyAsync(default);

        Assert.Equal(0, applied);
        Assert.NotNull(await host.Service<MentorBot.Teams.ConversationReferenceStore>().FindAsync(TeamsActivities.PersonalConversation, default));
    }

    /// <summary>The built bot as Production on a throwaway store, with <paramref name="environment"/> added; it should refuse to start.</summary>
    private static async Task<(bool Exited, int? ExitCode, string Errors)> StartProductionAsync(Dictionary<string, string> environment)
    {
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Storage__ConnectionString"] = "Data Source=" + Path.Combine(Path.GetTempPath(), "mentorbot-prod-" + Guid.NewGuid().ToString("N") + ".db");
        var (exit, _, errors) = await RunAsync(TimeSpan.FromSeconds(60), environment);
        return (exit is not null, exit, errors);
    }
}
