using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using MentorBot.Hosting.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MentorBot.IntegrationTests;

/// <summary>
/// Hangfire's dashboard: open from this machine in Development; in Production off unless configured, and then only for
/// programme admins from the map, signed in with Entra ID.
/// </summary>
public sealed class JobDashboardTests
{
    private const string Authorize = "https://login.example.test/tenant/oauth2/v2.0/authorize";
    private const string TestScheme = "Test";
    private const string ObjectIdHeader = "X-Test-Oid";

    [Fact]
    public async Task In_Development_the_dashboard_answers_requests_from_this_machine_only()
    {
        await using (var local = await MentorBotHost.StartWithAsync(null, services => services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Loopback))))
        {
            var page = await local.CreateClient().GetStringAsync("/hangfire/recurring");
            Assert.Contains("Check-ins: open what is due and send reminders", page, StringComparison.Ordinal);
            Assert.Contains("Digests: queue each leader", page, StringComparison.Ordinal);
        }

        await using var remote = await MentorBotHost.StartWithAsync(null, services => services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse("203.0.113.7"))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await remote.CreateClient().GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task In_Production_the_dashboard_is_off_unless_configured()
    {
        await using var host = await MentorBotHost.StartAuthenticatedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task With_Entra_sign_in_anonymous_is_sent_to_sign_in_a_non_admin_is_refused_and_an_admin_gets_the_dashboard()
    {
        await using var host = await MentorBotHost.StartAuthenticatedWithAsync(
            new Dictionary<string, string?> { ["Scheduling:Dashboard"] = "Entra", ["Bot:TenantId"] = "tenant" },
            null,
            services =>
            {
                // Entra's metadata, as if fetched; and a stand-in for the sign-in cookie that says who is signed in.
                services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
                    options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(
                        new OpenIdConnectConfiguration { AuthorizationEndpoint = Authorize, Issuer = "https://login.example.test/tenant/v2.0" }));
                services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, SignedInAs>(TestScheme, null);
                services.PostConfigure<AuthenticationOptions>(options => options.DefaultAuthenticateScheme = TestScheme);
            });
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var anonymous = await client.GetAsync("/hangfire");
        Assert.True(anonymous.StatusCode == HttpStatusCode.Redirect, $"{anonymous.StatusCode}: {await anonymous.Content.ReadAsStringAsync()}");
        Assert.StartsWith(Authorize + "?client_id=" + MentorBotHost.AppId, anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsAsync(client, Speaker.Alex.Aad, "/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsAsync(client, "99999999-0000-0000-0000-000000000000", "/hangfire/recurring")).StatusCode);

        var admin = await GetAsAsync(client, Speaker.Lynne.Aad, "/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("Privacy: clear answers older than the retention period", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_Entra_cannot_be_reached_the_sign_in_answers_503_with_what_to_do()
    {
        await using var host = await MentorBotHost.StartAuthenticatedWithAsync(
            new Dictionary<string, string?> { ["Scheduling:Dashboard"] = "Entra", ["Bot:TenantId"] = "tenant", ["Bot:AuthorityHost"] = "https://127.0.0.1:1/" },
            null,
            null);
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("Microsoft Entra ID", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entra_sign_in_without_the_bots_app_registration_stops_the_start_with_a_clear_error()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => MentorBotHost.StartAsync(new Dictionary<string, string?> { ["Scheduling:Dashboard"] = "Entra" }));
        Assert.Contains("set Bot:AppId and Bot:TenantId", error.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> GetAsAsync(HttpClient client, string objectId, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ObjectIdHeader, objectId);
        return client.SendAsync(request);
    }

    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }

    /// <summary>Signed in as the object id in <see cref="ObjectIdHeader"/>, as the Entra cookie would say; anonymous without it.</summary>
    private sealed class SignedInAs(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers.TryGetValue(ObjectIdHeader, out var oid)
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(EntraSignIn.ObjectIdClaim, oid.ToString())], TestScheme)), TestScheme))
                : AuthenticateResult.NoResult());
    }
}
