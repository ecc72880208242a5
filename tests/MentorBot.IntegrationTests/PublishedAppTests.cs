using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The app as <c>dotnet publish</c> lays it out (as the container image runs it), not the build output the other tests
/// use: publish renames some static files (it fingerprints <c>*.lib.module.js</c>), so a script the tab's page imports
/// could be missing there only. The published bot is started and every script and stylesheet the page loads is fetched.
/// </summary>
public sealed partial class PublishedAppTests
{
    [Fact]
    public async Task The_published_app_serves_every_script_and_stylesheet_the_tabs_page_loads()
    {
        var output = Directory.CreateTempSubdirectory("mentorbot-publish-");
        try
        {
            var (published, publishLog) = await RunToEndAsync("dotnet", ["publish", Path.Combine(Root(), "src", "MentorBot"), "-c", Configuration(), "--no-build", "-o", output.FullName, "-nologo"]);
            Assert.True(published == 0, publishLog);

            using var bot = Start(Path.Combine(output.FullName, "MentorBot.dll"), out var banner);
            try
            {
                await FetchEveryAssetAsync(await WaitForAddressAsync(bot, banner, TimeSpan.FromSeconds(90)));
            }
            finally
            {
                bot.Kill(entireProcessTree: true);
                await bot.WaitForExitAsync();
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task FetchEveryAssetAsync(string address)
    {
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var page = await http.GetStringAsync("/tab/map");
        var assets = PageAssets().Matches(page).Select(m => m.Groups[1].Value).Where(u => u.StartsWith('/')).ToList();
        Assert.Contains("/tab/tab.js", assets);
        var script = await http.GetStringAsync("/tab/tab.js");
        assets.AddRange(ScriptImports().Matches(script).Select(m => m.Groups[1].Value));
        Assert.Contains(assets, a => a.StartsWith("/lib/fluentui/", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/lib/teams-js/", StringComparison.Ordinal));

        foreach (var asset in assets.Distinct())
        {
            using var response = await http.GetAsync(asset);
            Assert.True(response.IsSuccessStatusCode, $"{asset}: {(int)response.StatusCode} from the published app");
        }
    }

    [GeneratedRegex("""(?:src|href)="([^"]+\.(?:js|css))"(?:\s|>)""")]
    private static partial Regex PageAssets();

    [GeneratedRegex("""^import\s[^;]*?from\s+'([^']+)'""", RegexOptions.Multiline)]
    private static partial Regex ScriptImports();

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MentorBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MentorBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The configuration these tests were built in (the bot was built the same way beside them).</summary>
    private static string Configuration() => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    private static async Task<(int Exit, string Output)> RunToEndAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>The published bot in Development on a throwaway SQLite file and a port of its choosing.</summary>
    private static Process Start(string dll, out StringBuilder banner)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__ConnectionString"] = "Data Source=" + Path.Combine(Path.GetTempPath(), "mentorbot-published-" + Guid.NewGuid().ToString("N") + ".db");
        start.Environment["Demo__SeedHistory"] = "false";
        var process = Process.Start(start)!;
        var lines = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (lines) { lines.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (lines) { lines.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        banner = lines;
        return process;
    }

    private static async Task<string> WaitForAddressAsync(Process bot, StringBuilder output, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline && !bot.HasExited)
        {
            lock (output)
            {
                if (Banner().Match(output.ToString()) is { Success: true } match)
                {
                    return match.Groups[1].Value;
                }
            }

            await Task.Delay(100);
        }

        lock (output)
        {
            throw new InvalidOperationException("The published bot did not print its banner:" + Environment.NewLine + output);
        }
    }

    [GeneratedRegex(@"MentorBot is listening on (http://[^\s:]+:\d+)")]
    private static partial Regex Banner();
}
