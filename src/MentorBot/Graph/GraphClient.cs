using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Polly.Timeout;

namespace MentorBot.Graph;

/// <summary>
/// MentorBot's seam over the Microsoft Graph SDK (application permissions). Features make their own SDK calls through
/// <see cref="CallAsync"/>, which hands them a client on the configured base URL with Azure.Identity tokens, keeps
/// within Graph's four concurrent requests per mailbox (<see cref="GraphOptions.MaxConcurrency"/>, a slot held for the
/// whole call, retries included), and turns Graph's refusals into <see cref="GraphRequestException"/>. Retries that
/// honour Retry-After and the overall cap are in the HTTP pipeline (<see cref="GraphRegistration"/>).
/// </summary>
internal sealed class GraphClient(IHttpClientFactory http, GraphCredential credential, IOptions<GraphOptions> options) : IDisposable
{
    public const string HttpClientName = "Graph";

    // The token goes to the configured host only (Graph, or a test's fake server); the SDK sends none elsewhere.
    private readonly IAuthenticationProvider _auth = credential.Credential is { } c
        ? new AzureIdentityAuthenticationProvider(c, [options.Value.BaseUrl.Host], null, true, "https://graph.microsoft.com/.default")
        : new AnonymousAuthenticationProvider();

    /// <summary>One concurrency limiter per mailbox; System.Threading.RateLimiting drops a mailbox's once it is idle.</summary>
    public PartitionedRateLimiter<string> Mailboxes { get; } = MailboxLimiter(options.Value.MaxConcurrency);

    /// <summary>At most <paramref name="perMailbox"/> requests at once for each mailbox (ids and addresses in any case), queueing the rest.</summary>
    internal static PartitionedRateLimiter<string> MailboxLimiter(int perMailbox) => PartitionedRateLimiter.Create<string, string>(
        mailbox => RateLimitPartition.GetConcurrencyLimiter(mailbox, _ => new ConcurrencyLimiterOptions { PermitLimit = perMailbox, QueueLimit = int.MaxValue }),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>One SDK call, inside <paramref name="mailbox"/>'s limit when it names one; refusals become <see cref="GraphRequestException"/>.</summary>
    /// <exception cref="GraphRequestException">Graph refused (after the pipeline's retries).</exception>
    /// <exception cref="TimeoutException">Graph did not answer an attempt in time (after retries).</exception>
    public async Task<T> CallAsync<T>(string? mailbox, string what, CancellationToken cancellationToken, Func<GraphServiceClient, Task<T>> call)
    {
        using var slot = mailbox is null ? null : await Mailboxes.AcquireAsync(mailbox, 1, cancellationToken);
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

    public void Dispose() => Mailboxes.Dispose();
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
