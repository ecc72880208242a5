using System.CommandLine;

namespace MentorBot.Hosting;

/// <summary>Who runs an admin verb, for the audit log: <c>--by NAME</c>, or the operating-system user.</summary>
internal static class CliActor
{
    public static Option<string?> Option() => new("--by") { Description = "Who is doing this, for the audit log (default: the operating-system user)." };

    public static string Resolve(string? by) => string.IsNullOrWhiteSpace(by) ? Environment.UserName : by.Trim();
}
