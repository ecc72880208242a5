using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Polly.Timeout;

namespace MentorBot.Graph;

/// <summary>
/// MentorBot's seam over the Microsoft Graph SDK (application permissions): the few calls it makes, answered in
/// MentorBot's own models (GraphModels.cs); SDK types stay in this folder. Retries that honour Retry-After and the
/// overall cap are in the HTTP pipeline (<see cref="GraphRegistration"/>). This class keeps within Graph's four
/// concurrent requests per mailbox (<see cref="GraphOptions.MaxConcurrency"/>), holding a slot for the whole call,
/// waits included, and turns Graph's refusals into <see cref="GraphRequestException"/>.
/// </summary>
internal sealed partial class GraphClient(IHttpClientFactory http, GraphCredential credential, IOptions<GraphOptions> options)
{
    public const string HttpClientName = "Graph";
    private readonly MailboxGate _mailboxes = new(options.Value.MaxConcurrency);

    // The token goes to the configured host only (Graph, or a test's fake server); the SDK sends none elsewhere.
    private readonly IAuthenticationProvider _auth = credential.Credential is { } c
        ? new AzureIdentityAuthenticationProvider(c, [options.Value.BaseUrl.Host], null, true, "https://graph.microsoft.com/.default")
        : new AnonymousAuthenticationProvider();

    /// <summary>How many mailboxes have a request waiting or running (the per-mailbox gates alive now).</summary>
    internal int MailboxesInFlight => _mailboxes.Tracked;

    /// <summary>Enabled users with their manager's id, every page; <paramref name="read"/> hears the count every 500.</summary>
    public Task<List<DirectoryUser>> ListUsersAsync(Action<int>? read, CancellationToken cancellationToken) =>
        CallAsync(null, "list users", cancellationToken, async graph =>
        {
            var filter = string.IsNullOrWhiteSpace(options.Value.UserFilter) ? null : options.Value.UserFilter;
            var first = await graph.Users.GetAsync(
                r =>
                {
                    r.QueryParameters.Select = ["id", "displayName", "mail", "userPrincipalName", "department", "jobTitle", "accountEnabled"];
                    r.QueryParameters.Expand = ["manager($select=id)"];
                    r.QueryParameters.Top = 999;
                    (r.QueryParameters.Filter, r.QueryParameters.Count) = (filter, filter is null ? null : true);
                    Eventual(r.Headers, filter);
                },
                cancellationToken);
            var users = new List<DirectoryUser>();
            var pages = PageIterator<User, UserCollectionResponse>.CreatePageIterator(graph, first!, user =>
            {
                if (user is { Id: { } id, AccountEnabled: not false })
                {
                    users.Add(new(id, user.DisplayName ?? user.UserPrincipalName ?? id, user.Mail ?? user.UserPrincipalName, user.Department, user.JobTitle, user.Manager?.Id));
                    if (users.Count % 500 == 0)
                    {
                        read?.Invoke(users.Count);
                    }
                }

                return true;
            }, next =>
            {
                Eventual(next.Headers, filter);
                return next;
            });
            await pages.IterateAsync(cancellationToken);
            return users;
        });

    /// <summary>A user's time zone (IANA) and working hours; null when the mailbox cannot be read (404, 403).</summary>
    public async Task<MailboxHours?> GetMailboxHoursAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var settings = await CallAsync(userId, "read mailbox settings", cancellationToken, graph => graph.Users[userId].MailboxSettings.GetAsync(cancellationToken: cancellationToken));
            return Hours(settings?.WorkingHours, settings?.TimeZone);
        }
        catch (GraphRequestException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return null;
        }
    }

    /// <summary>Installs the Teams app for a person so MentorBot can message them first (TeamsAppInstallation.ReadWriteSelfForUser.All).</summary>
    public async Task<GraphCallOutcome> InstallAppAsync(string userId, string catalogAppId, CancellationToken cancellationToken)
    {
        var installation = new UserScopeTeamsAppInstallation();
        installation.AdditionalData["teamsApp@odata.bind"] = new Uri(options.Value.BaseUrl, $"appCatalogs/teamsApps/{Uri.EscapeDataString(catalogAppId)}").ToString();
        try
        {
            await CallAsync(userId, "install the app", cancellationToken, graph => graph.Users[userId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: cancellationToken));
            return GraphCallOutcome.Done;
        }
        catch (GraphRequestException e)
        {
            return e.Status switch
            {
                HttpStatusCode.Conflict => GraphCallOutcome.AlreadyDone,
                HttpStatusCode.NotFound => GraphCallOutcome.NotFound,
                HttpStatusCode.Forbidden => GraphCallOutcome.Forbidden,
                _ => GraphCallOutcome.Failed,
            };
        }
    }

    /// <summary>Graph reports some zones by Windows name ("Pacific Standard Time"); MentorBot keeps IANA ids.</summary>
    internal static string? ToIana(string? zone) =>
        string.IsNullOrWhiteSpace(zone) ? null
        : TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) && found.HasIanaId ? found.Id
        : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone, out var iana) ? iana : null;

    private static MailboxHours Hours(WorkingHours? hours, string? fallbackZone) => new(
        ToIana(hours?.TimeZone?.Name) ?? ToIana(fallbackZone),
        [.. (hours?.DaysOfWeek ?? []).Select(d => Enum.TryParse<DayOfWeek>(d?.ToString(), ignoreCase: true, out var day) ? (DayOfWeek?)day : null).OfType<DayOfWeek>()],
        hours?.StartTime is { } start ? (TimeOnly)start : null,
        hours?.EndTime is { } end ? (TimeOnly)end : null);

    /// <summary>A filtered /users query is an advanced query: every page needs ConsistencyLevel: eventual.</summary>
    private static void Eventual(RequestHeaders headers, string? filter)
    {
        if (filter is not null)
        {
            headers.TryAdd("ConsistencyLevel", "eventual");
        }
    }

    /// <summary>One SDK call, inside <paramref name="mailbox"/>'s gate when it names one; refusals become <see cref="GraphRequestException"/>.</summary>
    private async Task<T> CallAsync<T>(string? mailbox, string what, CancellationToken cancellationToken, Func<GraphServiceClient, Task<T>> call)
    {
        using var lease = mailbox is null ? null : await _mailboxes.EnterAsync(mailbox, cancellationToken);
        using var graph = new GraphServiceClient(http.CreateClient(HttpClientName), _auth, options.Value.BaseUrl.ToString().TrimEnd('/'));
        try
        {
            return await call(graph);
        }
        catch (ApiException e)
        {
            var status = (HttpStatusCode)e.ResponseStatusCode;
            var hint = status switch
            {
                HttpStatusCode.Unauthorized => " Check Graph:TenantId, Graph:ClientId and the secret, certificate or managed identity.",
                HttpStatusCode.Forbidden => " The app lacks a Graph application permission or admin consent; see docs/DEPLOY.md.",
                _ => string.Empty,
            };
            var error = (e as ODataError)?.Error;
            throw new GraphRequestException($"Graph refused to {what}: {(int)status} {status}.{hint} {error?.Message}".TrimEnd(), status, error?.Code);
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutException($"Graph did not answer in time to {what}.", e);
        }
    }
}

/// <summary>
/// Graph refused a request (after any retries). The message is for operators and may quote Graph's answer; the status
/// and Graph's error code are safe to log.
/// </summary>
internal sealed class GraphRequestException(string message, HttpStatusCode? status = null, string? code = null) : Exception(message)
{
    public HttpStatusCode? Status { get; } = status;

    public string? Code { get; } = code;
}
