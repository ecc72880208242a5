using Microsoft.Data.Sqlite;

namespace MentorBot.Scheduling;

/// <summary>
/// Where Quartz keeps its triggers on SQLite: a file next to MentorBot's (<c>mentorbot.db</c> →
/// <c>mentorbot.scheduler.db</c>). Quartz writes on every firing through its own connections; in MentorBot's file those
/// writes would compete for SQLite's single write lock with every check-in, and a loser waits in SQLite's busy handler
/// (a whole second in the bundled build). The scheduler file holds no personal data. PostgreSQL keeps one database.
/// </summary>
internal static class SchedulerDatabase
{
    public static string SqliteConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal))
        {
            return connectionString;
        }

        var extension = Path.GetExtension(source);
        builder.DataSource = Path.Combine(Path.GetDirectoryName(source) ?? string.Empty, Path.GetFileNameWithoutExtension(source) + ".scheduler" + (extension.Length > 0 ? extension : ".db"));
        return builder.ToString();
    }
}
