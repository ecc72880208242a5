namespace MentorBot.Teams.Auth;

/// <summary>The result of checking an inbound request's token.</summary>
internal abstract record AuthOutcome
{
    private AuthOutcome()
    {
    }

    public sealed record Accepted(string? AppId) : AuthOutcome;

    /// <summary>No valid token: answered 401.</summary>
    public sealed record Unauthenticated(string Reason) : AuthOutcome;

    /// <summary>A valid token that does not entitle this request: answered 403.</summary>
    public sealed record Forbidden(string Reason) : AuthOutcome;
}
