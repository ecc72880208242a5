using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;

namespace MentorBot.Graph;

// Sending: the per-mailbox and overall gates, retries that honour Retry-After, and Graph's refusals as exceptions.
internal sealed partial class GraphClient
{
    /// <summary>
    /// Sends with retries. <paramref name="mailbox"/> (the user id in the path) holds one of that mailbox's slots for
    /// the whole call, waits included, so a throttled mailbox is not pressed harder; the overall slot is held only
    /// while a request is on the wire.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken, string? mailbox = null)
    {
        var token = credential.Credential is { } c ? (await c.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken)).Token : null;
        using var lease = mailbox is null ? null : await _mailboxes.EnterAsync(mailbox, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var (response, wait) = await AttemptAsync(create, token, attempt, cancellationToken);
            if (response is not null)
            {
                return response;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>One attempt: the response to return, or how long to wait before the next attempt.</summary>
    private async Task<(HttpResponseMessage? Response, TimeSpan Wait)> AttemptAsync(Func<HttpRequestMessage> create, string? token, int attempt, CancellationToken cancellationToken)
    {
        var last = attempt >= options.Value.MaxAttempts;
        await _concurrency.WaitAsync(cancellationToken);
        try
        {
            using var request = create();
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception ex) when (!last && (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)))
            {
                // Unreachable, reset, or HttpClient's own timeout (not the caller giving up).
                var backoff = Backoff(attempt);
                Log.Unreachable(logger, ex.GetType().Name, backoff.TotalSeconds);
                return (null, backoff);
            }

            if (last || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
            {
                return (response, TimeSpan.Zero);
            }

            var wait = RetryAfter(response) ?? Backoff(attempt);
            Log.Throttled(logger, (int)response.StatusCode, wait.TotalSeconds);
            response.Dispose();
            return (null, wait);
        }
        finally
        {
            _concurrency.Release();
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (wait is not { } w)
        {
            return null;
        }

        return w < TimeSpan.Zero ? TimeSpan.Zero : w > MaxRetryAfter ? MaxRetryAfter : w;
    }

    private static TimeSpan Backoff(int attempt)
    {
        var wait = TimeSpan.FromSeconds(Math.Pow(2, attempt));
        return wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        throw await RefusedAsync(response, what, cancellationToken);
    }

    private static async Task<GraphRequestException> RefusedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        var hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => " Check Graph:TenantId, Graph:ClientId and the secret, certificate or managed identity.",
            HttpStatusCode.Forbidden => " The app lacks a Graph application permission or admin consent; see docs/DEPLOY.md.",
            _ => string.Empty,
        };
        return new GraphRequestException($"Graph refused to {what}: {(int)response.StatusCode} {response.StatusCode}.{hint} {Truncate(detail)}", response.StatusCode, ErrorCode(detail));
    }

    /// <summary>Graph's <c>error.code</c> (such as ErrorDuplicateTransactionId), when the body has one.</summary>
    private static string? ErrorCode(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<GraphErrorBodyDto>(body, Json)?.Error?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
