using MentorBot.Features.Digest;

namespace MentorBot.Web.Dashboard;

/// <summary>
/// Which scope one dashboard request shows. The reader's own scope is looked up at most once per request, and only
/// when the answer depends on it: the same lookup picks the scope and tells the page whether the reader has one.
/// </summary>
internal sealed class DashboardScope(TabReader reader, DigestService digest)
{
    private bool? _hasOwn;

    /// <summary>Whether the map gives the reader a scope of their own (a unit, or a reporting line).</summary>
    public async Task<bool> HasOwnAsync(CancellationToken cancellationToken) =>
        _hasOwn ??= await digest.ScopeAsync(reader.Person, DigestService.Mine, cancellationToken) is not null;

    /// <summary>The scope asked for, or the reader's own, or the organisation for an admin without one; null when none is theirs.</summary>
    public async Task<string?> KeyAsync(string? asked, CancellationToken cancellationToken)
    {
        if (asked == DigestService.Organisation)
        {
            return reader.Person.IsAdmin ? DigestService.Organisation : null;
        }

        if (await HasOwnAsync(cancellationToken))
        {
            return DigestService.Mine;
        }

        return reader.Person.IsAdmin ? DigestService.Organisation : null;
    }
}
