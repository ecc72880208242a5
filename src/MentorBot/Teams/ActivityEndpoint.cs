using System.Text.Json;
using MentorBot.Teams.Auth;
using MentorBot.Teams.Wire;
using Microsoft.Extensions.Options;

namespace MentorBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the HTTP edge of the Bot Connector protocol. It bounds the body, parses tolerantly,
/// authenticates, enforces the tenant allow-list and maps the outcome to the status codes the protocol expects.
/// Client mistakes get 4xx with a reason; nothing is processed unless every check passed.
/// </summary>
internal sealed partial class ActivityEndpoint(
    BotTokenValidator validator,
    ActivityProcessor processor,
    IOptions<BotOptions> options,
    Hosting.Telemetry.MentorBotMetrics metrics,
    TimeProvider time,
    ILogger<ActivityEndpoint> logger)
{
    private static readonly string[] KnownTypes =
        [ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, "messageReaction", "event", "typing"];

    private string _type = "unread";

    /// <summary>Handles the activity and counts it: its type (a known one, else "other") and outcome, never who or what.</summary>
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        var result = await HandleCoreAsync(context);
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        var outcome = status switch
        {
            < 300 => "answered",
            StatusCodes.Status501NotImplemented => "not_implemented",
            StatusCodes.Status503ServiceUnavailable => "unavailable",
            _ => "refused",
        };
        metrics.Activity(_type, outcome, time.GetElapsedTime(started));
        return result;
    }

    private async Task<IResult> HandleCoreAsync(HttpContext context)
    {
        var settings = options.Value;
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        if (request.ContentLength > settings.MaxActivityBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "The activity is larger than the bot accepts.");
        }

        var authorization = request.Headers.Authorization.ToString();
        if (settings.HasAppId && string.IsNullOrEmpty(authorization))
        {
            Log.Rejected(logger, 401, "missing bearer token");
            return Problem(StatusCodes.Status401Unauthorized, "A Bot Connector bearer token is required.");
        }

        byte[]? body;
        try
        {
            body = await BoundedBody.ReadAsync(request.Body, settings.MaxActivityBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            // The sender went away or sent less than it announced: nothing to process, and no one to answer but a 400.
            Log.BodyIncomplete(logger, ex.Message);
            return Problem(StatusCodes.Status400BadRequest, "The activity body ended before its declared length.");
        }

        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "The activity is larger than the bot accepts.");
        }

        var activity = Parse(body);
        _type = activity?.Type is { } type ? KnownTypes.FirstOrDefault(t => t == type) ?? "other" : "unreadable";
        if (activity is null)
        {
            Log.Malformed(logger, body.Length);
            return Problem(StatusCodes.Status400BadRequest, "The body is not a JSON activity.");
        }

        if (settings.HasAppId)
        {
            AuthOutcome outcome;
            try
            {
                outcome = await validator.ValidateAsync(authorization, activity.ChannelId, activity.ServiceUrl, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Log.KeysUnavailable(logger, ex);
                return Unavailable(context, "The bot cannot check tokens right now. Retry shortly.");
            }

            switch (outcome)
            {
                case AuthOutcome.Unauthenticated u:
                    Log.Rejected(logger, 401, u.Reason);
                    return Problem(StatusCodes.Status401Unauthorized, "The bearer token is not valid for this bot.");
                case AuthOutcome.Forbidden f:
                    Log.Rejected(logger, 403, f.Reason);
                    return Problem(StatusCodes.Status403Forbidden, "The bearer token does not cover this activity.");
            }
        }

        if (settings.AllowedTenants.Length > 0)
        {
            var tenant = TurnTranslator.TenantOf(activity);
            if (tenant is null || !settings.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase))
            {
                Log.Rejected(logger, 403, "tenant not allowed");
                return Problem(StatusCodes.Status403Forbidden, "This organisation is not enabled for this MentorBot.");
            }
        }

        return await processor.ProcessAsync(activity, cancellationToken) switch
        {
            InboundResult.InvokeAnswer answer => Results.Bytes(answer.Json, JsonContentType),
            InboundResult.NotImplemented n => Problem(StatusCodes.Status501NotImplemented, n.Reason),
            InboundResult.BadRequest b => Problem(StatusCodes.Status400BadRequest, b.Reason),
            InboundResult.Unavailable u => Unavailable(context, u.Reason),
            _ => Results.Ok(),
        };
    }

    private static Activity? Parse(byte[] body)
    {
        try
        {
            // Read once, straight into the model (at most 32 levels deep); anything but an object is not an activity.
            return JsonSerializer.Deserialize<Activity>(body, WireJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    /// <summary>503 with Retry-After: the Bot Connector retries, and a dependency (keys, the database) may be back by then.</summary>
    private static IResult Unavailable(HttpContext context, string detail)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return Problem(StatusCodes.Status503ServiceUnavailable, detail);
    }

    private const string RetryAfterSeconds = "5";

    /// <summary>What <see cref="Results.Json"/> sends, for answers written already.</summary>
    private const string JsonContentType = "application/json; charset=utf-8";

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Activity rejected with {Status}: {Reason}.")]
        public static partial void Rejected(ILogger logger, int status, string reason);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Malformed activity body ({Length} bytes).")]
        public static partial void Malformed(ILogger logger, int length);

        [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Activity body incomplete: {Reason}")]
        public static partial void BodyIncomplete(ILogger logger, string reason);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Bot Connector signing keys could not be fetched.")]
        public static partial void KeysUnavailable(ILogger logger, Exception exception);
    }
}

/// <summary>Reads a request body up to a limit; null when it is longer.</summary>
internal static class BoundedBody
{
    public static async Task<byte[]?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
