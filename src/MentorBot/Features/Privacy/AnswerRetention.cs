using System.Globalization;
using Dapper;
using MentorBot.Persistence;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Privacy;

/// <summary>How many rows a retention sweep cleared free text from, per table.</summary>
internal sealed record RetentionResult(int CheckIns, int CircleAnswers, int Reviews, int Calibrations, int MentorNotes, int Concerns = 0)
{
    public int Total => CheckIns + CircleAnswers + Reviews + Calibrations + MentorNotes + Concerns;
}

/// <summary>
/// Clears free text older than <see cref="PrivacyOptions.AnswerRetention"/> (from when it was last written) in every
/// table that holds any, in one transaction. Scores, flags, dates and the rows themselves stay, so counts and trends
/// do not change. A table that gains a free-text column must be added here and in docs/PRIVACY.md.
/// </summary>
internal sealed partial class AnswerRetention(Database database, AuditLog audit, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<AnswerRetention> logger)
{
    public async Task<RetentionResult> SweepAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value.AnswerRetention;
        var cutoff = (time.GetUtcNow() - retention).ToUnixTimeMilliseconds();
        return await database.WriteAsync(async (connection, transaction) =>
        {
            Task<int> Clear(string sql) => connection.ExecuteAsync(new CommandDefinition(sql, new { cutoff }, transaction, cancellationToken: cancellationToken));

            var result = new RetentionResult(
                await Clear("UPDATE checkin_answers SET learned = NULL, need = NULL, stuck = NULL WHERE updated_at_ms < @cutoff AND (learned IS NOT NULL OR need IS NOT NULL OR stuck IS NOT NULL)")
                    + await Clear("UPDATE checkin_replies SET body = '' WHERE created_at_ms < @cutoff AND body <> ''"),
                await Clear("UPDATE circle_answers SET learned = NULL, need = NULL, stuck = NULL WHERE updated_at_ms < @cutoff AND (learned IS NOT NULL OR need IS NOT NULL OR stuck IS NOT NULL)"),
                await Clear("UPDATE quarterly_reviews SET went_well = NULL, focus_next = NULL WHERE answered_at_ms < @cutoff AND (went_well IS NOT NULL OR focus_next IS NOT NULL)"),
                await Clear("UPDATE calibrations SET note = NULL WHERE answered_at_ms < @cutoff AND note IS NOT NULL"),
                // Validation notes and withdrawal reasons are mentors' words too: the history keeps who, what, when and how.
                await Clear("UPDATE mentor_notes SET fields_json = '{}' WHERE updated_at_ms < @cutoff AND fields_json <> '{}'")
                    + await Clear("UPDATE competency_events SET note = NULL WHERE at_ms < @cutoff AND note IS NOT NULL"),
                // A resolved concern keeps its dates and status (the digest's counts); its words go. Open ones are kept.
                await Clear("UPDATE concern_messages SET body = '' WHERE body <> '' AND concern_id IN (SELECT id FROM concerns WHERE status = 'resolved' AND updated_at_ms < @cutoff)")
                    + await Clear("UPDATE concerns SET body = '' WHERE status = 'resolved' AND updated_at_ms < @cutoff AND body <> ''"));
            if (result.Total > 0)
            {
                await audit.RecordAsync(connection, transaction, "mentorbot", AuditActions.PrivacyRetention, null,
                    string.Create(CultureInfo.InvariantCulture, $"free text older than {retention.TotalDays:0} days cleared: {result.CheckIns} check-ins, {result.CircleAnswers} circle answers, {result.Reviews} reviews, {result.Calibrations} calibrations, {result.MentorNotes} notes, {result.Concerns} concern texts"),
                    cancellationToken);
            }

            Log.Swept(logger, (int)retention.TotalDays, result.CheckIns, result.CircleAnswers, result.Reviews, result.Calibrations, result.MentorNotes);
            return result;
        }, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 8101, Level = LogLevel.Information,
            Message = "Retention ({Days} days): free text cleared from {CheckIns} check-ins, {CircleAnswers} circle answers, {Reviews} quarterly reviews, {Calibrations} calibration answers and {Notes} mentor notes.")]
        public static partial void Swept(ILogger logger, int days, int checkIns, int circleAnswers, int reviews, int calibrations, int notes);
    }
}
