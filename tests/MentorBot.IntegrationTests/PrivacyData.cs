using System.Text.Json.Nodes;
using Dapper;
using MentorBot.Features.CheckIns;
using MentorBot.Persistence;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Personal data in every table for Alex (a mentee: Megan and Priya mentor him, Isaiah is his buddy) and, as the
/// control, for Isaiah (Grace's mentee). Check-ins go through Teams; the rest is written as the features store it.
/// Every free text carries its owner's marker (ALEX-…, ISAIAH-…, or MEGAN-…-ALEX for what Megan wrote about Alex).
/// </summary>
internal static class PrivacyData
{
    public const long Day = 86_400_000;

    public static readonly string[] AlexTexts =
    [
        "ALEX-LEARNED-TEXT", "ALEX-NEED-TEXT", "ALEX-STUCK-TEXT", "ALEX-OLD-LEARNED", "ALEX-CALIBRATION-NOTE", "ALEX-CIRCLE-TEXT", "ALEX-WENT-WELL",
        "ALEX-FOCUS-NEXT", "MEGAN-PRIVATE-NOTE-ABOUT-ALEX", "MEGAN-SHARED-NOTE-ABOUT-ALEX", "MEGAN-CALIBRATION-ABOUT-ALEX", "MEGAN-REVIEW-ABOUT-ALEX",
        "ALEX-CONCERN-TEXT", "ALEX-ANONYMOUS-CONCERN", "MEGAN-REPLY-TO-ALEX",
    ];

    public static readonly string[] IsaiahTexts =
        ["ISAIAH-LEARNED-TEXT", "ISAIAH-OLD-LEARNED", "ISAIAH-CALIBRATION-NOTE", "ISAIAH-CIRCLE-TEXT", "ISAIAH-WENT-WELL", "GRACE-NOTE-ABOUT-ISAIAH"];

    /// <summary>Everything by which Alex could be recognised.</summary>
    public static readonly string[] AlexIdentifiers = ["alex-wilber", "Alex Wilber", "alex.wilber@", TeamsActivities.AlexAad, TeamsActivities.PersonalConversation, .. AlexTexts];

