using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// Makes SQLite's short waits short. The e_sqlite3 build that restores here (SQLitePCLRaw 2.0.6, SQLite 3.35.5) was
/// compiled without <c>usleep</c>, so its unix VFS rounds every pause up to whole seconds with <c>sleep()</c>. A reader
/// that loses a race for a WAL read slot (a checkpoint or a log restart holds it for microseconds) backs off for a few
/// microseconds by design, and instead blocked its thread for a full second, which showed as one-second spikes in
/// request latency. This registers, as the default VFS, a copy of the unix VFS whose sleep honours the microseconds
/// asked for: under a millisecond it yields the processor to the lock holder, otherwise it sleeps the milliseconds.
/// Everything else (files, locks, shared memory) is the unix VFS unchanged. Windows' VFS already sleeps milliseconds.
/// </summary>
internal static unsafe partial class SqliteShortSleeps
{
    private const string Library = "e_sqlite3";
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Installs the VFS once per process; call after <c>SQLitePCL.Batteries_V2.Init()</c>.</summary>
    public static void Install()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            var unix = sqlite3_vfs_find(null);
            if (unix is null)
            {
                return;
            }

            // Never freed: SQLite keeps the pointer for the life of the process.
            var copy = (Vfs*)NativeMemory.Alloc((nuint)sizeof(Vfs));
            *copy = *unix;
            copy->pNext = null;
            copy->zName = (byte*)Marshal.StringToCoTaskMemUTF8("mentorbot-unix");
            copy->xSleep = &Sleep;
            _installed = sqlite3_vfs_register(copy, 1) == 0;
        }
    }

    /// <summary>Whether connections opened from now on use the short sleeps.</summary>
    public static bool Installed
    {
        get
        {
            lock (Gate)
            {
                return _installed;
            }
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Sleep(Vfs* vfs, int microseconds)
    {
        if (microseconds < 1000)
        {
            Thread.Yield();
        }
        else
        {
            Thread.Sleep((microseconds + 999) / 1000);
        }

        return microseconds;
    }

    [LibraryImport(Library)]
    private static partial Vfs* sqlite3_vfs_find(byte* name);

    [LibraryImport(Library)]
    private static partial int sqlite3_vfs_register(Vfs* vfs, int makeDefault);

    /// <summary><c>struct sqlite3_vfs</c>, version 3.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Vfs
    {
        public int iVersion;
        public int szOsFile;
        public int mxPathname;
        public Vfs* pNext;
        public byte* zName;
        public void* pAppData;
        public void* xOpen;
        public void* xDelete;
        public void* xAccess;
        public void* xFullPathname;
        public void* xDlOpen;
        public void* xDlError;
        public void* xDlSym;
        public void* xDlClose;
        public void* xRandomness;
        public delegate* unmanaged[Cdecl]<Vfs*, int, int> xSleep;
        public void* xCurrentTime;
        public void* xGetLastError;
        public void* xCurrentTimeInt64;
        public void* xSetSystemCall;
        public void* xGetSystemCall;
        public void* xNextSystemCall;
    }
}
