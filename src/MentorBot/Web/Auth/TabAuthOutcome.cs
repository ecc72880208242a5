namespace MentorBot.Web.Auth;

/// <summary>The result of checking the tab's bearer token.</summary>
internal abstract record TabAuthOutcome
{
    private TabAuthOutcome()
    {
    }

    /// <summary>A valid token: the person is identified by tenant and object id, never by anything the page says.</summary>
    public sealed record Accepted(string TenantId, string ObjectId) : TabAuthOutcome;

    /// <summary>No valid token: answered 401, and the page asks Teams for a new one.</summary>
    public sealed record Unauthenticated(string Reason) : TabAuthOutcome;

    /// <summary>A valid token from a tenant the programme does not serve: answered 403.</summary>
    public sealed record Forbidden(string Reason) : TabAuthOutcome;
}
