using MentorBot.Features.Map;
using MentorBot.Web.Auth;
using MentorBot.Web.Map;
using MentorBot.Web.Pages;
using Microsoft.Extensions.Options;
using Microsoft.FluentUI.AspNetCore.Components;

namespace MentorBot.Web;

/// <summary>
/// The Teams tab on the bot's own host. <c>/tab/&lt;page&gt;</c> is the page Teams frames (public: it holds no data);
/// its script signs in and loads <c>/tab/views/&lt;page&gt;</c>, server-rendered HTML, and <c>/tab/api/…</c>, JSON,
/// both behind <see cref="TabSignInFilter"/> and authorised against the map on every call.
/// </summary>
internal static class TabEndpoints
{
    /// <summary>
    /// Teams and Microsoft 365 frame the tab; nothing else may. Scripts and styles come only from this host (Fluent UI
    /// sets styles inline, so inline styles are allowed; inline scripts are not). TeamsJS (2.19 and later) fetches its
    /// list of trusted host domains from res.cdn.office.net when it loads, so that one origin may be fetched.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' https://res.cdn.office.net; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.cloud.microsoft";

    public static IServiceCollection AddTab(this IServiceCollection services)
    {
        services.AddOptions<TabOptions>().BindConfiguration(TabOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TabOptions>, TabOptionsValidator>();
        services.AddRazorComponents();
        // Views are UTF-8: Spanish and the digest's symbols are written as they are, not as numeric character references.
        services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddFluentUIComponents();
        services.AddHttpClient(TabSigningKeys.HttpClientName);
        services.AddSingleton<TabSigningKeys>();
        services.AddSingleton<TabTokenValidator>();
        services.AddSingleton<DevelopmentSignIn>();
        services.AddScoped<TabView>();
        services.AddTabPages();
        return services;
    }

    public static WebApplication MapTab(this WebApplication app)
    {
        var tab = app.MapGroup("/tab");
        tab.MapGet("/", Shell);
        tab.MapGet("/{page:regex(^(map|growth|mentees|dashboard|programme)$)}", Shell);

        var views = tab.MapGroup("/views").AddEndpointFilter<TabSignInFilter>();
        views.MapGet("/map", (HttpContext context, string? unit, string? lane, string? q, string? person) =>
            Views.Page<MapView>(context, TabReader.From(context), MapPageBuilder.Build(TabReader.From(context), new MapFilter(unit, lane, q, person))));
        views.MapTabPages();

        var api = tab.MapGroup("/api").AddEndpointFilter<TabSignInFilter>();
        api.MapGet("/me", (HttpContext context) =>
        {
            var reader = TabReader.From(context);
            return TypedResults.Ok(new
            {
                name = reader.Person.Name,
                language = reader.Language == Cards.Language.Spanish ? "es" : "en",
                timeZone = reader.Person.TimeZone,
                pages = TabPages.For(reader).Select(TabPages.Id),
            });
        });
        api.MapTabApi();

        // Mapped always, answered only with the development sign-in on (read per request, so that a refused setting is
        // reported at start like every other one, not thrown while the routes are built).
        var development = tab.MapGroup("/dev").AddEndpointFilter(async (invocation, next) =>
            invocation.HttpContext.RequestServices.GetRequiredService<IOptions<TabOptions>>().Value.DevelopmentSignIn
                ? await next(invocation)
                : Results.NotFound());
        development.MapGet("/people", async (MapSnapshots snapshots, CancellationToken cancellationToken) =>
        {
            var map = await snapshots.CurrentAsync(cancellationToken);
            return TypedResults.Ok(map.People.Where(p => p.AadObjectId is not null).OrderByDescending(p => p.Level).ThenBy(p => p.Name, StringComparer.Ordinal).Take(500)
                .Select(p => new { id = p.Id, name = p.Name, role = $"{p.Level}{(p.IsAdmin ? ", admin" : string.Empty)}" }));
        });
        development.MapPost("/sign-in", async (DevSignInRequest request, MapSnapshots snapshots, DevelopmentSignIn signIn, CancellationToken cancellationToken) =>
        {
            var map = await snapshots.CurrentAsync(cancellationToken);
            return map.People.FirstOrDefault(p => p.Id == request.Person) is { AadObjectId: { } objectId }
                ? Results.Ok(new { token = signIn.Issue(objectId) })
                : Results.Problem("No one in the map has that id: pick a person from the list.", statusCode: StatusCodes.Status400BadRequest);
        });

        return app;
    }

    private static IResult Shell(HttpContext context, IOptions<TabOptions> options, string? page = null)
    {
        if (page is not null && !TabPages.All.Any(p => TabPages.Id(p) == page))
        {
            return Results.NotFound();
        }

        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Views.Page<TabShell>(context, null, null, new { Page = page ?? TabPages.Id(TabPage.Map), DevelopmentSignIn = options.Value.DevelopmentSignIn });
    }

    internal sealed record DevSignInRequest(string? Person);
}
