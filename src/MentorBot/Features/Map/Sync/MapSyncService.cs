using MentorBot.Graph;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Map.Sync;

/// <summary>
/// <c>map sync</c>: fills the map from the directory (Graph /users with managers, mailboxSettings for time zones and
/// working hours), validates, imports all or nothing, and can install the Teams app for people MentorBot cannot reach.
/// </summary>
internal sealed class MapSyncService(DirectoryReader reader, MapStore store, MapDirectory directory, Privacy.AuditLog audit, IOptions<GraphOptions> options)
{
    public async Task<MapSyncResult> RunAsync(bool install, string actor, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var users = await reader.ListUsersAsync(read => progress?.Report($"Read {read} people from the directory…"), cancellationToken);

        progress?.Report($"Read {users.Count} people; reading time zones and working hours…");
        var hours = new System.Collections.Concurrent.ConcurrentDictionary<string, MailboxHours>(StringComparer.Ordinal);
        var done = 0;
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken }, async (user, ct) =>
        {
            if (await reader.GetMailboxHoursAsync(user.Id, ct) is { } mailbox)
            {
                hours[user.Id] = mailbox;
            }

            if (Interlocked.Increment(ref done) % 250 == 0)
            {
                progress?.Report($"Mailbox settings: {done}/{users.Count}");
            }
        });

        var current = await store.LoadAsync(cancellationToken);
        var (map, problems) = MapValidator.Validate(DirectorySync.Merge(current, users, hours));
        if (map is null)
        {
            return new MapSyncResult(users.Count, null, problems, 0, 0);
        }

        var summary = await store.ImportAsync(map, null, new AuditStamp(actor, Privacy.AuditActions.MapSync, "map", $"from the directory ({users.Count} people read): "), cancellationToken);
        if (!install)
        {
            return new MapSyncResult(users.Count, summary, [], 0, 0);
        }

        var catalogId = options.Value.TeamsAppCatalogId
            ?? throw new InvalidOperationException("Set Graph:TeamsAppCatalogId (the app's id in your tenant's app catalog) to install MentorBot for people.");
        var installed = 0;
        var failed = 0;
        foreach (var aad in await directory.UnreachableObjectIdsAsync(cancellationToken))
        {
            if (await reader.InstallAppAsync(aad, catalogId, cancellationToken))
            {
                installed++;
            }
            else
            {
                failed++;
            }
        }

        await audit.RecordAsync(actor, Privacy.AuditActions.MapSync, "map", $"installed MentorBot for {installed} people; {failed} could not be installed", cancellationToken);
        return new MapSyncResult(users.Count, summary, [], installed, failed);
    }
}

internal sealed record MapSyncResult(int DirectoryUsers, ImportSummary? Summary, IReadOnlyList<MapProblem> Problems, int Installed, int InstallFailed);
