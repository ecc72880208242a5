using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MentorBot.Teams.Wire;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace MentorBot.Teams;

/// <summary>
/// Calls the Bot Connector REST API at a conversation's service URL and classifies every result as a
/// <see cref="SendOutcome"/>. Its HttpClient retries transient failures (<see cref="ConnectorResilience"/>).
/// </summary>
internal sealed partial class ConnectorClient(
    HttpClient http,
    ConnectorTokenProvider tokens,
    IOptions<ConnectorOptions> options,
    TimeProvider time,
    ILogger<ConnectorClient> logger)
{
    public Task<SendOutcome> SendAsync(ConversationReference to, OutgoingActivity activity, CancellationToken cancellationToken) =>
        SendAsync(to, activity, null, cancellationToken);

    /// <summary>A send whose every attempt, retries included, first waits for <paramref name="pace"/> (the outbox's rate limiter).</summary>
    public Task<SendOutcome> SendAsync(ConversationReference to, OutgoingActivity activity, Func<CancellationToken, Task>? pace, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, to.ServiceUrl, $"v3/conversations/{Escape(to.ConversationId)}/activities", activity, cancellationToken, pace);

    public Task<SendOutcome> ReplyAsync(ConversationReference to, string replyToId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, to.ServiceUrl, $"v3/conversations/{Escape(to.ConversationId)}/activities/{Escape(replyToId)}", activity, cancellationToken);

    public Task<SendOutcome> UpdateAsync(ConversationReference to, string activityId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, to.ServiceUrl, $"v3/conversations/{Escape(to.ConversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);

    /// <summary>Creates (or finds) the 1:1 conversation with a person, for a proactive message. Sent carries the conversation id.</summary>
    public Task<SendOutcome> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string botId, string userId, CancellationToken cancellationToken)
    {
        var parameters = new ConversationParameters
        {
            Bot = new WireAccount(botId),
            Members = [new WireAccount(userId)],
            ChannelData = new ConversationChannelData(new WireTenant(tenantId)),
        };
        return CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken);
    }

    /// <summary>Sends an activity serialised earlier (<see cref="Serialize"/>): a reply that waited in the outbox.</summary>
    public Task<SendOutcome> SendSerializedAsync(ConversationReference to, byte[] activity, Func<CancellationToken, Task>? pace, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, to.ServiceUrl, $"v3/conversations/{Escape(to.ConversationId)}/activities", activity, cancellationToken, pace);

    /// <summary>An activity's wire form, as <see cref="SendAsync(ConversationReference, OutgoingActivity, CancellationToken)"/> sends it.</summary>
    public static byte[] Serialize(OutgoingActivity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, WireJson.Options);

    private Task<SendOutcome> CallAsync<TBody>(HttpMethod method, string serviceUrl, string path, TBody body, CancellationToken cancellationToken, Func<CancellationToken, Task>? pace = null) =>
        CallAsync(method, serviceUrl, path, JsonSerializer.SerializeToUtf8Bytes(body, WireJson.Options), cancellationToken, pace);

    private async Task<SendOutcome> CallAsync(HttpMethod method, string serviceUrl, string path, byte[] payload, CancellationToken cancellationToken, Func<CancellationToken, Task>? pace)
    {
        if (!Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
        {
            return new SendOutcome.Failed("invalid service URL");
        }

        var settings = options.Value;
        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token.Problem is { } problem)
        {
            // Nothing was sent: without the bot's token no call can succeed, and retrying in-line only holds the caller.
            Log.NoToken(logger, problem);
            return new SendOutcome.Unavailable("no token: " + problem, settings.TokenRetryAfter);
        }

        string failure;
        try
        {
            // Serialised once, and sent with a Content-Length: some connectors and proxies refuse chunked bodies.
            using var content = new ByteArrayContent(payload);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var request = new HttpRequestMessage(method, new Uri(baseUri, path)) { Content = content };
            if (token.Value is { } bearer)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            if (pace is not null)
            {
                request.Options.Set(ConnectorResilience.Pace, pace);
            }

            // Retries happen in the client's resilience pipeline (ConnectorResilience); this is the last attempt's answer.
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var resource = await ReadResourceAsync(response, cancellationToken);
                return new SendOutcome.Sent(resource?.Id);
            }

            if (!ConnectorResilience.IsTransient(response.StatusCode))
            {
                return await ClassifyPermanentAsync(response, cancellationToken);
            }

            failure = $"{(int)response.StatusCode} {response.StatusCode}";
            Log.GaveUp(logger, failure);
            return response.StatusCode == HttpStatusCode.TooManyRequests
                ? new SendOutcome.Throttled(ConnectorResilience.RetryAfter(response, time) ?? settings.BaseDelay * Math.Pow(2, settings.MaxAttempts))
                : new SendOutcome.Failed(failure);
        }
        catch (HttpRequestException ex)
        {
            failure = $"network error ({ex.HttpRequestError})";
            Log.GaveUp(logger, failure);
            return ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                ? new SendOutcome.Unavailable(failure, Unreachable)
                : new SendOutcome.Failed(failure);
        }
        catch (TimeoutRejectedException)
        {
            Log.GaveUp(logger, "timed out");
            return new SendOutcome.Failed("timed out");
        }
    }

    private static async Task<ResourceResponse?> ReadResourceAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is 0 || response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<ResourceResponse>(WireJson.Options, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task<SendOutcome> ClassifyPermanentAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = await ReadErrorCodeAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        Log.Refused(logger, status, code ?? "none");
        return response.StatusCode switch
        {
            HttpStatusCode.Forbidden => new SendOutcome.RecipientGone(code ?? "forbidden"),
            HttpStatusCode.NotFound => new SendOutcome.RecipientGone(code ?? "conversation not found"),
            HttpStatusCode.Unauthorized => new SendOutcome.Failed("the connector rejected the bot's credentials"),
            HttpStatusCode.RequestEntityTooLarge => new SendOutcome.Failed("message too large"),
            _ => new SendOutcome.Failed($"{status} {code ?? response.StatusCode.ToString()}"),
        };
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync<ConnectorErrorResponse>(WireJson.Options, cancellationToken);
            return error?.Error?.Code;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>How long a connector that could not be reached at all is left alone before a queued send tries again.</summary>
    private static readonly TimeSpan Unreachable = TimeSpan.FromSeconds(30);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Connector call gave up: {Failure}.")]
        public static partial void GaveUp(ILogger logger, string failure);

        [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Connector call not made: {Problem}.")]
        public static partial void NoToken(ILogger logger, string problem);

        [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Connector refused the call with {Status} ({Code}).")]
        public static partial void Refused(ILogger logger, int status, string code);
    }
}
