using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace MentorBot.Graph;

/// <summary>
/// A small typed client for the few Microsoft Graph endpoints MentorBot uses, with application permissions.
/// It pages with <c>@odata.nextLink</c> (never following a link off Graph's host), retries 429/503/504 (honouring
/// <c>Retry-After</c>) and network failures a bounded number of times, and keeps within Graph's four concurrent
/// requests per mailbox (<see cref="GraphOptions.MaxConcurrency"/>) and an overall cap.
/// </summary>
/// <remarks>
/// Every call it makes is safe to send twice: reads, getSchedule, PATCH and DELETE by nature, installedApps because a
/// second install answers 409, and an event POST only because it carries a <c>transactionId</c>, with which Graph
/// returns the event the first attempt created instead of creating another.
/// </remarks>
internal sealed partial class GraphClient(
    HttpClient http,
    GraphCredential credential,
    IOptions<GraphOptions> options,
    TimeProvider time,
    ILogger<GraphClient> logger)
{
    private static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim _concurrency = new(options.Value.MaxTotalConcurrency, options.Value.MaxTotalConcurrency);
    private readonly MailboxGate _mailboxes = new(options.Value.MaxConcurrency);

    /// <summary>How many mailboxes have a request waiting or running (the per-mailbox gates alive now).</summary>
    internal int MailboxesInFlight => _mailboxes.Tracked;

    public async IAsyncEnumerable<DirectoryUser> ListUsersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = "users?$select=id,displayName,mail,userPrincipalName,department,jobTitle,accountEnabled&$expand=manager($select=id)&$top=999";
        var filter = options.Value.UserFilter;
        if (!string.IsNullOrWhiteSpace(filter))
        {
            query += "&$count=true&$filter=" + Uri.EscapeDataString(filter);
        }

        Uri? next = new(options.Value.BaseUrl, query);
        while (next is not null)
        {
            using var response = await SendAsync(() => Request(HttpMethod.Get, next, eventualConsistency: filter is not null), cancellationToken);
            await EnsureSuccessAsync(response, "list users", cancellationToken);
            var page = await response.Content.ReadFromJsonAsync<GraphPage<GraphUserDto>>(Json, cancellationToken);
            foreach (var user in page?.Value ?? [])
            {
                if (user is { Id: { } id, AccountEnabled: not false })
                {
                    yield return new DirectoryUser(id, user.DisplayName ?? user.UserPrincipalName ?? id, user.Mail ?? user.UserPrincipalName, user.Department, user.JobTitle, user.Manager?.Id);
                }
            }

            next = NextLink(page?.NextLink);
        }
    }

    public async Task<MailboxHours?> GetMailboxHoursAsync(string userId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => Request(HttpMethod.Get, new Uri(options.Value.BaseUrl, $"users/{Uri.EscapeDataString(userId)}/mailboxSettings")), cancellationToken, userId);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "read mailbox settings", cancellationToken);
        var settings = await response.Content.ReadFromJsonAsync<MailboxSettingsDto>(Json, cancellationToken);
        return Hours(settings?.WorkingHours, settings?.TimeZone);
    }

    /// <summary>Installs the Teams app for a person so MentorBot can message them first (TeamsAppInstallation.ReadWriteSelfForUser.All).</summary>
    public async Task<GraphCallOutcome> InstallAppAsync(string userId, string catalogAppId, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, string> { ["teamsApp@odata.bind"] = new Uri(options.Value.BaseUrl, $"appCatalogs/teamsApps/{Uri.EscapeDataString(catalogAppId)}").ToString() };
        using var response = await SendAsync(
            () =>
            {
                var request = Request(HttpMethod.Post, new Uri(options.Value.BaseUrl, $"users/{Uri.EscapeDataString(userId)}/teamwork/installedApps"));
                request.Content = JsonContent.Create(body);
                return request;
            },
            cancellationToken,
            userId);
        return response.StatusCode switch
        {
            HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.NoContent => GraphCallOutcome.Done,
            HttpStatusCode.Conflict => GraphCallOutcome.AlreadyDone,
            HttpStatusCode.NotFound => GraphCallOutcome.NotFound,
            HttpStatusCode.Forbidden => GraphCallOutcome.Forbidden,
            _ => GraphCallOutcome.Failed,
        };
    }

    /// <summary>Graph reports some zones by Windows name ("Pacific Standard Time"); MentorBot keeps IANA ids.</summary>
    internal static string? ToIana(string? zone)
    {
        if (string.IsNullOrWhiteSpace(zone))
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) && found.HasIanaId)
        {
            return found.Id;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone, out var iana) ? iana : null;
    }

    private static MailboxHours Hours(WorkingHoursDto? hours, string? fallbackZone)
    {
        var zone = ToIana(hours?.TimeZone?.Name) ?? ToIana(fallbackZone);
        var days = (hours?.DaysOfWeek ?? []).Select(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) ? (DayOfWeek?)day : null).OfType<DayOfWeek>().ToList();
        return new MailboxHours(zone, days, Time(hours?.StartTime), Time(hours?.EndTime));
    }

    private static TimeOnly? Time(string? text) =>
        text is not null && TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out var time) ? time : null;

    private Uri? NextLink(string? link)
    {
        if (link is null || !Uri.TryCreate(link, UriKind.Absolute, out var uri))
        {
            return null;
        }

        if (!string.Equals(uri.Host, options.Value.BaseUrl.Host, StringComparison.OrdinalIgnoreCase) || uri.Port != options.Value.BaseUrl.Port)
        {
            Log.ForeignNextLink(logger);
            return null;
        }

        return uri;
    }

    private HttpRequestMessage Request(HttpMethod method, Uri uri, bool eventualConsistency = false)
    {
        var request = new HttpRequestMessage(method, uri);
        if (eventualConsistency)
        {
            request.Headers.Add("ConsistencyLevel", "eventual");
        }

        return request;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Graph answered {Status}; retrying after {Seconds} s.")]
        public static partial void Throttled(ILogger logger, int status, double seconds);

        [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Ignored an @odata.nextLink that points away from Graph.")]
        public static partial void ForeignNextLink(ILogger logger);

        [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Graph could not be reached ({Failure}); retrying after {Seconds} s.")]
        public static partial void Unreachable(ILogger logger, string failure, double seconds);
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
