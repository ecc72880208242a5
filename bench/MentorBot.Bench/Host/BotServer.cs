using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MentorBot.Bench.Host;

/// <summary>The store a benchmark runs against: a fresh SQLite file, or a fresh database on the benchmark's PostgreSQL.</summary>
internal sealed record BenchStore(string Name, string Provider, string ConnectionString)
{
    /// <summary>
    /// SQLite always; PostgreSQL when scripts/bench.sh started one (MENTORBOT_BENCH_POSTGRES). MENTORBOT_BENCH_STORE=sqlite
    /// (or postgresql) measures one of the two.
    /// </summary>
    public static IReadOnlyList<BenchStore> Available(string label)
    {
        var stores = new List<BenchStore> { new("SQLite", "Sqlite", $"Data Source={Path.Combine(Path.GetTempPath(), $"mentorbot-bench-{label}-{Guid.NewGuid():n}.db")}") };
        if (Environment.GetEnvironmentVariable("MENTORBOT_BENCH_POSTGRES") is { Length: > 0 } postgres)
        {
            stores.Add(new("PostgreSQL", "Postgres", postgres));
        }

        var only = Environment.GetEnvironmentVariable("MENTORBOT_BENCH_STORE");
        return [.. stores.Where(s => string.IsNullOrEmpty(only) || s.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>A connection to this store, open, for a benchmark's own reads.</summary>
    public async Task<System.Data.Common.DbConnection> OpenAsync()
    {
        System.Data.Common.DbConnection connection = Provider == "Sqlite"
            ? new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString)
            : new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Removes a benchmark's SQLite files: the store, Hangfire's sibling file, and their logs.</summary>
    public static void DeleteSqlite(string connectionString)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var scheduler = Path.ChangeExtension(file, ".jobs" + Path.GetExtension(file));
        foreach (var path in new[] { file, scheduler }.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }).Where(File.Exists))
        {
            File.Delete(path);
        }
    }
}

/// <summary>
/// MentorBot as a real process (the built MentorBot.dll next to this benchmark), started the way the README's run
/// command starts it: Development auth, the demo map, warnings-only logging. Measures time to a green /healthz and peak RSS.
/// </summary>
internal sealed class BotServer : IAsyncDisposable
{
    private readonly Process _process;

    private BotServer(Process process, int port, TimeSpan startup)
    {
        _process = process;
        Port = port;
        Startup = startup;
    }

    public int Port { get; }

    public TimeSpan Startup { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>CPU time the host process has used so far, user and system.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Peak resident set size so far (VmHWM), in MB.</summary>
    public double PeakRssMegabytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
    }

    /// <param name="contentRoot">Where appsettings and wwwroot are read from: the benchmark's own folder unless a page must be served.</param>
    public static async Task<BotServer> StartAsync(BenchStore store, IReadOnlyDictionary<string, string>? settings = null, string? contentRoot = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "MentorBot.dll"), "--urls", $"http://127.0.0.1:{port}", "--contentRoot", contentRoot ?? AppContext.BaseDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__Provider"] = store.Provider;
        start.Environment["Storage__ConnectionString"] = store.ConnectionString;
        start.Environment["Map__SeedDemoMap"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start MentorBot.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"MentorBot exited with {process.ExitCode} before it was healthy.");
            }

            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return new BotServer(process, port, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer.
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                process.Kill();
                throw new TimeoutException("MentorBot was not healthy within 60 s.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
