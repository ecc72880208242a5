using System.Globalization;
using MentorBot.Persistence;
using MentorBot.Teams;

namespace MentorBot.Features.Privacy;

/// <summary>What an erasure did (or, in a dry run, would do) to one table.</summary>
internal sealed record ErasureCount(string Table, int Removed, int Anonymised, int Unlinked)
{
    public bool Any => Removed + Anonymised + Unlinked > 0;
}

internal sealed record ErasureReport(DataSubject Subject, IReadOnlyList<ErasureCount> Tables, bool Committed)
{
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Tables.Sum(t => t.Removed)} rows removed, {Tables.Sum(t => t.Anonymised)} kept anonymously, {Tables.Sum(t => t.Unlinked)} of other people's rows unlinked");
}

/// <summary>
/// <c>privacy erase</c>: removes one person's data in one transaction and keeps only anonymous aggregates (see
/// <see cref="ErasureRun"/> for what happens to each table). A dry run does exactly the same and rolls back, so the
/// preview is what an erasure would do.
/// </summary>
internal sealed class PersonalDataEraser(Database database, AuditLog audit, Map.MapGeneration mapGeneration, ConversationReferenceStore conversations, TimeProvider time)
{
    public async Task<ErasureReport> EraseAsync(DataSubject subject, string actor, bool commit, CancellationToken cancellationToken)
    {
        if (!commit)
        {
            return await database.RehearseAsync(async (connection, transaction) =>
            {
                var run = new ErasureRun(database, connection, transaction, subject, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
                await run.ExecuteAsync();
                return new ErasureReport(subject, run.Counts, Committed: false);
            }, cancellationToken);
        }

        var erased = await database.WriteAsync(async (connection, transaction) =>
        {
            var run = new ErasureRun(database, connection, transaction, subject, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
            await run.ExecuteAsync();
            var report = new ErasureReport(subject, run.Counts, Committed: true);
            await audit.RecordAsync(connection, transaction, actor, AuditActions.PrivacyErase, Pseudonyms.ForAudit(subject.Label), report.Summary, cancellationToken);
            await Map.MapGeneration.AdvanceAsync(connection, transaction, cancellationToken);
            return report;
        }, cancellationToken);
        mapGeneration.Committed();
        conversations.ForgetConfirmations();
        return erased;
    }
}
