using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// What every SQLite connection needs, applied once per native handle (the pool hands the same handles out again):
/// foreign keys, NORMAL synchronous (with WAL a commit survives a process crash), and a busy timeout for waits on
/// other processes (the CLI); writers in this process wait at the <see cref="SqliteWriteGate"/> instead. The file is
/// read through a memory map (up to 256 MB, shared by every connection), so a page the OS caches costs no read call.
/// Where <see cref="SqliteCheckpointer"/> runs, commits do not checkpoint the WAL themselves: a checkpoint with its
/// fsync would otherwise run inside some unlucky request, holding every other writer behind it.
/// </summary>
internal static class SqliteSettings
{
    private static readonly ConditionalWeakTable<sqlite3, StrongBox<bool>> Applied = [];

    public static void Apply(SqliteConnection connection, bool checkpointsInBackground)
    {
        var handle = connection.Handle;
        if (handle is not null && Applied.TryGetValue(handle, out var applied) && applied.Value == checkpointsInBackground)
        {
            return;
        }

        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 268435456; " +
                (checkpointsInBackground ? "PRAGMA wal_autocheckpoint = 0;" : "PRAGMA wal_autocheckpoint = 1000;");
            pragma.ExecuteNonQuery();
        }

        if (handle is not null)
        {
            Applied.AddOrUpdate(handle, new StrongBox<bool>(checkpointsInBackground));
        }
    }
}
