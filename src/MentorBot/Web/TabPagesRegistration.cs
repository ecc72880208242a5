using MentorBot.Features.Digest;
using MentorBot.Web.Dashboard;
using MentorBot.Web.Growth;
using MentorBot.Web.Mentees;
using MentorBot.Web.Pages;
using MentorBot.Web.Programme;

namespace MentorBot.Web;

/// <summary>The tab's pages other than the map: each checks the reader's place in the map before it reads anything.</summary>
internal static class TabPagesRegistration
{
    public static IServiceCollection AddTabPages(this IServiceCollection services) => services
        .AddScoped<GrowthPage>()
        .AddScoped<MenteesPage>()
        .AddScoped<ProgrammePage>()
        .AddSingleton<DashboardReports>();

    public static RouteGroupBuilder MapTabPages(this RouteGroupBuilder views)
    {
        views.MapGet("/growth", async (HttpContext context, GrowthPage page, string? person, CancellationToken cancellationToken) =>
        {
            var reader = TabReader.From(context);
            return await page.BuildAsync(reader, person, cancellationToken) is { } model
                ? Views.Page<GrowthPageView>(context, reader, model)
                : NotAllowed(context, reader, TabPage.Growth, reader.Pick(
                    "You can open your own growth, your mentees', and that of your unit's staff if you lead it.",
                    "Puedes abrir tu propio crecimiento, el de tus mentorados y, si diriges una unidad, el de su personal."));
        });
        views.MapGet("/mentees", async (HttpContext context, MenteesPage page, CancellationToken cancellationToken) =>
        {
            var reader = TabReader.From(context);
            return TabPages.MayOpen(reader, TabPage.Mentees)
                ? Views.Page<MenteesView>(context, reader, await page.BuildAsync(reader, cancellationToken))
                : NotAllowed(context, reader, TabPage.Mentees, reader.Pick(
                    "You mentor no one at the moment. When the map pairs you with a mentee, their check-ins and your notes appear here.",
                    "Ahora mismo no mentorizas a nadie. Cuando el mapa te asigne a alguien, aquí verás sus conversaciones y tus notas."));
        });
        views.MapGet("/dashboard", async (HttpContext context, DigestService digest, DashboardReports reports, string? scope, string? theme, CancellationToken cancellationToken) =>
        {
            var reader = TabReader.From(context);
            var scopes = new DashboardScope(reader, digest);
            return await scopes.KeyAsync(scope, cancellationToken) is { } key && await reports.GetAsync(reader.Person, reader.Map, key, cancellationToken) is { } report
                ? Views.Page<DashboardView>(context, reader, report, new { Dark = theme is "dark" or "contrast", HasOwnScope = await scopes.HasOwnAsync(cancellationToken) })
                : NotAllowed(context, reader, TabPage.Dashboard, reader.Pick(
                    "The dashboard is for leaders: it shows the scope the map gives you (a unit, or a reporting line). Ask your programme admin if you should have one.",
                    "El panel es para responsables: muestra el ámbito que te da el mapa (una unidad o una línea jerárquica). Pregunta a la administración del programa si deberías tener uno."));
        });
        views.MapGet("/programme", async (HttpContext context, ProgrammePage page, CancellationToken cancellationToken) =>
        {
            var reader = TabReader.From(context);
            return reader.Person.IsAdmin
                ? Views.Page<ProgrammeView>(context, reader, await page.BuildAsync(reader, cancellationToken))
                : NotAllowed(context, reader, TabPage.Programme, reader.Pick("The programme page is for the programme's admins.", "La página del programa es para la administración del programa."));
        });
        return views;
    }

    public static RouteGroupBuilder MapTabApi(this RouteGroupBuilder api)
    {
        // The dashboard's figures as JSON: the same report the page and the digest card show, already suppressed.
        api.MapGet("/dashboard", async (HttpContext context, DigestService digest, DashboardReports reports, string? scope, CancellationToken cancellationToken) =>
        {
            var reader = TabReader.From(context);
            return await new DashboardScope(reader, digest).KeyAsync(scope, cancellationToken) is { } key && await reports.GetAsync(reader.Person, reader.Map, key, cancellationToken) is { } report
                ? Results.Ok(DashboardJson.From(report))
                : Results.Problem("The dashboard is for leaders and admins: the map gives you no scope to see.", statusCode: StatusCodes.Status403Forbidden);
        });
        return api;
    }

    private static IResult NotAllowed(HttpContext context, TabReader reader, TabPage page, string reason) =>
        Views.Page<NotAllowedView>(context, reader, null, new { Page = TabPages.Id(page), Reason = reason }, StatusCodes.Status403Forbidden);
}