    public static async Task SeedAsync(MentorBotHost host)
    {
        await CheckInThroughTeamsAsync(host, TeamsActivities.Message("check in"), (verb, data) => TeamsActivities.Execute(verb, data), "ALEX-LEARNED-TEXT", "ALEX-NEED-TEXT", "ALEX-STUCK-TEXT", 4);
        await CheckInThroughTeamsAsync(host, TeamsActivities.MessageFrom(23, "Isaiah Langer", "check in"), (verb, data) => TeamsActivities.ExecuteFrom(23, "Isaiah Langer", verb, data), "ISAIAH-LEARNED-TEXT", null, null, 2);
        await host.PostActivityAsync(TeamsActivities.MessageFrom(21, "Megan Bowen", "help"));

        var now = host.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var c = await host.Service<Database>().OpenAsync(default);
        await AnswerAsync(c, "m-001:2026-10-06", "alex-wilber", "m-001", "megan-bowen", "ALEX-OLD-LEARNED", 3, now - (48 * Day));
        await AnswerAsync(c, "m-012:2026-10-06", "isaiah-langer", "m-012", "grace-adeyemi", "ISAIAH-OLD-LEARNED", 5, now - (48 * Day));
        await c.ExecuteAsync("INSERT INTO checkin_pauses (person_id, until_date, created_at_ms) VALUES ('alex-wilber', '2026-12-31', @now), ('isaiah-langer', '2026-12-24', @now)", new { now });
        await CalibrationAsync(c, "m-001", "alex-wilber", "mentee", 4, "ALEX-CALIBRATION-NOTE", now - (5 * Day));
        await CalibrationAsync(c, "m-001", "megan-bowen", "mentor", 2, "MEGAN-CALIBRATION-ABOUT-ALEX", now - (5 * Day));
        await CalibrationAsync(c, "m-012", "isaiah-langer", "mentee", 5, "ISAIAH-CALIBRATION-NOTE", now - (5 * Day));
        await c.ExecuteAsync("INSERT INTO circle_debriefs (id, circle_id, opens_at_ms, closes_at_ms, created_at_ms) VALUES ('c-001:2026-11-02', 'c-001', @a, @b, @a), ('c-002:2026-11-02', 'c-002', @a, @b, @a)", new { a = now - (21 * Day), b = now + (9 * Day) });
        await CircleAnswerAsync(c, "c-001:2026-11-02", "alex-wilber", "ALEX-CIRCLE-TEXT", now - (20 * Day));
        await CircleAnswerAsync(c, "c-002:2026-11-02", "isaiah-langer", "ISAIAH-CIRCLE-TEXT", now - (20 * Day));
        await ReviewAsync(c, "m-001", "alex-wilber", "mentee", 4, "ALEX-WENT-WELL", "ALEX-FOCUS-NEXT", now - (40 * Day));
        await ReviewAsync(c, "m-001", "megan-bowen", "mentor", 3, "MEGAN-REVIEW-ABOUT-ALEX", null, now - (40 * Day));
        await ReviewAsync(c, "m-012", "isaiah-langer", "mentee", 5, "ISAIAH-WENT-WELL", null, now - (40 * Day));
        await c.ExecuteAsync(
            "INSERT INTO coaching_deliveries (id, person_id, prompt_id, lane, source, created_at_ms, feedback, feedback_at_ms) VALUES (@id, @person, 'cj-notice-early', 'clinical-judgment', 'on-demand', @now, 'useful', @now)",
            new[] { new { id = "ondemand:alex-1", person = "alex-wilber", now }, new { id = "ondemand:isaiah-1", person = "isaiah-langer", now } });
        await NoteAsync(c, "note-megan-alex-private", "megan-bowen", "alex-wilber", "MEGAN-PRIVATE-NOTE-ABOUT-ALEX", shared: false, now - (3 * Day));
        await NoteAsync(c, "note-megan-alex-shared", "megan-bowen", "alex-wilber", "MEGAN-SHARED-NOTE-ABOUT-ALEX", shared: true, now - (2 * Day));
        await NoteAsync(c, "note-grace-isaiah", "grace-adeyemi", "isaiah-langer", "GRACE-NOTE-ABOUT-ISAIAH", shared: true, now - (2 * Day));
        await BookingAsync(c, "booking-alex", "m-001", "megan-bowen", "alex-wilber", "Mentoring: Alex Wilber and Megan Bowen", now);
        await BookingAsync(c, "booking-isaiah", "m-012", "grace-adeyemi", "isaiah-langer", "Mentoring: Isaiah Langer and Grace Adeyemi", now);
        await ConcernAsync(c, "concern-alex", "alex-wilber", anonymous: false, "megan-bowen", "ALEX-CONCERN-TEXT", now);
        await ConcernAsync(c, "concern-alex-anon", "alex-wilber", anonymous: true, "megan-bowen", "ALEX-ANONYMOUS-CONCERN", now);
        await c.ExecuteAsync("INSERT INTO concern_messages (id, concern_id, seq, author_role, author_id, body, at_ms) VALUES ('cm-1', 'concern-alex', 1, 'recipient', 'megan-bowen', 'MEGAN-REPLY-TO-ALEX', @now)", new { now });
        await c.ExecuteAsync("INSERT INTO pulse_responded (run_id, person_id) VALUES ('run-x', 'alex-wilber')");
        await c.ExecuteAsync("INSERT INTO match_runs (id, created_by, created_at_ms, status, objective) VALUES ('run-privacy', 'lynne-robbins', @now, 'draft', 10)", new { now });
        await c.ExecuteAsync(
            "INSERT INTO match_suggestions (run_id, position, mentee_id, mentor_id, lanes_json, score, reasons_json, replaces_id, decision) VALUES ('run-privacy', @position, @mentee, @mentor, '[\"documentation\"]', 5, '[\"teaches documentation\"]', NULL, 'pending')",
            new[] { new { position = 0, mentee = "alex-wilber", mentor = "omar-haddad" }, new { position = 1, mentee = "isaiah-langer", mentor = "samuel-okafor" } });
        await c.ExecuteAsync(
            "INSERT INTO rematch_requests (mentorship_id, mentee_id, mentor_id, source, status, created_at_ms) VALUES (@m, @mentee, @mentor, 'asked', 'open', @now)",
            new[] { new { m = "m-001", mentee = "alex-wilber", mentor = "megan-bowen", now }, new { m = "m-012", mentee = "isaiah-langer", mentor = "grace-adeyemi", now } });
        await c.ExecuteAsync(
            "INSERT INTO outbox (id, kind, reference, person_id, status, attempts, not_before_ms, created_at_ms) VALUES (@id, 'circle-debrief', @reference, @person, 'queued', 0, @now, @now)",
            new[] { new { id = "circle-debrief|c-001:2026-11-02|alex-wilber", reference = "c-001:2026-11-02", person = "alex-wilber", now }, new { id = "circle-debrief|c-002:2026-11-02|isaiah-langer", reference = "c-002:2026-11-02", person = "isaiah-langer", now } });
    }

