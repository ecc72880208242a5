using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using MentorBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.IntegrationTests;

/// <summary>
/// The Teams tab on a production-like host: Teams single sign-on tokens checked against a published key set, every
/// view and API route refused without a valid token, and every page authorised against the map for each demo role.
/// </summary>
public sealed class TabTests : IAsyncLifetime
{
    private const string Tenant = "4f1b2c3d-1111-4222-8333-00000000a001";
    private const string OtherTenant = "4f1b2c3d-1111-4222-8333-00000000a002";
    private const string MetadataUrl = "https://login.microsoftonline.test/common/v2.0/.well-known/openid-configuration";
    private const string ApplicationIdUri = "api://mentorbot.test/" + MentorBotHost.AppId;

    /// <summary>Every route behind the tab's sign-in.</summary>
    public static readonly TheoryData<string> Routes = new()
    {
        "/tab/views/map", "/tab/views/map?person=megan-bowen&unit=", "/tab/views/growth", "/tab/views/growth?person=alex-wilber",
        "/tab/views/mentees", "/tab/views/dashboard", "/tab/views/dashboard?scope=org", "/tab/views/programme", "/tab/api/me", "/tab/api/dashboard",
    };

    private MentorBotHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_route_refuses_a_missing_expired_foreign_misaddressed_or_forged_token(string route)
    {
        var now = _host.Clock.GetUtcNow();
        var cases = new (string Case, string? Token, HttpStatusCode Expected)[]
        {
            ("no token", null, HttpStatusCode.Unauthorized),
            ("expired", Token(Speaker.Patti, now, p => p["exp"] = now.AddMinutes(-10).ToUnixTimeSeconds()), HttpStatusCode.Unauthorized),
            ("another tenant", Token(Speaker.Patti, now, tenant: OtherTenant), HttpStatusCode.Forbidden),
            ("issuer of another tenant", Token(Speaker.Patti, now, p => p["iss"] = $"https://login.microsoftonline.test/{OtherTenant}/v2.0"), HttpStatusCode.Unauthorized),
            ("another audience", Token(Speaker.Patti, now, p => p["aud"] = "api://someone-else/" + Guid.NewGuid()), HttpStatusCode.Unauthorized),
            ("forged signature", Token(Speaker.Patti, now, signWith: _host.Tokens.Stranger), HttpStatusCode.Unauthorized),
            ("no access_as_user scope", Token(Speaker.Patti, now, p => p["scp"] = "User.Read"), HttpStatusCode.Unauthorized),
            ("alg none", Unsigned(Speaker.Patti, now), HttpStatusCode.Unauthorized),
            ("development token in production", "eyJhbGciOiJSUzI1NiIsImtpZCI6ImRldmVsb3BtZW50In0.eyJpc3MiOiJ1cm46bWVudG9yYm90OmRldmVsb3BtZW50LXNpZ24taW4ifQ.c2ln", HttpStatusCode.Unauthorized),
        };

        foreach (var (name, token, expected) in cases)
        {
            var response = await GetAsync(route, token);
            Assert.True(expected == response.StatusCode, $"{name}: expected {(int)expected}, got {(int)response.StatusCode} for {route}");
            Assert.DoesNotContain("Patti", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_valid_v2_or_v1_token_signs_in_and_an_unknown_person_is_told_how_to_be_added()
    {
        var now = _host.Clock.GetUtcNow();
        var v2 = await GetAsync("/tab/api/me", Token(Speaker.Patti, now));
        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
        Assert.Equal("Patti Fernandez", (string?)JsonNode.Parse(await v2.Content.ReadAsStringAsync())!["name"]);

        var v1 = await GetAsync("/tab/api/me", Token(Speaker.Patti, now, p =>
        {
            p["iss"] = $"https://sts.windows.net/{Tenant}/";
            p["aud"] = ApplicationIdUri;
        }));
        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);

        var stranger = await GetAsync("/tab/views/map", Token(new Speaker("9f000000-0000-0000-0000-0000000000f9", "a:none", "Nobody"), now));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        var page = await stranger.Content.ReadAsStringAsync();
        Assert.Contains("not in Riverside Care Network", page, StringComparison.Ordinal);
        Assert.Contains("Ask your programme", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tokens_object_id_finds_its_person_in_the_map_whatever_its_case()
    {
        const string ObjectId = "abcdef00-0000-4000-8000-0000000000ab";
        var map = Features.Map.Demo.DemoMap.Load(DateOnly.FromDateTime(_host.Clock.GetUtcNow().UtcDateTime));
        await _host.Service<MapStore>().ImportAsync(map with { People = [.. map.People.Select(p => p.Id == "patti-fernandez" ? p with { AadObjectId = ObjectId } : p)] }, null, default);

        var me = await GetAsync("/tab/api/me", Token(new Speaker(ObjectId.ToUpperInvariant(), "a:patti", "Patti"), _host.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("Patti Fernandez", (string?)JsonNode.Parse(await me.Content.ReadAsStringAsync())!["name"]);
    }

    [Theory]
    [InlineData("alex", "map growth", "mentees dashboard programme")]
    [InlineData("megan", "map growth mentees", "dashboard programme")]
    [InlineData("adele", "map growth mentees dashboard", "programme")]
    [InlineData("isaiah", "map growth mentees", "dashboard programme")]
    [InlineData("patti", "map growth mentees dashboard", "programme")]
    [InlineData("lynne", "map growth mentees dashboard programme", "")]
    public async Task Each_role_opens_the_pages_the_map_gives_it_and_is_refused_the_others_with_a_reason(string who, string opens, string refused)
    {
        var speaker = Role(who);
        var token = Token(speaker, _host.Clock.GetUtcNow());
        var me = JsonNode.Parse(await (await GetAsync("/tab/api/me", token)).Content.ReadAsStringAsync())!;
        Assert.Equal(opens.Split(' '), me["pages"]!.AsArray().Select(p => (string?)p));
        foreach (var page in opens.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var response = await GetAsync($"/tab/views/{page}", token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} should open {page}: {(int)response.StatusCode}");
            Assert.Contains($"data-page=\"{page}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var page in refused.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var response = await GetAsync($"/tab/views/{page}", token);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{who} should be refused {page}: {(int)response.StatusCode}");
            Assert.Contains("fluent-message-bar", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_mentor_sees_only_what_the_mentee_shared_and_the_mentee_sees_all_of_their_own_check_in()
    {
        var store = _host.Service<CheckInStore>();
        var period = await store.OpenAdHocAsync("alex-wilber", null, "megan-bowen", TimeSpan.FromDays(1), default);
        await store.SaveAnswerAsync(new CheckInAnswer(period.Id, "alex-wilber", "TAB-SHARED-LEARNED", true, "TAB-PRIVATE-NEED", false, null, false, 4, 2, false, false, _host.Clock.GetUtcNow(), 1), default);
        var now = _host.Clock.GetUtcNow();

        var mentees = await Html("/tab/views/mentees", Token(Speaker.Megan, now));
        Assert.Contains("TAB-SHARED-LEARNED", mentees, StringComparison.Ordinal);
        Assert.DoesNotContain("TAB-PRIVATE-NEED", mentees, StringComparison.Ordinal);
        Assert.DoesNotContain("confidence 4/5", mentees, StringComparison.Ordinal);

        var own = await Html("/tab/views/growth", Token(Speaker.Alex, now));
        Assert.Contains("TAB-SHARED-LEARNED", own, StringComparison.Ordinal);
        Assert.Contains("TAB-PRIVATE-NEED", own, StringComparison.Ordinal);

        var asMentor = await Html("/tab/views/growth?person=alex-wilber", Token(Speaker.Megan, now));
        Assert.Contains("Growth of Alex Wilber", asMentor, StringComparison.Ordinal);
        Assert.DoesNotContain("TAB-SHARED-LEARNED", asMentor, StringComparison.Ordinal);

        var peer = await GetAsync("/tab/views/growth?person=alex-wilber", Token(Speaker.Isaiah, now));
        Assert.Equal(HttpStatusCode.Forbidden, peer.StatusCode);
        Assert.DoesNotContain("TAB-", await peer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_shows_the_digest_cards_own_figures_and_never_a_hidden_value()
    {
        var adele = await _host.Service<MapDirectory>().FindByAadObjectIdAsync(Speaker.Adele.Aad, default);
        var report = await _host.Service<DigestService>().ReportAsync(adele!, DigestService.Mine, default);
        var json = JsonNode.Parse(await (await GetAsync("/tab/api/dashboard", Token(Speaker.Adele, _host.Clock.GetUtcNow()))).Content.ReadAsStringAsync())!;

        Assert.Equal(report!.Header.ScopeName, (string?)json["scopeName"]);
        var weeks = json["weeks"]!.AsArray();
        Assert.Equal(report.Weeks.Count, weeks.Count);
        for (var i = 0; i < weeks.Count; i++)
        {
            var cell = report.Weeks[i].Participation;
            Assert.Equal(cell.IsShown ? "shown" : cell.State.ToString().ToLowerInvariant(), (string?)weeks[i]!["participation"]!["state"]);
            Assert.Equal(cell.IsShown ? cell.Value : null, (double?)weeks[i]!["participation"]!["value"]);
        }

        foreach (var unit in json["units"]!.AsArray())
        {
            foreach (var figure in new[] { "participation", "confidence", "load", "askedTime" })
            {
                Assert.True((string?)unit![figure]!["state"] == "shown" || unit[figure]!["value"] is null, $"a hidden {figure} carried a value");
            }
        }

        var page = await Html("/tab/views/dashboard", Token(Speaker.Adele, _host.Clock.GetUtcNow()));
        Assert.Contains(DigestText.Percent(report.ThisWeek.Participation, Cards.Language.English), page, StringComparison.Ordinal);
        Assert.Contains(DigestCard.ParticipationLine(report, Cards.Language.English), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_with_a_scope_of_their_own_can_switch_between_it_and_the_organisation_and_a_leader_sees_no_switch()
    {
        var now = _host.Clock.GetUtcNow();
        var mine = await Html("/tab/views/dashboard", Token(Speaker.Lynne, now));
        Assert.Contains("<p class=\"scopes\">", mine, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?scope=mine\" data-view-link aria-current=\"page\">", mine, StringComparison.Ordinal);

        var organisation = await Html("/tab/views/dashboard?scope=org", Token(Speaker.Lynne, now));
        Assert.Contains("<p class=\"scopes\">", organisation, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?scope=org\" data-view-link aria-current=\"page\">", organisation, StringComparison.Ordinal);

        Assert.DoesNotContain("<p class=\"scopes\">", await Html("/tab/views/dashboard", Token(Speaker.Adele, now)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_member_sees_people_and_lanes_on_the_map_but_not_other_peoples_pairings()
    {
        var now = _host.Clock.GetUtcNow();
        var asIsaiah = await Html("/tab/views/map?person=megan-bowen&unit=", Token(Speaker.Isaiah, now));
        Assert.Contains("<h2 id=\"selected-name\">Megan Bowen</h2>", asIsaiah, StringComparison.Ordinal);
        Assert.Contains("pairing(s) that only the people in them", asIsaiah, StringComparison.Ordinal);

        var asAdmin = await Html("/tab/views/map?person=megan-bowen&unit=", Token(Speaker.Lynne, now));
        Assert.DoesNotContain("pairing(s) that only the people in them", asAdmin, StringComparison.Ordinal);
        Assert.Contains(">Alex Wilber</a> · ", asAdmin, StringComparison.Ordinal);

        var search = await Html("/tab/views/map?q=wilber", Token(Speaker.Isaiah, now));
        Assert.Contains("1 people", search, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"map-graph\"", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_serves_no_development_sign_in()
    {
        using var client = _host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tab/dev/people")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/tab/dev/sign-in", new StringContent("{\"person\":\"lynne-robbins\"}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        var shell = await client.GetAsync("/tab/dashboard");
        Assert.Equal(HttpStatusCode.OK, shell.StatusCode);
        Assert.Contains("data-dev-sign-in=\"false\"", await shell.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors", shell.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_Entra_cannot_be_reached_the_tab_answers_503_with_a_retry_after_and_stays_up()
    {
        await using var host = await MentorBotHost.StartAuthenticatedAsync(new Dictionary<string, string?>
        {
            ["Map:SeedDemoMap"] = "true",
            ["Tab:OpenIdMetadataUrl"] = "https://login.unreachable.test/common/v2.0/.well-known/openid-configuration",
        });
        host.Connector.On(HttpMethod.Get, "https://login.unreachable.test/", _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var client = host.CreateClient();
        var response = await GetAsync(client, "/tab/views/map", Token(Speaker.Patti, host.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("could not be reached", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task While_the_database_does_not_answer_the_tab_answers_503_with_a_retry_after_and_works_again_after()
    {
        await using var host = await StartAsync(_host.Tokens, SwitchableDatabase.Install);
        var database = (SwitchableDatabase)host.Service<Persistence.Database>();
        using var client = host.CreateClient();
        foreach (var route in new[] { "/tab/views/dashboard", "/tab/api/me" })
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, route, Token(Speaker.Adele, host.Clock.GetUtcNow()))).StatusCode);

            HttpResponseMessage response;
            database.Answering = false;
            try
            {
                response = await GetAsync(client, route, Token(Speaker.Adele, host.Clock.GetUtcNow()));
            }
            finally
            {
                database.Answering = true;
            }

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{route} during the outage: {(int)response.StatusCode}");
            Assert.NotNull(response.Headers.RetryAfter);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Contains("database is not answering", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, route, Token(Speaker.Adele, host.Clock.GetUtcNow()))).StatusCode);
        }
    }

    /// <summary>A production host with the tab signing in against a test Entra; <paramref name="tokens"/> to share another host's issuer.</summary>
    private static async Task<MentorBotHost> StartAsync(TestTokenIssuer? tokens = null, Action<IServiceCollection>? services = null)
    {
        var host = await MentorBotHost.StartAuthenticatedWithAsync(
            new Dictionary<string, string?>
            {
                ["Map:SeedDemoMap"] = "true",
                ["Tab:OpenIdMetadataUrl"] = MetadataUrl,
                ["Tab:ApplicationIdUri"] = ApplicationIdUri,
                ["Bot:AllowedTenants:0"] = Tenant,
                ["Bot:AllowedTenants:1"] = OtherTenant.Replace("a002", "a003", StringComparison.Ordinal),
            },
            tokens,
            services);
        host.Connector.On(HttpMethod.Get, MetadataUrl, _ => RecordingHandler.Json(new JsonObject
        {
            ["issuer"] = "https://login.microsoftonline.test/{tenantid}/v2.0",
            ["jwks_uri"] = TestTokenIssuer.JwksUrl,
        }.ToJsonString()));
        return host;
    }

    private static Speaker Role(string who) => who switch
    {
        "alex" => Speaker.Alex,
        "megan" => Speaker.Megan,
        "adele" => Speaker.Adele,
        "isaiah" => Speaker.Isaiah,
        "patti" => Speaker.Patti,
        _ => Speaker.Lynne,
    };

    private string Token(Speaker who, DateTimeOffset now, Action<JsonObject>? payload = null, string tenant = Tenant, System.Security.Cryptography.RSA? signWith = null) =>
        _host.Tokens.Issue(MentorBotHost.AppId, string.Empty, now, p =>
        {
            p.Remove("serviceurl");
            p["iss"] = $"https://login.microsoftonline.test/{tenant}/v2.0";
            p["tid"] = tenant;
            p["oid"] = who.Aad;
            p["scp"] = "access_as_user";
            payload?.Invoke(p);
        }, signWith: signWith);

    private static string Unsigned(Speaker who, DateTimeOffset now) =>
        TestTokenIssuer.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + TestTokenIssuer.Encode(new JsonObject
        {
            ["iss"] = $"https://login.microsoftonline.test/{Tenant}/v2.0", ["aud"] = MentorBotHost.AppId, ["tid"] = Tenant, ["oid"] = who.Aad, ["scp"] = "access_as_user",
            ["exp"] = now.AddMinutes(30).ToUnixTimeSeconds(),
        }.ToJsonString()) + ".";

    private async Task<HttpResponseMessage> GetAsync(string route, string? token)
    {
        using var client = _host.CreateClient();
        return await GetAsync(client, route, token);
    }

    /// <summary>A GET with the token as its bearer (none when <paramref name="token"/> is null).</summary>
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string route, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    private async Task<string> Html(string route, string token)
    {
        var response = await GetAsync(route, token);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {(int)response.StatusCode} {text}");
        return text;
    }
}
