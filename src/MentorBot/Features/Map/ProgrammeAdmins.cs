namespace MentorBot.Features.Map;

/// <summary>
/// Who is a programme admin: a person in the map with the <c>admin</c> role, found by their Entra object id. The one
/// rule for every admin surface outside the chat (the Hangfire dashboard, and the tab).
/// </summary>
internal sealed class ProgrammeAdmins(MapDirectory directory)
{
    public async Task<bool> IsAdminAsync(string? aadObjectId, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(aadObjectId) && await directory.FindByAadObjectIdAsync(aadObjectId, cancellationToken) is { IsAdmin: true };
}
