using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MentorBot.IntegrationTests;

/// <summary>
/// A local stand-in for Microsoft Graph on loopback, serving Graph's documented JSON shapes: /users pages linked by
/// @odata.nextLink (with the manager expanded), mailboxSettings, and teamwork/installedApps. The second page
/// answers 429 with Retry-After once, as Graph does under load. The calendar routes (getSchedule, events) are in
/// FakeGraphServer.Calendar.cs.
/// </summary>
internal sealed partial class FakeGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _throttledOnce;

    private FakeGraphServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<string> Installed { get; } = new();

    public List<JsonObject> Users { get; } = [];

    public Dictionary<string, JsonObject> Mailboxes { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeGraphServer(app);
        app.Use(async (context, next) =>
        {
            server.Calls.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 401;
                return;
            }

            await next();
        });
        app.MapGet("/v1.0/users", (HttpContext context) => server.UsersPage(context));
        app.MapGet("/v1.0/users/{id}/mailboxSettings", (string id) =>
            server.Mailboxes.TryGetValue(id, out var mailbox) ? Results.Text(mailbox.ToJsonString(), "application/json") : Results.NotFound());
        app.MapPost("/v1.0/users/{id}/teamwork/installedApps", (string id) =>
        {
            var first = !server.Installed.Contains(id);
            server.Installed.Enqueue(id);
            return first ? Results.StatusCode(201) : Results.Conflict();
        });
        server.MapCalendar(app);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First().TrimEnd('/') + "/v1.0/";
        return server;
    }

    private IResult UsersPage(HttpContext context)
    {
        var skip = int.TryParse(context.Request.Query["$skiptoken"], out var s) ? s : 0;
        if (skip > 0 && Interlocked.Exchange(ref _throttledOnce, 1) == 0)
        {
            context.Response.Headers.RetryAfter = "1";
            return Results.Json(new { error = new { code = "TooManyRequests", message = "Please retry." } }, statusCode: 429);
        }

        const int pageSize = 3;
        var page = new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,department,manager(id))",
            ["value"] = new JsonArray([.. Users.Skip(skip).Take(pageSize).Select(u => u.DeepClone())]),
        };
        if (skip + pageSize < Users.Count)
        {
            page["@odata.nextLink"] = $"{BaseUrl}users?$select=id,displayName&$expand=manager($select=id)&$top=999&$skiptoken={skip + pageSize}";
        }

        return Results.Text(page.ToJsonString(), "application/json");
    }

    public void AddUser(string id, string name, string mail, string? department, string? managerId, string timeZone, string start = "08:00:00.0000000", string end = "16:30:00.0000000")
    {
        var user = new JsonObject { ["id"] = id, ["displayName"] = name, ["mail"] = mail, ["userPrincipalName"] = mail, ["department"] = department, ["jobTitle"] = "Care assistant", ["accountEnabled"] = true };
        if (managerId is not null)
        {
            user["manager"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = managerId };
        }

        Users.Add(user);
        Mailboxes[id] = new JsonObject
        {
            ["timeZone"] = timeZone,
            ["workingHours"] = new JsonObject
            {
                ["daysOfWeek"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday"),
                ["startTime"] = start,
                ["endTime"] = end,
                ["timeZone"] = new JsonObject { ["name"] = timeZone },
            },
        };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
