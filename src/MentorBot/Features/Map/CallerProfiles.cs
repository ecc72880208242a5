using MentorBot.Features.Conversations;

namespace MentorBot.Features.Map;

/// <summary>Resolves what the map says about a caller.</summary>
internal sealed class CallerProfiles
{
    public ValueTask<CallerProfile> ResolveAsync(Caller caller, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return ValueTask.FromResult(CallerProfile.Unmapped(caller));
    }
}
