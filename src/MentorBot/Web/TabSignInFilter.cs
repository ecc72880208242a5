using MentorBot.Features.Map;
using MentorBot.Web.Auth;
using MentorBot.Web.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentorBot.Web;

/// <summary>
/// Every tab view and API call: a valid single sign-on token (401 otherwise, so the page asks Teams for a new one), a
/// tenant the programme serves (403), and a person in the current map (403 with a page that says how to be added).
/// While Entra's keys cannot be fetched the answer is 503 with a Retry-After, never a 500.
/// </summary>
internal sealed partial class TabSignInFilter(TabTokenValidator validator, MapSnapshots snapshots, TimeProvider time, ILogger<TabSignInFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        TabAuthOutcome outcome;
        try
        {
            outcome = await validator.ValidateAsync(context.Request.Headers.Authorization, context.RequestAborted);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is IOException or HttpRequestException || ex is { InnerException: null } && ex.Message.Contains("IDX20803", StringComparison.Ordinal))
        {
            Log.KeysUnreachable(logger, ex.GetType().Name);
            context.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem("Sign-in is unavailable for a moment: Microsoft Entra ID could not be reached. Try again in a minute.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        switch (outcome)
        {
            case TabAuthOutcome.Unauthenticated refused:
                Log.Refused(logger, refused.Reason);
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return TypedResults.Problem($"Sign in again: {refused.Reason}.", statusCode: StatusCodes.Status401Unauthorized);
            case TabAuthOutcome.Forbidden forbidden:
                Log.Refused(logger, forbidden.Reason);
                return TypedResults.Problem("This organisation's Teams tenant is not one MentorBot serves.", statusCode: StatusCodes.Status403Forbidden);
        }

        var accepted = (TabAuthOutcome.Accepted)outcome;
        try
        {
            var (map, person) = await snapshots.FindByAadObjectIdAsync(accepted.ObjectId, context.RequestAborted);
            if (person is null)
            {
                Log.NotInMap(logger);
                return Views.Page<NotInMapView>(context, null, null, new { Programme = map.ProgrammeName }, StatusCodes.Status403Forbidden);
            }

            new TabReader(person, map, time.GetUtcNow()).Attach(context);
            return await next(invocation);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException && !context.Response.HasStarted)
        {
            // The page says so and the tab tries again; nothing was written, so nothing is half-done.
            Log.StoreUnavailable(logger, ex.GetType().Name);
            context.Response.Headers.RetryAfter = "15";
            return TypedResults.Problem("MentorBot's database is not answering at the moment. The page tries again shortly; nothing you did is lost.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Tab request refused: {Reason}")]
        public static partial void Refused(ILogger logger, string reason);

        [LoggerMessage(EventId = 9502, Level = LogLevel.Information, Message = "Tab request from someone who is not in the map")]
        public static partial void NotInMap(ILogger logger);

        [LoggerMessage(EventId = 9503, Level = LogLevel.Warning, Message = "Tab sign-in could not fetch Entra's signing keys ({Error})")]
        public static partial void KeysUnreachable(ILogger logger, string error);

        [LoggerMessage(EventId = 9504, Level = LogLevel.Warning, Message = "Tab view answered 503: the store is unavailable ({Error})")]
        public static partial void StoreUnavailable(ILogger logger, string error);
    }
}
