using System.Text.RegularExpressions;

namespace MentorBot.Tests.Hosting;

/// <summary>
/// The container build cannot run here (no Docker), so what has broken it is checked as text: a build file at the root
/// that MSBuild or NuGet reads on its own but the image never got (Directory.Build.targets once, which left Dapper.AOT's
/// analyzers failing the image's build while every local build passed).
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] ImplicitBuildFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config", "global.json", ".editorconfig"];

    private static readonly string[] Lines = File.ReadAllLines(RepositoryPaths.Combine("Dockerfile"));

    [Fact]
    public void Every_build_file_at_the_root_is_copied_before_the_restore()
    {
        var restore = Array.FindIndex(Lines, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, "the Dockerfile has no dotnet restore");
        var copied = Lines.Take(restore).Where(l => l.StartsWith("COPY ", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).SkipLast(1)).ToHashSet(StringComparer.Ordinal);

        foreach (var file in ImplicitBuildFiles.Where(f => File.Exists(RepositoryPaths.Combine(f))))
        {
            Assert.True(copied.Contains(file), $"{file} is in the repository but the Dockerfile does not copy it before dotnet restore");
        }
    }

    [Fact]
    public void Restore_and_publish_name_the_same_architecture()
    {
        var restore = Architecture().Match(Lines.Single(l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal)));
        var publish = Architecture().Match(Lines.Single(l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal)));

        Assert.True(restore.Success && publish.Success, "restore and publish should both name the image's architecture (-a)");
        Assert.Equal(restore.Value, publish.Value);
        Assert.Contains("--no-restore", Lines.Single(l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"-a\s+\S+")]
    private static partial Regex Architecture();
}
