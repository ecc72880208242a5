using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace MentorBot.Bench;

/// <summary>
/// What PostgreSQL alone serves on this machine: the statements of one check-in submit, sent by Debian's pgbench (a
/// thin C client: no HTTP, no JSON, no cards) to the invoke benchmark's own database, at the same concurrency and for
/// the same time. An activity claim; in one transaction the period, the answer so far, the streak's periods, and the
/// answer written; then the response kept. The period is looked up by person, as pgbench cannot pick it from a list.
/// </summary>
internal static partial class PostgresCeiling
{
    private const string Script =
        """
        \set who random(0, 999)
        \set n random(1, 2000000000)
        INSERT INTO processed_activities (activity_key, received_at_ms) VALUES ('pgbench|' || :client_id || '|' || :n, 0) ON CONFLICT (activity_key) DO NOTHING;
        BEGIN;
        SELECT id AS period, person_id, mentorship_id, mentor_id, opens_at_ms, closes_at_ms, status FROM checkin_periods WHERE person_id = 'staff' || :who ORDER BY opens_at_ms DESC LIMIT 1 \gset
        SELECT period_id, person_id, learned, learned_shared, need, need_shared, stuck, stuck_shared, confidence, load, scores_shared, wants_time, submitted_at_ms, revision FROM checkin_answers WHERE period_id = :period;
        SELECT c.id, c.status FROM checkin_periods c JOIN checkin_periods p ON p.id = :period WHERE c.person_id = 'staff' || :who AND (c.status IN ('answered', 'missed') OR c.id = p.id) AND (c.mentorship_id = p.mentorship_id OR (c.mentorship_id IS NULL AND p.mentorship_id IS NULL)) ORDER BY c.opens_at_ms DESC LIMIT 201;
        INSERT INTO checkin_answers (period_id, person_id, learned, learned_shared, need, need_shared, stuck, stuck_shared, confidence, load, scores_shared, wants_time, submitted_at_ms, updated_at_ms, revision) VALUES (:period, 'staff' || :who, 'Learned ' || :n, 1, '', 1, '', 1, 3, 2, 1, 0, 0, 0, 1) ON CONFLICT (period_id) DO UPDATE SET learned = excluded.learned, updated_at_ms = excluded.updated_at_ms, revision = checkin_answers.revision + 1;
        COMMIT;
        UPDATE processed_activities SET response_json = repeat('x', 3000) WHERE activity_key = 'pgbench|' || :client_id || '|' || :n;
        """;

    /// <summary>Transactions per second, or null (with the reason on stderr) when pgbench is not installed.</summary>
    public static async Task<double?> MeasureAsync(string connectionString, int clients, int seconds)
    {
        var pgbench = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pgbench")).Where(File.Exists).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (pgbench is null)
        {
            await Console.Error.WriteLineAsync("pgbench is not installed (Debian's postgresql package has it): the PostgreSQL ceiling is not measured.");
            return null;
        }

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var script = Path.Combine(Path.GetTempPath(), $"mentorbot-ceiling-{Guid.NewGuid():n}.sql");
        await File.WriteAllTextAsync(script, Script.Replace("\r\n", "\n", StringComparison.Ordinal));
        try
        {
            var start = new ProcessStartInfo(pgbench) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "-h", settings.Host ?? "127.0.0.1", "-p", settings.Port.ToString(CultureInfo.InvariantCulture), "-U", settings.Username ?? "postgres",
                "-n", "-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture),
                "-f", script, settings.Database ?? "postgres",
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var match = Tps().Match(await output);
            if (process.ExitCode != 0 || !match.Success)
            {
                await Console.Error.WriteLineAsync($"pgbench failed ({process.ExitCode}): {(await errors).Trim()}");
                return null;
            }

            return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"tps = ([\d.]+)")]
    private static partial Regex Tps();
}