    public static async Task AnswerAsync(System.Data.Common.DbConnection c, string period, string person, string? mentorship, string? mentor, string learned, int confidence, long at)
    {
        await c.ExecuteAsync(
            "INSERT INTO checkin_periods (id, person_id, mentorship_id, mentor_id, opens_at_ms, closes_at_ms, status, created_at_ms) VALUES (@period, @person, @mentorship, @mentor, @at, @closes, 'answered', @at)",
            new { period, person, mentorship, mentor, at, closes = at + (7 * Day) });
        await c.ExecuteAsync(
            """
            INSERT INTO checkin_answers (period_id, person_id, learned, learned_shared, need, need_shared, stuck, stuck_shared, confidence, load, scores_shared, wants_time, submitted_at_ms, updated_at_ms, revision)
            VALUES (@period, @person, @learned, 1, NULL, 1, NULL, 0, @confidence, 3, 1, 0, @at, @at, 1)
            """,
            new { period, person, learned, confidence, at });
    }

    public static Task CalibrationAsync(System.Data.Common.DbConnection c, string mentorship, string person, string role, int score, string note, long at) =>
        c.ExecuteAsync(
            "INSERT INTO calibrations (mentorship_id, person_id, role, score, note, asked_at_ms, answered_at_ms) VALUES (@mentorship, @person, @role, @score, @note, @at, @at)",
            new { mentorship, person, role, score, note, at });

    public static Task CircleAnswerAsync(System.Data.Common.DbConnection c, string debrief, string person, string learned, long at) =>
        c.ExecuteAsync(
            "INSERT INTO circle_answers (debrief_id, person_id, learned, need, stuck, shared, submitted_at_ms, updated_at_ms, revision) VALUES (@debrief, @person, @learned, 'needs too', NULL, 1, @at, @at, 1)",
            new { debrief, person, learned, at });

    public static Task ReviewAsync(System.Data.Common.DbConnection c, string mentorship, string person, string role, int progress, string wentWell, string? focus, long at) =>
        c.ExecuteAsync(
            "INSERT INTO quarterly_reviews (mentorship_id, quarter, person_id, role, progress, went_well, focus_next, shared, asked_at_ms, answered_at_ms) VALUES (@mentorship, '2026-Q4', @person, @role, @progress, @wentWell, @focus, 1, @at, @at)",
            new { mentorship, person, role, progress, wentWell, focus, at });

    public static Task NoteAsync(System.Data.Common.DbConnection c, string id, string author, string mentee, string text, bool shared, long at) =>
        c.ExecuteAsync(
            "INSERT INTO mentor_notes (id, author_id, mentee_id, template_id, fields_json, shared, created_at_ms, updated_at_ms, revision) VALUES (@id, @author, @mentee, 'case-debrief', @fields, @shared, @at, @at, 1)",
            new { id, author, mentee, fields = new JsonObject { ["what-happened"] = text }.ToJsonString(), shared = shared ? 1 : 0, at });

