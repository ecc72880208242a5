using MentorBot.Features.Map;
using MentorBot.Teams;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MentorBot.Hosting.Access;

/// <summary>
/// Sign-in to MentorBot's pages with Entra ID (OpenID Connect), through the bot's own app registration
/// (<c>Bot:AppId</c>, <c>Bot:TenantId</c>; <c>Bot:ClientSecret</c> for the code flow, otherwise an ID token), and the
/// <see cref="ProgrammeAdminPolicy"/>: signed in, and an admin in the map (<see cref="ProgrammeAdmins"/>).
/// </summary>
internal static partial class EntraSignIn
{
    public const string ProgrammeAdminPolicy = "ProgrammeAdmin";

    /// <summary>The object id claim, as Entra sends it (inbound claim mapping is off).</summary>
    public const string ObjectIdClaim = "oid";

    public static IServiceCollection AddEntraSignIn(this IServiceCollection services, BotOptions bot)
    {
        services.AddSingleton<ProgrammeAdmins>();
        services.AddSingleton<IAuthorizationHandler, ProgrammeAdminHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ProgrammeAdminPolicy, policy => policy.RequireAuthenticatedUser().AddRequirements(new ProgrammeAdminRequirement()));
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "mentorbot.signin";
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = false;

                // A signed-in person who is not an admin is told so (403), not sent round a sign-in loop.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = new Uri(bot.AuthorityHost, $"{bot.TenantId}/v2.0").ToString();
                options.ClientId = bot.AppId;
                var codeFlow = !string.IsNullOrWhiteSpace(bot.ClientSecret);
                options.ClientSecret = codeFlow ? bot.ClientSecret : null;
                options.ResponseType = codeFlow ? OpenIdConnectResponseType.Code : OpenIdConnectResponseType.IdToken;
                options.ResponseMode = OpenIdConnectResponseMode.FormPost;
                options.MapInboundClaims = false;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.SaveTokens = false;
                options.TokenValidationParameters.NameClaimType = "name";
            });
        return services;
    }

    /// <summary>
    /// Signing in needs Entra's metadata; while Entra cannot be reached, a page that asks for sign-in answers 503 with
    /// a Retry-After and says so, instead of failing.
    /// </summary>
    public static IApplicationBuilder UseSignInOutageAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is IOException && !context.Response.HasStarted)
        {
            MetadataUnreachable(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraSignIn)), ex);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "60";
            await context.Response.WriteAsync("Sign-in with Microsoft Entra ID is unreachable just now. Try again in a minute; if it goes on, check this server's outbound access to login.microsoftonline.com.\n");
        }
    });

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Sign-in: Entra ID's metadata could not be fetched; the page answered 503.")]
    private static partial void MetadataUnreachable(ILogger logger, Exception exception);
}

internal sealed class ProgrammeAdminRequirement : IAuthorizationRequirement;

/// <summary>Succeeds for a signed-in person whose object id belongs to an admin in the map.</summary>
internal sealed class ProgrammeAdminHandler(ProgrammeAdmins admins) : AuthorizationHandler<ProgrammeAdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProgrammeAdminRequirement requirement)
    {
        var objectId = context.User.FindFirst(EntraSignIn.ObjectIdClaim)?.Value;
        if (await admins.IsAdminAsync(objectId, CancellationToken.None))
        {
            context.Succeed(requirement);
        }
    }
}
