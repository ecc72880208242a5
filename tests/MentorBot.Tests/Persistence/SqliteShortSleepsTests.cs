using System.Diagnostics;
using System.Runtime.InteropServices;
using MentorBot.Persistence.Sqlite;

namespace MentorBot.Tests.Persistence;

public sealed class SqliteShortSleepsTests
{
    [Fact]
    public void A_pause_SQLite_asks_for_in_milliseconds_lasts_milliseconds_not_a_second()
    {
        SQLitePCL.Batteries_V2.Init();
        SqliteShortSleeps.Install();
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.True(SqliteShortSleeps.Installed);
        var elapsed = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            // sqlite3_sleep goes through the default VFS's xSleep, as the WAL read retries and the busy handler do.
            Assert.True(NativeSqlite.sqlite3_sleep(2) >= 0);
        }

        // The bundled build without usleep slept a whole second for each of these: 20 s.
        Assert.InRange(elapsed.Elapsed, TimeSpan.FromMilliseconds(30), TimeSpan.FromSeconds(2));
    }

    private static class NativeSqlite
    {
        [DllImport("e_sqlite3")]
        public static extern int sqlite3_sleep(int milliseconds);
    }
}