    /// <summary>A concern as the concerns feature stores it; an anonymous one names its sender only in the relay.</summary>
    private static async Task ConcernAsync(System.Data.Common.DbConnection c, string id, string sender, bool anonymous, string recipient, string body, long now)
    {
        await c.ExecuteAsync(
            """
            INSERT INTO concerns (id, sender_id, anonymous, target, recipient_id, unit_id, body, source, status, raised_at_ms, revision, updated_at_ms)
            VALUES (@id, @senderId, @anonymous, 'mentor', @recipient, 'medical-ward-3', @body, 'command', 'open', @now, 1, @now)
            """,
            new { id, senderId = anonymous ? null : sender, anonymous = anonymous ? 1 : 0, recipient, body, now });
        if (anonymous)
        {
            await c.ExecuteAsync("INSERT INTO concern_relay (concern_id, sender_id) VALUES (@id, @sender)", new { id, sender });
        }
    }

    private static async Task BookingAsync(System.Data.Common.DbConnection c, string id, string mentorship, string mentor, string mentee, string subject, long now)
    {
        await c.ExecuteAsync(
            """
            INSERT INTO bookings (id, mentorship_id, mentor_id, mentee_id, requester_id, source, minutes, status, slots_json, slot_start_ms, slot_end_ms, transaction_id, event_id, join_url, provider, revision, created_at_ms, updated_at_ms)
            VALUES (@id, @mentorship, @mentor, @mentee, @mentee, 'command', 30, 'booked', '[]', @start, @end, @id, @id, 'https://teams.test/join', 'local', 1, @now, @now)
            """,
            new { id, mentorship, mentor, mentee, now, start = now + Day, end = now + Day + 1_800_000 });
        await c.ExecuteAsync(
            "INSERT INTO local_calendar_events (id, organizer_id, attendee_id, start_ms, end_ms, subject, transaction_id, join_url, status, created_at_ms) VALUES (@id, @mentor, @mentee, @start, @end, @subject, @id, 'https://teams.test/join', 'active', @now)",
            new { id, mentor, mentee, subject, now, start = now + Day, end = now + Day + 1_800_000 });
    }

    private static async Task CheckInThroughTeamsAsync(MentorBotHost host, string checkIn, Func<string, JsonObject, string> execute, string learned, string? need, string? stuck, int confidence)
    {
        await host.PostActivityAsync(checkIn);
        var card = JsonNode.Parse(Sent.CardText(host.Sent[^1]))!;
        var period = Sent.ActionData(card, "period");
        var data = new JsonObject
        {
            ["period"] = period,
            ["learned"] = learned,
            ["learnedShared"] = "true",
            ["need"] = need ?? string.Empty,
            ["needShared"] = "false",
            ["stuck"] = stuck ?? string.Empty,
            ["stuckShared"] = "true",
            ["confidence"] = confidence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["load"] = "2",
            ["scoresShared"] = "true",
            ["wantsTime"] = "true",
        };
        var response = await host.PostActivityAsync(execute(CheckInVerbs.Submit, data));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every row of every MentorBot table, as sorted text: two dumps are equal when nothing changed.</summary>
    public static async Task<IReadOnlyList<string>> DumpAsync(MentorBotHost host)
    {
        await using var c = await host.Service<Database>().OpenAsync(default);
        var lines = new List<string>();
        foreach (var table in await TablesAsync(host))
        {
            foreach (IDictionary<string, object?> row in await c.QueryAsync($"SELECT * FROM {table}"))
            {
                lines.Add(table + ": " + string.Join(" | ", row.Select(kv => $"{kv.Key}={kv.Value}")));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>The rows anywhere in MentorBot's tables that contain any of <paramref name="needles"/>.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(MentorBotHost host, IEnumerable<string> needles)
    {
        var all = await DumpAsync(host);
        return [.. all.Where(line => needles.Any(n => line.Contains(n, StringComparison.OrdinalIgnoreCase)))];
    }

    public static async Task<IReadOnlyList<string>> TablesAsync(MentorBotHost host)
    {
        await using var c = await host.Service<Database>().OpenAsync(default);
        var tables = host.Provider == "Postgres"
            ? await c.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
            : await c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        return [.. tables.Order(StringComparer.Ordinal)];
    }
}
