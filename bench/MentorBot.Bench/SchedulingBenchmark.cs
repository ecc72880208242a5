using System.Diagnostics;
using System.Globalization;
using Dapper;
using Hangfire;
using MentorBot.Bench.Host;
using MentorBot.Features.Map;
using MentorBot.Persistence;
using MentorBot.Scheduling;

namespace MentorBot.Bench;

/// <summary>
/// What Hangfire's scheduling costs, with the real host process and a 20,000-person programme:
/// <list type="bullet">
/// <item><b>idle</b>: nothing due for 10 minutes (the pairings start in two months); the host's CPU and peak RSS, and
/// the PostgreSQL server's CPU. What an always-on container costs.</item>
/// <item><b>monday</b>: 20,000 check-ins fall due in the same minute; the time until every one is opened and its
/// card queued, then the send rate at a connector that enforces Teams' limits.</item>
/// </list>
/// </summary>
internal static class SchedulingBenchmark
{
    private const int TenantLimit = 50;

    public static async Task IdleAsync(TextWriter output)
    {
        var people = People();
        var seconds = Seconds(600);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{people:N0} people in pairings that start in two months, so nothing falls due; the host process runs with its defaults (Hangfire's server with every recurring job, and the outbox worker) and is measured for {seconds / 60.0:N0} minutes after a 90 s warm-up."));
        await output.WriteLineAsync();
        await output.WriteLineAsync("| Store | Host CPU, % of one core | Peak RSS MB | Database server CPU, % of one core | Jobs run | Target |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---|");
        foreach (var template in BenchStore.Available("idle"))
        {
            await using var postgres = template.Provider == "Postgres" ? await PostgresCluster.StartAsync() : null;
            var store = postgres is null ? BenchStore.Available("idle")[0] : template with { ConnectionString = postgres.ConnectionString };
            try
            {
                await using (await FanOutSeed.ImportAsync(store, FanOutSeed.Programme(people, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60)), "http://127.0.0.1:9/"))
                {
                }

                await using var bot = await BotServer.StartAsync(store, new Dictionary<string, string> { ["Map:SeedDemoMap"] = "false" });
                await Console.Error.WriteLineAsync($"idle {store.Name}: warming up for 90 s…");
                await Task.Delay(TimeSpan.FromSeconds(90));
                var server = postgres is null ? null : await DatabaseServer.FindAsync(store);
                var jobs = Succeeded(store);
                var (hostBefore, serverBefore) = (bot.CpuTime, server?.CpuTime ?? TimeSpan.Zero);
                var clock = Stopwatch.StartNew();
                while (seconds - clock.Elapsed.TotalSeconds >= 1)
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, seconds - clock.Elapsed.TotalSeconds)));
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  idle {store.Name}: {clock.Elapsed.TotalMinutes:N1} of {seconds / 60.0:N0} min, host {Percent(bot.CpuTime - hostBefore, clock.Elapsed):N2} % so far"));
                }

                var host = Percent(bot.CpuTime - hostBefore, clock.Elapsed);
                var database = server is null ? "in the host" : string.Create(CultureInfo.InvariantCulture, $"{Percent(server.CpuTime - serverBefore, clock.Elapsed):N2}");
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {store.Name} | **{host:N2}** | {bot.PeakRssMegabytes:N0} | {database} | {Succeeded(store) - jobs:N0} | CPU ≤ 1 %, RSS ≤ 400 MB |"));
            }
            finally
            {
                if (postgres is null)
                {
                    BenchStore.DeleteSqlite(store.ConnectionString);
                }
            }
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("Host CPU is user and system time of the MentorBot process over the measured minutes (SQLite runs inside it). The database server's is its postmaster and every backend, including those that ended meanwhile. Jobs run counts the Hangfire jobs that succeeded in the window.");
    }

    public static async Task MondayAsync(TextWriter output)
    {
        var people = People();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{people:N0} weekly check-ins due at the same minute (UTC, inside everyone's working hours), in a host process with its defaults; a local connector enforces Teams' limits ({TenantLimit}/s per tenant) and counts what arrives."));
        await output.WriteLineAsync();
        await output.WriteLineAsync("| Store | Due | Opened and queued | Within, after the minute | Sends/s over the next minute | Target |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---|");
        foreach (var template in BenchStore.Available("monday"))
        {
            await using var postgres = template.Provider == "Postgres" ? await PostgresCluster.StartAsync() : null;
            var store = postgres is null ? BenchStore.Available("monday")[0] : template with { ConnectionString = postgres.ConnectionString };
            try
            {
                await output.WriteLineAsync(await MondayMorningAsync(store, people));
            }
            finally
            {
                if (postgres is null)
                {
                    BenchStore.DeleteSqlite(store.ConnectionString);
                }
            }
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("Within is from the minute the check-ins fall due until the last period is opened with its card queued (the check-in job runs at each minute; Hangfire's server looks for it every 15 s). Sends/s is what the connector accepted in the minute after, at Teams' limit.");
    }

    private static async Task<string> MondayMorningAsync(BenchStore store, int people)
    {
        await using var connector = await LimitedConnector.StartAsync(TenantLimit);
        var everyDay = new WorkingHours([.. Enum.GetValues<DayOfWeek>()], new TimeOnly(0, 0), new TimeOnly(23, 59));

        // Due three minutes from now: the host is started and has run its start-up jobs by then.
        var due = DateTime.UtcNow.AddMinutes(3);
        due = new DateTime(due.Year, due.Month, due.Day, due.Hour, due.Minute, 0, DateTimeKind.Utc);
        var cadence = new Cadence(CadenceFrequency.Weekly, due.DayOfWeek, TimeOnly.FromDateTime(due));
        await using (await FanOutSeed.ImportAsync(store, FanOutSeed.Programme(people, DateOnly.FromDateTime(due).AddDays(-28), cadence, "UTC", everyDay), connector.ServiceUrl))
        {
        }

        await using var bot = await BotServer.StartAsync(store, new Dictionary<string, string> { ["Map:SeedDemoMap"] = "false" });
        await Console.Error.WriteLineAsync($"monday {store.Name}: {people:N0} check-ins due at {due:HH:mm} UTC");
        await using var connection = await store.OpenAsync();
        var before = await QueuedAsync(connection);
        if (before != 0)
        {
            throw new InvalidOperationException($"{before} check-ins were queued before they were due.");
        }

        await Task.Delay(due - DateTime.UtcNow);
        var clock = Stopwatch.StartNew();
        long queued;
        while ((queued = await QueuedAsync(connection)) < people && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(250);
        }

        var within = clock.Elapsed;
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"monday {store.Name}: {queued:N0} opened and queued {within.TotalSeconds:N1} s after the minute"));
        var sentBefore = connector.Accepted;
        await Task.Delay(TimeSpan.FromSeconds(60));
        var rate = (connector.Accepted - sentBefore) / 60.0;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {store.Name} | {people:N0} | {queued:N0} | **{within.TotalSeconds:N1} s** | {rate:N1} ({rate / TenantLimit:P0} of the limit) | all within 60 s, then the limit |");
    }

    /// <summary>Periods opened with their prompt queued (a prompt is queued in the transaction that opens its period).</summary>
    private static Task<long> QueuedAsync(System.Data.Common.DbConnection connection) =>
        connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'checkin-prompt'");

    private static long Succeeded(BenchStore store) =>
        SchedulingRegistration.CreateStorage(new StorageOptions { Provider = Enum.Parse<StorageProvider>(store.Provider), ConnectionString = store.ConnectionString }, new SchedulingOptions())
            .GetMonitoringApi().GetStatistics().Succeeded;

    private static double Percent(TimeSpan cpu, TimeSpan wall) => cpu.TotalSeconds / wall.TotalSeconds * 100;

    /// <summary>MENTORBOT_BENCH_PEOPLE sets the programme's size; 20,000 by default.</summary>
    private static int People() =>
        int.TryParse(Environment.GetEnvironmentVariable("MENTORBOT_BENCH_PEOPLE"), out var people) && people > 0 ? people : 20_000;

    /// <summary>MENTORBOT_BENCH_SECONDS shortens the measured window.</summary>
    private static int Seconds(int standard) =>
        int.TryParse(Environment.GetEnvironmentVariable("MENTORBOT_BENCH_SECONDS"), out var seconds) && seconds > 0 ? Math.Min(seconds, standard) : standard;

    /// <summary>The PostgreSQL server's processes: the postmaster, its live backends, and those that ended (its children's time).</summary>
    private sealed class DatabaseServer(int postmaster)
    {
        public TimeSpan CpuTime
        {
            get
            {
                var ticks = Stat(postmaster, withChildren: true);
                foreach (var directory in Directory.EnumerateDirectories("/proc"))
                {
                    if (int.TryParse(Path.GetFileName(directory), out var pid) && pid != postmaster && Parent(pid) == postmaster)
                    {
                        ticks += Stat(pid, withChildren: false);
                    }
                }

                return TimeSpan.FromSeconds(ticks / 100.0);
            }
        }

        public static async Task<DatabaseServer?> FindAsync(BenchStore store)
        {
            await using var connection = await store.OpenAsync();
            var backend = await connection.ExecuteScalarAsync<int>("SELECT pg_backend_pid()");
            return Parent(backend) is { } parent ? new DatabaseServer(parent) : null;
        }

        private static int? Parent(int pid) => Fields(pid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

        /// <summary>utime + stime (+ cutime + cstime), in clock ticks (100 a second on Linux).</summary>
        private static long Stat(int pid, bool withChildren)
        {
            if (Fields(pid) is not { } f)
            {
                return 0;
            }

            // Fields after "(comm) ": state=0, ppid=1, ..., utime=11, stime=12, cutime=13, cstime=14.
            var sum = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
            return withChildren ? sum + long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture) : sum;
        }

        private static string[]? Fields(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
